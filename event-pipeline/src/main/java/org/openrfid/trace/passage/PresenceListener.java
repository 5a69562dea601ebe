package org.openrfid.trace.passage;

import java.time.Instant;
import org.openrfid.trace.reader.RawEpc;

/**
 * Receives what the smoother learns: arrivals at once, passages when they complete, and the reads it
 * refused for their reader time (which it also counts, so a listener that ignores them loses nothing
 * unseen).
 */
public interface PresenceListener {

    /** The first read of a new presence; alert rules need this without waiting for the passage. */
    void arrived(RawEpc epc, String locationId, String readerId, Instant firstSeen);

    void completed(Passage passage);

    /** A read outside the reader clock bounds: not smoothed, not in the watermark. The pipeline dead-letters it. */
    default void outOfBounds(OutOfBoundsRead read) {
    }
}
