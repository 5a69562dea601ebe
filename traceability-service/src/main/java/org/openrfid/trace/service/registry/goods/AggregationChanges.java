package org.openrfid.trace.service.registry.goods;

import java.util.List;
import java.util.Map;

/**
 * The aggregation history read as changes (port): what EPCIS publishes as AggregationEvents, so that it
 * reads the goods feature's history through this port and never its table.
 */
public interface AggregationChanges {

    /**
     * Up to {@code limit} changes matching the filter after {@code after} (null: from the start), ordered
     * by time, then parent id, parent kind and action (the database's order), so that a caller pages
     * with the last change of a page as the next {@code after}.
     */
    List<AggregationChange> changes(AggregationChange.Filter filter, AggregationChange after, int limit);

    /** The children that went in or came out at each change, by child kind then id. */
    Map<AggregationChange, List<UnitRef>> childrenOf(List<AggregationChange> changes);
}
