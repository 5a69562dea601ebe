package org.openrfid.trace.service.ingest;

import java.util.Optional;

/**
 * Whether the pipeline behind HTTP ingest is held, so that a payload taken now would only wait in the
 * queues (and, once they fill, hold the request thread without end). HTTP ingest then answers 503 with
 * {@code Retry-After} and takes nothing of the request; MQTT and LLRP keep back-pressuring (they do not
 * acknowledge or read), docs/reliability-ingest.md.
 */
@FunctionalInterface
public interface PipelineHold {

    /** Nothing ever holds the pipeline (a slice without a store path). */
    PipelineHold NONE = Optional::empty;

    /** Why the pipeline takes nothing now, for the problem detail; empty while it moves. */
    Optional<String> reason();
}
