package org.openrfid.trace.service.registry.goods;

import java.time.Instant;
import java.util.Objects;

/** A request to put a child unit into a parent from an instant on. */
public record NewAggregation(UnitKind parentKind, String parentId, UnitKind childKind, String childId, Instant from) {

    public NewAggregation {
        Objects.requireNonNull(parentKind, "parentKind");
        Objects.requireNonNull(childKind, "childKind");
        Objects.requireNonNull(from, "from");
        if (parentId == null || parentId.isBlank() || parentId.length() > 64 || childId == null || childId.isBlank() || childId.length() > 64) {
            throw new IllegalArgumentException("parent and child ids must be 1..64 characters");
        }
        if (childKind == UnitKind.CONTAINER || parentKind == UnitKind.GOODS) {
            throw new IllegalArgumentException("a " + childKind + " cannot be put into a " + parentKind);
        }
        if (parentKind == childKind) {
            throw new IllegalArgumentException("a " + childKind + " cannot be put into a " + parentKind);
        }
    }
}
