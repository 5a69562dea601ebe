package org.openrfid.trace.pipeline;

import org.openrfid.trace.reader.TagReadBatch;

/**
 * Takes a reader's batch in and sees it to the smoother that owns each of its locations (in a
 * cluster, possibly on another member). When {@link #ingest} returns the batch is durable: it survives
 * the death of any one member.
 */
public interface ReadIngress {

    void ingest(TagReadBatch batch);
}
