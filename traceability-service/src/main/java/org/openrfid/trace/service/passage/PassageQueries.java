package org.openrfid.trace.service.passage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Read side of the passage store (port). Passages carry no geometry: spatial questions resolve to
 * locations first ({@code Locations}), then come here with location ids (DESIGN.md §4). Results are
 * ordered by first-seen time then passage id, and continue strictly after {@code after} when given.
 */
public interface PassageQueries {

    /** Passages of the tags within their windows. An empty window list has no passages. */
    List<LocatedPassage> ofTags(List<TagWindow> windows, PassageCursor after, TimeOrder order, int limit);

    /** Passages at these locations within [from, to) (null bounds are open). */
    List<LocatedPassage> atLocations(Collection<String> locationIds, Instant from, Instant to,
                                     PassageCursor after, TimeOrder order, int limit);
}
