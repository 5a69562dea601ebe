package org.openrfid.trace.service.registry.goods;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Which unit was inside which, and when (port). A child is in at most one parent at a time:
 * aggregating it closes, at the new start, its open aggregation. History is never rewritten: an
 * aggregation that would start before the child's current one began is refused.
 */
public interface Aggregations {

    /**
     * Applies the aggregations in order, in one transaction; putting a child into the parent it is
     * already in changes nothing.
     *
     * @return how many new intervals were opened
     * @throws IllegalArgumentException when one would overlap history
     */
    int aggregate(Collection<NewAggregation> aggregations);

    /** Closes the child's open aggregation at {@code at}; false when it had none. */
    boolean disaggregate(UnitKind childKind, String childId, Instant at);

    /** Every parent interval of the child, oldest first. */
    List<Aggregation> parentsOf(UnitKind childKind, String childId);

    /** Every interval of a child inside the parent, oldest first (a container's history follows its pallets). */
    List<Aggregation> childrenOf(UnitKind parentKind, String parentId);

    /** The children inside the parent at {@code at}, by child kind then id. */
    List<Aggregation> childrenAt(UnitKind parentKind, String parentId, Instant at);

    /** The open aggregation of each of these children that has one, by child id. */
    Map<String, Aggregation> openOf(UnitKind childKind, Collection<String> childIds);

    /** The children among these that were ever in any parent. */
    java.util.Set<String> everAggregated(UnitKind childKind, Collection<String> childIds);

    /** Up to {@code limit} intervals in id order after {@code afterId} (0: from the start), for export. */
    List<Aggregation> page(long afterId, int limit);
}
