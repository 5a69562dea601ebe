package org.openrfid.trace.service.registry.binding;

import java.time.Instant;
import java.util.Objects;

/**
 * A tag attached to an object from {@code validFrom} (inclusive) to {@code validTo} (exclusive;
 * null while it still holds).
 */
public record TagBinding(long id, String epcHex, ObjectKind kind, String objectId, Instant validFrom, Instant validTo) {

    public TagBinding {
        Objects.requireNonNull(epcHex, "epcHex");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(validFrom, "validFrom");
    }

    public BoundObject object() {
        return new BoundObject(kind, objectId);
    }

    public boolean open() {
        return validTo == null;
    }

    public boolean covers(Instant t) {
        return !t.isBefore(validFrom) && (validTo == null || t.isBefore(validTo));
    }
}
