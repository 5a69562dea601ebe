package org.openrfid.trace.sampledata.generator;

import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Merges the reads of overlapping passes into one time-ordered stream. A pass is expanded only when
 * the stream reaches its start, and every read of a pass is at or after its start, so the buffer
 * holds just the reads of passes in progress: bounded by traffic density, not by run length.
 * Each expanded pass's summary goes to {@code passages} in pass order, which is the ground truth's
 * order (first seen, then EPC).
 */
public final class ReadStream implements Iterator<Read> {
    private final Iterator<Pass> passes;
    private final ReadSynthesizer synthesizer;
    private final Consumer<PassageSummary> passages;
    private final PriorityQueue<Read> pending = new PriorityQueue<>(
            Comparator.comparingLong(Read::offsetMs).thenComparingLong(Read::sequence));
    private Pass lookahead;

    public ReadStream(Iterator<Pass> passes, ReadSynthesizer synthesizer, Consumer<PassageSummary> passages) {
        this.passes = passes;
        this.synthesizer = synthesizer;
        this.passages = passages;
    }

    /** Reads generated but not yet handed out. */
    public int pendingReads() {
        return pending.size();
    }

    @Override
    public boolean hasNext() {
        fill();
        return !pending.isEmpty();
    }

    @Override
    public Read next() {
        fill();
        if (pending.isEmpty()) {
            throw new NoSuchElementException();
        }
        return pending.poll();
    }

    /** Expands every pass that starts no later than the earliest pending read. */
    private void fill() {
        while (true) {
            if (lookahead == null && passes.hasNext()) {
                lookahead = passes.next();
            }
            if (lookahead == null || (!pending.isEmpty() && lookahead.startMs() > pending.peek().offsetMs())) {
                return;
            }
            passages.accept(synthesizer.expand(lookahead, pending::add));
            lookahead = null;
        }
    }
}
