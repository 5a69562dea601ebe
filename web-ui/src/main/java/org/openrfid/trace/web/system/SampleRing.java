package org.openrfid.trace.web.system;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The last {@code capacity} samples, oldest first: adding one to a full ring drops the oldest. Written by the
 * sampler's thread, read by page requests.
 */
public final class SampleRing {

    private final int capacity;
    private final ArrayDeque<PipelineSample> samples;

    public SampleRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
        this.samples = new ArrayDeque<>(capacity);
    }

    public synchronized void add(PipelineSample sample) {
        if (samples.size() == capacity) {
            samples.removeFirst();
        }
        samples.addLast(sample);
    }

    /** Oldest first. */
    public synchronized List<PipelineSample> samples() {
        return List.copyOf(samples);
    }

    public int capacity() {
        return capacity;
    }
}
