package org.openrfid.trace.pipeline;

/**
 * The endpoint URIs that join the routes, from configuration. Queues are bounded and block when
 * full, so overload slows the readers' consumers down instead of dropping reads.
 *
 * @param reads       where reader routes put {@code TagReadBatch}es; the smoothing route reads it
 * @param passages    where the smoothing route puts lists of completed passages
 * @param arrivals    where arrivals go (alert rules, live view); a seda queue nobody must wait for
 * @param tickMillis  how often quiet presences are checked for completion
 * @param deadLetters where the smoothing route puts lists of {@link ReadDeadLetter}s (reads refused for
 *                    their reader time); a seda queue nobody must wait for: the refused reads are counted
 *                    in {@link PipelineCounters} whether or not anyone takes them
 */
public record PipelineEndpoints(String reads, String passages, String arrivals, long tickMillis, String deadLetters) {

    /**
     * Refused reads are few (a reader with a bad clock), so a small queue that never holds the smoother up:
     * when nobody listens or the listener is a thousand batches behind, the letters are dropped (the counters
     * still have them).
     */
    /**
     * How often a tick checks quiet presences when no batch does (traffic has stopped): the last passages
     * before a lull close within this of their window, not a quarter of a second later as with the 250 ms
     * of before (which was the whole tail of the dashboard benchmark: issue 15). A tick finds the check
     * done when batches flow, so it costs a queue hand-off, 50 a second.
     */
    public static final long TICK_MILLIS = 20;

    public static final String DEFAULT_DEAD_LETTERS = "seda:read-dead-letters?size=1000&discardIfNoConsumers=true&discardWhenFull=true";

    public PipelineEndpoints {
        deadLetters = deadLetters == null ? DEFAULT_DEAD_LETTERS : deadLetters;
    }

    public PipelineEndpoints(String reads, String passages, String arrivals, long tickMillis) {
        this(reads, passages, arrivals, tickMillis, DEFAULT_DEAD_LETTERS);
    }

    public static PipelineEndpoints defaults() {
        return new PipelineEndpoints(
                "seda:tag-reads?size=10000&blockWhenFull=true",
                "seda:passages?size=2000&blockWhenFull=true",
                "seda:arrivals?size=10000&discardIfNoConsumers=true",
                TICK_MILLIS,
                DEFAULT_DEAD_LETTERS);
    }
}
