package org.openrfid.trace.service.registry.binding;

import java.util.UUID;

/**
 * Whether an object of one kind is in its registry (port). Each registry feature (vehicles, goods,
 * pallets, library items) provides one, so the binding API can refuse a binding to an unknown object
 * without depending on those features.
 */
public interface RegisteredObjects {

    ObjectKind kind();

    boolean exists(String objectId);

    /** The object id as a UUID, or null when it is not one (such an id names no vehicle or goods item). */
    static UUID uuidOrNull(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
