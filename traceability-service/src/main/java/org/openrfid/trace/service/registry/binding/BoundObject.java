package org.openrfid.trace.service.registry.binding;

import java.util.Objects;

/** The object a tag was bound to: a vehicle, goods item, pallet or library item, by its registry id. */
public record BoundObject(ObjectKind kind, String id) {

    public BoundObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }
}
