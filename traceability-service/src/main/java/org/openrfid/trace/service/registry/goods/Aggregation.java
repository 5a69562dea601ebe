package org.openrfid.trace.service.registry.goods;

import java.time.Instant;
import java.util.Objects;

/**
 * A child unit inside a parent from {@code validFrom} (inclusive) to {@code validTo} (exclusive; null
 * while it still holds). Ids: goods by item UUID, pallets by SSCC, containers by ISO 6346 number.
 */
public record Aggregation(long id, UnitKind parentKind, String parentId, UnitKind childKind, String childId,
                          Instant validFrom, Instant validTo) {

    public Aggregation {
        Objects.requireNonNull(parentKind, "parentKind");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(childKind, "childKind");
        Objects.requireNonNull(childId, "childId");
        Objects.requireNonNull(validFrom, "validFrom");
    }

    public boolean covers(Instant t) {
        return !t.isBefore(validFrom) && (validTo == null || t.isBefore(validTo));
    }
}
