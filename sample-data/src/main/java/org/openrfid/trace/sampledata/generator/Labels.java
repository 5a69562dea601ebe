package org.openrfid.trace.sampledata.generator;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Puts anomaly labels in offset order. Sources label a pass when they compute it, which may be a
 * little before the merged stream reaches it, but never with an offset before the stream's current
 * time, so a label is final once the stream has moved past its offset.
 */
final class Labels implements Consumer<Anomaly> {
    static final Comparator<Anomaly> ORDER = Comparator.comparingLong(Anomaly::offsetMs).thenComparing(Anomaly::kind)
            .thenComparing(Anomaly::epc).thenComparing(Anomaly::location).thenComparing(Anomaly::detail);

    private final PriorityQueue<Anomaly> pending = new PriorityQueue<>(ORDER);
    private final Consumer<Anomaly> out;

    Labels(Consumer<Anomaly> out) {
        this.out = out;
    }

    @Override
    public void accept(Anomaly anomaly) {
        pending.add(anomaly);
    }

    void releaseBefore(long offsetMs) {
        while (!pending.isEmpty() && pending.peek().offsetMs() < offsetMs) {
            out.accept(pending.poll());
        }
    }

    void finish() {
        releaseBefore(Long.MAX_VALUE);
    }
}
