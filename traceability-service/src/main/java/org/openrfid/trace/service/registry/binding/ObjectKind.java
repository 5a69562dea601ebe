package org.openrfid.trace.service.registry.binding;

import java.util.Locale;

/** What a tag can be bound to. */
public enum ObjectKind {
    VEHICLE, GOODS, PALLET, LIBRARY_ITEM;

    /** Accepts the name in any case, with '-' for '_' (URL friendly); IllegalArgumentException otherwise. */
    public static ObjectKind parse(String text) {
        if (text != null) {
            String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (ObjectKind k : values()) {
                if (k.name().equals(name)) {
                    return k;
                }
            }
        }
        throw new IllegalArgumentException("kind: '" + text + "' is not one of VEHICLE, GOODS, PALLET, LIBRARY_ITEM");
    }
}
