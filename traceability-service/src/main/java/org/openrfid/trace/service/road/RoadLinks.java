package org.openrfid.trace.service.road;

import java.util.Collection;
import java.util.List;

/** The road links between locations (port): a few thousand rows, read whole by {@link RoadNetwork}. */
public interface RoadLinks {

    /** Inserts or replaces (the distance) by location pair, in one transaction. */
    void save(Collection<RoadLink> links);

    /** Every link, by from then to. */
    List<RoadLink> all();

    /** Removes the link between the two locations (either order); false when there was none. */
    boolean delete(String a, String b);

    long count();
}
