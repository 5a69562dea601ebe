package org.openrfid.trace.passage;

import java.time.Instant;
import org.openrfid.trace.reader.RawEpc;

/** Receives what the smoother learns: arrivals at once, passages when they complete. */
public interface PresenceListener {

    /** The first read of a new presence; alert rules need this without waiting for the passage. */
    void arrived(RawEpc epc, String locationId, String readerId, Instant firstSeen);

    void completed(Passage passage);
}
