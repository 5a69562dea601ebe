package org.openrfid.trace.service.registry.goods;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One instant at which children went into a parent ({@link Action#ADD}, the intervals' start) or came
 * out of it ({@link Action#DELETE}, their end): what EPCIS renders as one AggregationEvent.
 */
public record AggregationChange(Instant time, String parentId, UnitKind parentKind, Action action) {

    public enum Action {
        ADD, DELETE
    }

    public AggregationChange {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(parentKind, "parentKind");
        Objects.requireNonNull(action, "action");
    }

    /**
     * Which changes to list: at or after {@code notBefore} and before {@code before} (either null: open),
     * of these actions, involving any of {@code children} as child, any of {@code parents} as parent and
     * any of {@code anyUnit} on either side (an empty list does not restrict).
     */
    public record Filter(Instant notBefore, Instant before, Set<Action> actions, List<UnitRef> children, List<UnitRef> parents,
            List<UnitRef> anyUnit) {

        public Filter {
            actions = Set.copyOf(actions);
            children = List.copyOf(children);
            parents = List.copyOf(parents);
            anyUnit = List.copyOf(anyUnit);
        }
    }
}
