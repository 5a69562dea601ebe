package org.openrfid.trace.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.passage.OutOfBoundsRead;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageSmoother;
import org.openrfid.trace.passage.PresenceListener;
import org.openrfid.trace.pipeline.filter.ReadFilter;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.TagRead;
import org.openrfid.trace.reader.TagReadBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The filter and smoothing steps as a plain bean: a batch of reads (or a tick) in, the arrivals and
 * passages it produced out. Camel calls it from one consumer thread, which is what
 * {@link PassageSmoother} needs.
 *
 * <p>Quiet presences are checked after a batch or a tick only when a gap has passed since the last check:
 * the check walks all open presences, and doing it for each of thousands of batches a second would cost
 * more than the smoothing itself. The gap is {@link #ADVANCE_EVERY_MICROS} (10 ms: a passage reaches the
 * dashboards within tens of milliseconds of its window closing, issue 15), widened to
 * {@link #ADVANCE_COST_FACTOR} times what the last check cost when many presences are open, so the checks
 * never take more than about a twentieth of the smoother's thread, and never wider than
 * {@link #ADVANCE_EVERY_MAX_MICROS}.
 *
 * <p>Reads the smoother refuses for their reader time come out as {@link ReadDeadLetter}s and are
 * counted; a reader clock step back is logged (it is rare and worth a look at the reader).
 */
public final class SmoothingStage {

    static final long ADVANCE_EVERY_MICROS = 10_000;
    static final long ADVANCE_EVERY_MAX_MICROS = 50_000;
    static final int ADVANCE_COST_FACTOR = 20;

    private static final Logger log = LoggerFactory.getLogger(SmoothingStage.class);

    /** What one batch produced: arrivals, completed passages, and reads refused for their reader time. */
    public record Output(List<TagArrival> arrivals, List<Passage> passages, List<ReadDeadLetter> deadLetters) {

        public Output(List<TagArrival> arrivals, List<Passage> passages) {
            this(arrivals, passages, List.of());
        }
    }

    /** The first read of a tag at a location. */
    public record TagArrival(RawEpc epc, String locationId, String readerId, Instant firstSeen) {
    }

    private final PassageSmoother smoother;
    private final ReadFilter filter;
    private final Clock clock;
    private final PipelineCounters counters;
    private long lastAdvanceWall = Long.MIN_VALUE;
    private long advanceGap = ADVANCE_EVERY_MICROS;
    private long clockStepsLogged;

    public SmoothingStage(PassageSmoother smoother, Clock clock, PipelineCounters counters) {
        this(smoother, ReadFilter.passAll(), clock, counters);
    }

    public SmoothingStage(PassageSmoother smoother, ReadFilter filter, Clock clock, PipelineCounters counters) {
        this.smoother = smoother;
        this.filter = filter;
        this.clock = clock;
        this.counters = counters;
    }

    /**
     * Work that must run on the smoother's thread, in order with the reads: applying a forwarded chunk of
     * reads, importing or exporting a location's state (the cluster layer sends these).
     */
    public interface Task {
        void run(TaskContext context);
    }

    /** What a {@link Task} may use, only while it runs. */
    public interface TaskContext {
        PassageSmoother smoother();

        long nowWallMicros();

        /** Filters, smooths and counts the reads exactly as {@link #onBatch} does. */
        void accept(TagReadBatch batch);

        /** Passages completed by this stage so far, including the ones of the running task. */
        long passagesOut();

        /** Closes the location's open presences into passages now; they leave with this task's output. */
        void completeLocation(String locationId);
    }

    public Output onTask(Task task) {
        Collector out = new Collector();
        long now = Instants.toMicros(clock.instant());
        boolean[] accepted = {false};
        task.run(new TaskContext() {
            @Override
            public PassageSmoother smoother() {
                return smoother;
            }

            @Override
            public long nowWallMicros() {
                return now;
            }

            @Override
            public void accept(TagReadBatch batch) {
                acceptAll(batch, now, out);
                accepted[0] = true;
            }

            @Override
            public long passagesOut() {
                return counters.passagesOut() + out.passages.size();
            }

            @Override
            public void completeLocation(String locationId) {
                smoother.flushLocation(locationId, out);
            }
        });
        if (accepted[0] && dueForAdvance(now)) {
            advance(now, out);
        }
        publish();
        return out.done();
    }

    public Output onBatch(TagReadBatch batch) {
        Collector out = new Collector();
        long now = Instants.toMicros(clock.instant());
        acceptAll(batch, now, out);
        if (dueForAdvance(now)) {
            advance(now, out);
        }
        publish();
        return out.done();
    }

    private void acceptAll(TagReadBatch batch, long now, Collector out) {
        int filtered = 0;
        boolean filtering = !filter.isPassAll();
        for (TagRead read : batch.reads()) {
            if (filtering && filter.test(read) != ReadFilter.Verdict.PASS) {
                filtered++;
                continue;
            }
            smoother.accept(read, now, out);
        }
        counters.batchesIn.increment();
        counters.readsIn.add(batch.size());
        counters.readsFiltered.add(filtered);
    }

    public Output onTick(Tick tick) {
        Collector out = new Collector();
        if (dueForAdvance(tick.wallMicros())) {
            advance(tick.wallMicros(), out); // batches keep checking while they flow; ticks do it when they stop
        }
        publish();
        return out.done();
    }

    /**
     * Closes every open presence now (a graceful stop of a node that no other member takes over from):
     * their passages come out as those of any batch, so they reach the store before the process ends.
     */
    public Output onFlush() {
        Collector out = new Collector();
        smoother.flush(out);
        publish();
        return out.done();
    }

    public int openPresences() {
        return smoother.openPresences();
    }

    public ReadFilter filter() {
        return filter;
    }

    /** The gap has passed since the last check; also before the first and after the wall clock stepped back. */
    private boolean dueForAdvance(long now) {
        if (lastAdvanceWall == Long.MIN_VALUE) {
            return true;
        }
        long since = now - lastAdvanceWall;
        return since >= advanceGap || since < 0;
    }

    private void advance(long now, Collector out) {
        long started = System.nanoTime();
        smoother.advance(now, out);
        lastAdvanceWall = now;
        long costMicros = (System.nanoTime() - started) / 1000;
        advanceGap = Math.min(ADVANCE_EVERY_MAX_MICROS, Math.max(ADVANCE_EVERY_MICROS, costMicros * ADVANCE_COST_FACTOR));
    }

    private void publish() {
        long steps = smoother.clockSteps();
        if (steps != clockStepsLogged) {
            log.warn("Reader {}'s clock stepped back further than the step-back threshold: the presences it last saw were completed "
                    + "and its watermark started afresh ({} step(s) of any reader so far; check its time source)",
                    smoother.lastSteppedReader(), steps);
            clockStepsLogged = steps;
        }
        counters.readsAhead = smoother.readsAhead();
        counters.readsBehind = smoother.readsBehind();
        counters.clockSteps = steps;
        counters.readsMerged = smoother.acceptedReads();
        counters.lateReads = smoother.lateReads();
        counters.unmappedReads = smoother.unmappedReads();
        counters.openPresences = smoother.openPresences();
        counters.lastReadMicros = smoother.lastReadMicros();
    }

    private final class Collector implements PresenceListener {
        private List<TagArrival> arrivals = List.of();
        private List<Passage> passages = List.of();
        private List<ReadDeadLetter> deadLetters = List.of();

        @Override
        public void arrived(RawEpc epc, String locationId, String readerId, Instant firstSeen) {
            if (arrivals.isEmpty()) {
                arrivals = new ArrayList<>();
            }
            arrivals.add(new TagArrival(epc, locationId, readerId, firstSeen));
        }

        @Override
        public void completed(Passage passage) {
            if (passages.isEmpty()) {
                passages = new ArrayList<>();
            }
            passages.add(passage);
        }

        @Override
        public void outOfBounds(OutOfBoundsRead read) {
            if (deadLetters.isEmpty()) {
                deadLetters = new ArrayList<>();
            }
            deadLetters.add(ReadDeadLetter.of(read));
        }

        Output done() {
            counters.arrivals.add(arrivals.size());
            counters.passagesOut.add(passages.size());
            return new Output(arrivals, passages, deadLetters);
        }
    }
}
