package org.openrfid.trace.pipeline;

import java.util.List;
import org.openrfid.trace.reader.TagReadBatch;

/**
 * Takes a reader's batch in and sees it to the smoother that owns each of its locations (in a
 * cluster, possibly on another member). When {@link #ingest} returns the batch is durable: it survives
 * the death of any one member.
 */
public interface ReadIngress {

    void ingest(TagReadBatch batch);

    /**
     * Several batches at once (those waiting in the ingress queue), in order; durable when it returns.
     * An ingress that can share the work between them (one log append per location) overrides this.
     */
    default void ingestAll(List<TagReadBatch> batches) {
        batches.forEach(this::ingest);
    }
}
