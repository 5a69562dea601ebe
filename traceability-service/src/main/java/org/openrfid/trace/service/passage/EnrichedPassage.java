package org.openrfid.trace.service.passage;

import org.openrfid.trace.service.location.LocationInfo;

import java.util.Objects;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.service.registry.binding.BoundObject;

/**
 * A completed passage with what the registry said about it when it was stored.
 *
 * @param passage  the passage as smoothing made it
 * @param object   the object the tag was bound to at the passage's first-seen time; null when the tag
 *                 was bound to nothing then (or is not registered)
 * @param location the location's name, kind and position; null when the location is not registered
 */
public record EnrichedPassage(Passage passage, BoundObject object, LocationInfo location) {

    public EnrichedPassage {
        Objects.requireNonNull(passage, "passage");
    }

    /** A passage nothing is known about (yet). */
    public static EnrichedPassage bare(Passage passage) {
        return new EnrichedPassage(passage, null, null);
    }
}
