package org.openrfid.trace.service.ingest;

import org.openrfid.trace.pipeline.ingest.IngestRejection;
import org.openrfid.trace.pipeline.ingest.ReaderJsonMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.reader.TagRead;
import org.openrfid.trace.reader.TagReadBatch;

/**
 * Reader JSON in, {@link TagReadBatch}es into the pipeline out — shared by HTTP and MQTT ingest.
 *
 * <p>A payload is one JSON value, or newline-delimited JSON (Impinj streams one event per line). Each
 * message stands alone: a bad one is refused into the dead letters and the good ones around it are
 * still delivered, so one reader's garbage never holds up its reads or anyone else's. Reads of one
 * payload travel as one batch per reader (never one exchange per read, DESIGN.md §2).
 */
public final class ReadIngest {

    /** One refused message of a payload: its position (0-based line or element) and why. */
    public record Refusal(int message, String reason, String detail) {
    }

    /** What became of a payload. */
    public record Result(int messages, int reads, int batches, List<Refusal> refused) {

        public boolean acceptedNothing() {
            return !refused.isEmpty() && refused.size() == messages;
        }
    }

    private final ReaderJsonMapper mapper;
    private final Consumer<TagReadBatch> pipeline;
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final int maxReadsPerPayload;
    private final Counter readsIn;
    private ReadJournal journal;
    /** Held (shared) from a payload's journal append to its hand-over, so a checkpoint sees both or neither. */
    private final java.util.concurrent.locks.ReadWriteLock handOver = new java.util.concurrent.locks.ReentrantReadWriteLock();

    /**
     * @param pipeline where batches go (the pipeline's reads endpoint); may block when the pipeline is
     *                 full, which slows the sender down instead of dropping reads
     */
    public ReadIngest(ReaderJsonMapper mapper, Consumer<TagReadBatch> pipeline, DeadLetters deadLetters, Clock clock,
                      int maxReadsPerPayload, MeterRegistry registry) {
        this.mapper = mapper;
        this.pipeline = pipeline;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.maxReadsPerPayload = maxReadsPerPayload;
        this.readsIn = Counter.builder("rfid.ingest.reads").description("tag reads accepted from pushing readers").register(registry);
    }

    /**
     * @param source     where it came from, for the dead letters (e.g. {@code http}, {@code mqtt:rfid/reads/gantry-7})
     * @param readerHint the reader named by the transport, used when the message names none
     */
    public Result ingest(String payload, String source, String readerHint) {
        return ingest(payload, source, readerHint, Instants.toMicros(clock.instant()), true);
    }

    /**
     * Journals accepted payloads from now on (fsync'd before {@link #ingest} returns, so before the
     * sender's acknowledgement).
     */
    public ReadIngest journalTo(ReadJournal journal) {
        this.journal = journal;
        return this;
    }

    /**
     * Hands the payloads of journal segments left by an earlier run to the pipeline again, as they came
     * (with their receive time). The segments stay until a later checkpoint; a passage made twice is
     * stored once (passage ids follow from tag, place and first read).
     *
     * @return the payloads replayed
     */
    public int replay(List<java.nio.file.Path> segments) throws java.io.IOException {
        int replayed = 0;
        for (java.nio.file.Path segment : segments) {
            for (ReadJournal.Entry e : ReadJournal.read(segment)) {
                ingest(e.payload(), e.source(), e.readerHint(), e.receivedMicros(), false);
                replayed++;
            }
        }
        return replayed;
    }

    /**
     * Starts a new journal segment once every payload journalled so far has been handed to the pipeline;
     * returns the older segments, which {@code afterHandOver} (e.g. flushing the pipeline into the
     * store) must make redundant before they are deleted. Nothing when no journal is kept.
     */
    public void checkpoint(Runnable afterHandOver) {
        if (journal == null) {
            afterHandOver.run();
            return;
        }
        List<java.nio.file.Path> older;
        handOver.writeLock().lock();
        try {
            older = journal.rotate();
        } finally {
            handOver.writeLock().unlock();
        }
        afterHandOver.run();
        journal.delete(older);
    }

    /**
     * Keeps the journal to what a crash could still lose while the node runs: starts a new segment, then
     * deletes segments last written more than {@code keep} ago. A presence closes seconds after its tag's
     * last read and its passage is then stored or spooled (both durable), so those reads are passages by
     * now — except a tag present for longer than {@code keep}, whose passage after a crash would start at
     * the oldest read still journalled (docs/reliability-ingest.md).
     */
    public int trim(java.time.Duration keep, java.time.Instant now) {
        if (journal == null) {
            return 0;
        }
        List<java.nio.file.Path> older;
        handOver.writeLock().lock();
        try {
            older = journal.rotate();
        } finally {
            handOver.writeLock().unlock();
        }
        List<java.nio.file.Path> aged = older.stream().filter(p -> {
            try {
                return java.nio.file.Files.getLastModifiedTime(p).toInstant().isBefore(now.minus(keep));
            } catch (java.io.IOException e) {
                return false; // kept: a later trim tries again
            }
        }).toList();
        journal.delete(aged);
        return aged.size();
    }

    private Result ingest(String payload, String source, String readerHint, long now, boolean journalIt) {
        List<String> messages = split(payload);
        List<Refusal> refused = new ArrayList<>();
        Map<String, List<TagRead>> byReader = new LinkedHashMap<>();
        int reads = 0;
        for (int i = 0; i < messages.size(); i++) {
            String message = messages.get(i);
            try {
                List<ReaderJsonMapper.MappedRead> mapped = mapper.map(message, readerHint, now);
                if (reads + mapped.size() > maxReadsPerPayload) {
                    throw new IngestRejection(IngestRejection.Reason.TOO_LARGE,
                            "more than " + maxReadsPerPayload + " reads in one payload; split it");
                }
                for (ReaderJsonMapper.MappedRead m : mapped) {
                    byReader.computeIfAbsent(m.readerId(), r -> new ArrayList<>()).add(m.read());
                }
                reads += mapped.size();
            } catch (IngestRejection e) {
                deadLetters.add(source, e, message);
                refused.add(new Refusal(i, e.reason().tag(), e.getMessage()));
            }
        }
        if (messages.isEmpty()) {
            IngestRejection empty = new IngestRejection(IngestRejection.Reason.MALFORMED_JSON, "empty payload");
            deadLetters.add(source, empty, payload);
            refused.add(new Refusal(0, empty.reason().tag(), empty.getMessage()));
            return new Result(1, 0, 0, refused);
        }
        handOver.readLock().lock();
        try {
            if (journalIt && journal != null && !byReader.isEmpty()) {
                journal.append(new ReadJournal.Entry(now, source, readerHint, payload));
            }
            for (Map.Entry<String, List<TagRead>> e : byReader.entrySet()) {
                pipeline.accept(new TagReadBatch(e.getKey(), e.getValue()));
            }
        } finally {
            handOver.readLock().unlock();
        }
        readsIn.increment(reads);
        return new Result(messages.size(), reads, byReader.size(), refused);
    }

    /** One JSON value, or several one per line (NDJSON); blank lines are ignored. */
    static List<String> split(String payload) {
        if (payload == null || payload.isBlank()) {
            return List.of();
        }
        String trimmed = payload.strip();
        if (trimmed.indexOf('\n') < 0) {
            return List.of(trimmed);
        }
        // A pretty-printed single document spans lines too: NDJSON lines each start a value on their own.
        List<String> lines = trimmed.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        boolean ndjson = lines.stream().allMatch(l -> (l.startsWith("{") && l.endsWith("}")) || (l.startsWith("[") && l.endsWith("]")));
        return ndjson ? lines : List.of(trimmed);
    }
}
