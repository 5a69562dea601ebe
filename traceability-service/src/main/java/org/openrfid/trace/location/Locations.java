package org.openrfid.trace.location;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The registry of locations (port). */
public interface Locations {

    /** Inserts or replaces by id. */
    void save(Collection<Location> locations);

    Optional<Location> find(String id);

    List<Location> all();
}
