package org.openrfid.trace.service.passage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.openrfid.trace.service.privacy.Scope;

/**
 * Read side of the passage store (port). Passages carry no geometry: spatial questions resolve to
 * locations first ({@code Locations}), then come here with location ids (DESIGN.md §4). Results are
 * ordered by first-seen time then passage id, and continue strictly after {@code after} when given.
 */
public interface PassageQueries {

    /**
     * Passages of the tags within their windows that the scope sees (kinds, places, restricted objects).
     * An empty window list has no passages.
     */
    List<LocatedPassage> ofTags(List<TagWindow> windows, Scope scope, PassageCursor after, TimeOrder order, int limit);

    /** Passages at these locations within [from, to) (null bounds are open) that the scope sees. */
    List<LocatedPassage> atLocations(Collection<String> locationIds, Instant from, Instant to, Scope scope,
                                     PassageCursor after, TimeOrder order, int limit);

    /** {@link #ofTags(List, Scope, PassageCursor, TimeOrder, int)} as the system sees them: every passage. */
    default List<LocatedPassage> ofTags(List<TagWindow> windows, PassageCursor after, TimeOrder order, int limit) {
        return ofTags(windows, Scope.SYSTEM, after, order, limit);
    }

    /** {@link #atLocations(Collection, Instant, Instant, Scope, PassageCursor, TimeOrder, int)} as the system sees them. */
    default List<LocatedPassage> atLocations(Collection<String> locationIds, Instant from, Instant to,
                                             PassageCursor after, TimeOrder order, int limit) {
        return atLocations(locationIds, from, to, Scope.SYSTEM, after, order, limit);
    }
}
