package org.openrfid.trace.service.location;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;

/** The registry of locations (port). */
public interface Locations {

    /** Inserts or replaces by id. */
    void save(Collection<Location> locations);

    Optional<Location> find(String id);

    /**
     * Removes the location. Nothing else is touched: its children keep their parent id and passages
     * their location id, so callers check first what still refers to it.
     *
     * @return whether there was such a location
     */
    boolean delete(String id);

    List<Location> all();

    /** Up to {@code limit} locations ordered by id, after {@code afterId} (null: from the start). */
    List<Location> page(String afterId, int limit);

    /** Locations whose position lies in the area (WGS84 polygon or multipolygon, lon/lat order), by id. */
    List<Location> within(Geometry area);

    /** Locations within {@code metres} great-circle distance of the point, by id. */
    List<Location> near(double lat, double lon, double metres);

    /** The given ids, those of their children, their children's children and so on. */
    Set<String> withDescendants(Collection<String> ids);
}
