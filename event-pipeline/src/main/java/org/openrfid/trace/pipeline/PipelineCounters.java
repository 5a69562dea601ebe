package org.openrfid.trace.pipeline;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters the metrics binder reads. Adders are written on the hot path; the volatile values are
 * published by the smoothing thread once per batch (the smoother itself is single-threaded and must
 * not be read from the metrics thread).
 */
public final class PipelineCounters {

    final LongAdder readsIn = new LongAdder();
    final LongAdder batchesIn = new LongAdder();
    final LongAdder arrivals = new LongAdder();
    final LongAdder passagesOut = new LongAdder();
    final LongAdder readsFiltered = new LongAdder();
    volatile long readsMerged;
    volatile long lateReads;
    volatile long unmappedReads;
    volatile long openPresences;
    volatile long readsAhead;
    volatile long readsBehind;
    volatile long clockSteps;
    /** Reader time (µs) of the newest read smoothed; the lag is now minus this. */
    volatile long lastReadMicros = Long.MIN_VALUE;

    public long readsIn() {
        return readsIn.sum();
    }

    public long batchesIn() {
        return batchesIn.sum();
    }

    public long arrivals() {
        return arrivals.sum();
    }

    public long passagesOut() {
        return passagesOut.sum();
    }

    public long readsFiltered() {
        return readsFiltered.sum();
    }

    /** Reads merged into presences (not filtered, not late, with a read point). */
    public long readsMerged() {
        return readsMerged;
    }

    public long lateReads() {
        return lateReads;
    }

    public long unmappedReads() {
        return unmappedReads;
    }

    public long openPresences() {
        return openPresences;
    }

    /** Reads refused (and dead-lettered) for reader time too far ahead of their receive time. */
    public long readsAhead() {
        return readsAhead;
    }

    /** Reads refused (and dead-lettered) for reader time too far behind their receive time. */
    public long readsBehind() {
        return readsBehind;
    }

    /** Reads refused for their reader time, ahead or behind: none of them reached a watermark. */
    public long readsOutOfBounds() {
        return readsAhead + readsBehind;
    }

    /** Times a reader's clock stepped back and the reader was re-based (its open presences completed). */
    public long clockSteps() {
        return clockSteps;
    }

    /**
     * Share of merged reads that collapsed into an existing passage: 1 − passages/reads (0.99 = one
     * passage per hundred reads); 0 before any read.
     */
    public double dedupRatio() {
        long merged = readsMerged;
        return merged == 0 ? 0.0 : Math.max(0.0, 1.0 - (double) passagesOut.sum() / merged);
    }

    /** Seconds between the given wall time and the reader time of the newest read smoothed; 0 before any. */
    public double lagSeconds(long nowWallMicros) {
        long last = lastReadMicros;
        return last == Long.MIN_VALUE ? 0.0 : Math.max(0, nowWallMicros - last) / 1e6;
    }
}
