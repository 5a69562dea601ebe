package org.openrfid.trace.pipeline;

import java.util.concurrent.atomic.LongAdder;

/** Counters the metrics binder reads; written on the hot path, so plain adders. */
public final class PipelineCounters {

    final LongAdder readsIn = new LongAdder();
    final LongAdder batchesIn = new LongAdder();
    final LongAdder arrivals = new LongAdder();
    final LongAdder passagesOut = new LongAdder();

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
}
