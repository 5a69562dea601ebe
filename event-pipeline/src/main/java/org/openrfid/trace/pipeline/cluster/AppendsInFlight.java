package org.openrfid.trace.pipeline.cluster;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ingest rounds whose read-log appends are still waiting, with when each began: the hand-off from the
 * ingress thread ({@link IngestForwarding}, which adds and removes rounds) to the control thread
 * ({@link StallWatch}, which looks at the oldest). Thread-safe; it holds no other state.
 */
final class AppendsInFlight {

    private final Map<Long, Long> startedAtNanos = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** Records a round that began at {@code startNanos}; returns its id for {@link #finished}. */
    Long started(long startNanos) {
        Long id = ids.incrementAndGet();
        startedAtNanos.put(id, startNanos);
        return id;
    }

    void finished(Long id) {
        startedAtNanos.remove(id);
    }

    boolean isEmpty() {
        return startedAtNanos.isEmpty();
    }

    /** When the oldest round still waiting began, or {@code otherwise} when none waits. */
    long oldestStartNanos(long otherwise) {
        return startedAtNanos.values().stream().mapToLong(Long::longValue).min().orElse(otherwise);
    }
}
