package org.openrfid.trace.passage;

import java.util.HashMap;

/**
 * The open presences of one location, keyed by EPC (so no key object is made per read), with the
 * location's silence window. Part of the {@link PassageSmoother}'s state, driven by its thread.
 */
final class LocationPresences {

    final String locationId;
    /** Looked up again when the registry's location kinds change (on the smoothing thread). */
    long silence;
    final HashMap<org.openrfid.trace.reader.RawEpc, Presence> open = new HashMap<>();

    LocationPresences(String locationId, long silence) {
        this.locationId = locationId;
        this.silence = silence;
    }
}
