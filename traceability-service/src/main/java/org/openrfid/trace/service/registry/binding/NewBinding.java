package org.openrfid.trace.service.registry.binding;

import java.time.Instant;
import java.util.Objects;

/** A request to attach a tag (by EPC hex) to an object from an instant on. */
public record NewBinding(String epcHex, ObjectKind kind, String objectId, Instant from) {

    public NewBinding {
        Objects.requireNonNull(epcHex, "epcHex");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        if (objectId == null || objectId.isBlank() || objectId.length() > 64) {
            throw new IllegalArgumentException("objectId must be 1..64 characters");
        }
    }
}
