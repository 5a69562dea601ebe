package org.openrfid.trace.service.passage;

import java.util.Objects;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.passage.Passage;

/** A passage with its location, or with null when the location id is not (or no longer) registered. */
public record LocatedPassage(Passage passage, Location location) {

    public LocatedPassage {
        Objects.requireNonNull(passage, "passage");
    }
}
