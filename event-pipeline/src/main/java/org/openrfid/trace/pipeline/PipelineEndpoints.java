package org.openrfid.trace.pipeline;

/**
 * The endpoint URIs that join the routes, from configuration. Queues are bounded and block when
 * full, so overload slows the readers' consumers down instead of dropping reads.
 *
 * @param reads     where reader routes put {@code TagReadBatch}es; the smoothing route reads it
 * @param passages  where the smoothing route puts lists of completed passages
 * @param arrivals  where arrivals go (alert rules, live view); a seda queue nobody must wait for
 * @param tickMillis how often quiet presences are checked for completion
 */
public record PipelineEndpoints(String reads, String passages, String arrivals, long tickMillis) {

    public static PipelineEndpoints defaults() {
        return new PipelineEndpoints(
                "seda:tag-reads?size=10000&blockWhenFull=true",
                "seda:passages?size=2000&blockWhenFull=true",
                "seda:arrivals?size=10000&discardIfNoConsumers=true",
                250);
    }
}
