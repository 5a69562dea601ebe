package org.openrfid.trace.service.ingest;

import org.openrfid.trace.pipeline.ingest.IngestRejection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Refused reader messages, kept for inspection: the newest {@code capacity} with reason, detail and
 * the payload (cut to {@link #MAX_PAYLOAD_CHARS}), and a counter per reason
 * ({@code rfid_ingest_rejected_total{reason}}). Bounded, so a reader sending garbage all day costs a
 * fixed amount of memory; the count keeps growing so the garbage is never invisible.
 */
public final class DeadLetters {

    static final int MAX_PAYLOAD_CHARS = 4_096;

    /** One refused message. */
    public record DeadLetter(Instant receivedAt, String source, String reason, String detail, String payload) {
    }

    private final int capacity;
    private final Clock clock;
    private final ArrayDeque<DeadLetter> letters = new ArrayDeque<>();
    private final Map<IngestRejection.Reason, Counter> counters = new EnumMap<>(IngestRejection.Reason.class);

    public DeadLetters(int capacity, Clock clock, MeterRegistry registry) {
        if (capacity < 1) {
            throw new IllegalArgumentException("dead-letter capacity must be at least 1");
        }
        this.capacity = capacity;
        this.clock = clock;
        for (IngestRejection.Reason reason : IngestRejection.Reason.values()) {
            counters.put(reason, Counter.builder("rfid.ingest.rejected").tag("reason", reason.tag())
                    .description("reader messages refused by ingest").register(registry));
        }
    }

    public void add(String source, IngestRejection rejection, String payload) {
        counters.get(rejection.reason()).increment();
        String kept = payload == null ? null
                : payload.length() > MAX_PAYLOAD_CHARS ? payload.substring(0, MAX_PAYLOAD_CHARS) + "…" : payload;
        DeadLetter letter = new DeadLetter(clock.instant(), source, rejection.reason().tag(), rejection.getMessage(), kept);
        synchronized (letters) {
            if (letters.size() == capacity) {
                letters.removeFirst();
            }
            letters.addLast(letter);
        }
    }

    /** Newest first. */
    public List<DeadLetter> newest(int limit) {
        synchronized (letters) {
            List<DeadLetter> out = new ArrayList<>(Math.min(limit, letters.size()));
            var it = letters.descendingIterator();
            while (it.hasNext() && out.size() < limit) {
                out.add(it.next());
            }
            return out;
        }
    }

    public long rejected(IngestRejection.Reason reason) {
        return (long) counters.get(reason).count();
    }
}
