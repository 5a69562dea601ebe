package org.openrfid.trace.service.registry.goods;

import java.util.Objects;

/** A unit as the aggregation history names it: goods by item UUID, pallets by SSCC, containers by ISO 6346 number. */
public record UnitRef(UnitKind kind, String id) {

    public UnitRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }
}
