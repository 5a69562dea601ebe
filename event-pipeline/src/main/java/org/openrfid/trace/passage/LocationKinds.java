package org.openrfid.trace.passage;

/**
 * The kind of each location as the registry knows it (lane, gate, dock_door, ...), for smoothing
 * settings chosen per kind. Called on the smoothing thread, so it must answer from memory.
 */
public interface LocationKinds {

    /** Knows no location. */
    LocationKinds NONE = new LocationKinds() {
        @Override
        public String kindOf(String locationId) {
            return null;
        }

        @Override
        public long version() {
            return 0;
        }
    };

    /** The location's kind, or null when unknown. */
    String kindOf(String locationId);

    /** Changes whenever a kind may have changed, so callers that keep per-location settings know to look again. */
    long version();
}
