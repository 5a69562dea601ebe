package org.openrfid.trace.service.anpr;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.openrfid.trace.pipeline.ingest.IngestRejection;
import org.openrfid.trace.service.ingest.DeadLetters;

/**
 * Camera JSON in, stored plate reads out, then to the rules ({@link PlateReadFeed}) — shared by HTTP
 * and MQTT ingest. Reads are stored before the answer, so what was answered as accepted is in the
 * store; a read already stored (a re-sent one) is counted as a duplicate and not fed to the rules
 * again. Refused reads go to the {@link DeadLetters} with the field named.
 */
public final class PlateIngest {

    /** One refused read: its position in the payload, the field and why. */
    public record Refusal(int read, String field, String reason, String detail) {
    }

    /**
     * What became of a payload.
     *
     * @param reads      reads accepted (stored now or before)
     * @param stored     of which new
     * @param duplicates of which already stored
     */
    public record Result(int received, int reads, int stored, int duplicates, List<Refusal> refused) {

        public boolean acceptedNothing() {
            return reads == 0 && !refused.isEmpty();
        }
    }

    private final PlateReadJson mapper;
    private final PlateReads store;
    private final PlateReadFeed feed;
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final int maxReadsPerPayload;
    private final Counter readsIn;

    public PlateIngest(PlateReadJson mapper, PlateReads store, PlateReadFeed feed, DeadLetters deadLetters, Clock clock,
                       int maxReadsPerPayload, MeterRegistry registry) {
        this.mapper = mapper;
        this.store = store;
        this.feed = feed;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.maxReadsPerPayload = maxReadsPerPayload;
        this.readsIn = Counter.builder("rfid.ingest.plate.reads").description("camera plate reads accepted").register(registry);
    }

    /**
     * @param source     where it came from, for the dead letters ({@code http}, {@code mqtt:rfid/plates/cam-7})
     * @param cameraHint the camera named by the transport, for reads naming none
     * @throws RuntimeException when the store fails: nothing of the payload is then accepted
     */
    public Result ingest(String payload, String source, String cameraHint) {
        List<PlateReadJson.Mapped> mapped;
        try {
            mapped = mapper.map(payload, cameraHint, clock.instant().truncatedTo(ChronoUnit.MICROS));
            if (mapped.size() > maxReadsPerPayload) {
                throw new IngestRejection(IngestRejection.Reason.TOO_LARGE, "more than " + maxReadsPerPayload + " plate reads in one payload; split it");
            }
        } catch (IngestRejection e) {
            deadLetters.add(source, e, payload);
            boolean aField = e.reason() == IngestRejection.Reason.INVALID_FIELD || e.reason() == IngestRejection.Reason.MISSING_FIELD;
            String field = aField && e.getMessage().contains(":") ? e.getMessage().substring(0, e.getMessage().indexOf(':')) : null;
            return new Result(1, 0, 0, 0, List.of(new Refusal(0, field, e.reason().tag(), e.getMessage())));
        }
        List<PlateRead> good = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        for (int i = 0; i < mapped.size(); i++) {
            PlateReadJson.Mapped m = mapped.get(i);
            if (m.read() != null) {
                good.add(m.read());
            } else {
                deadLetters.add(source, m.refusal(), m.json());
                refused.add(new Refusal(i, m.field(), m.refusal().reason().tag(), m.refusal().getMessage()));
            }
        }
        List<PlateRead> fresh = good.isEmpty() ? List.of() : store.saveAll(good);
        readsIn.increment(good.size());
        if (!fresh.isEmpty()) {
            feed.publish(fresh);
        }
        return new Result(mapped.size(), good.size(), fresh.size(), good.size() - fresh.size(), refused);
    }
}
