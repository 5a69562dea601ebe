package org.openrfid.trace.service.registry.goods;

import java.util.Locale;
import org.openrfid.trace.service.registry.binding.ObjectKind;

/** What takes part in an aggregation: cases of goods in pallets, pallets in (untagged) containers. */
public enum UnitKind {
    GOODS, PALLET, CONTAINER;

    /** The kind of tag binding of this unit, or null for units that carry no tag (containers). */
    public ObjectKind objectKind() {
        return switch (this) {
            case GOODS -> ObjectKind.GOODS;
            case PALLET -> ObjectKind.PALLET;
            case CONTAINER -> null;
        };
    }

    public static UnitKind parse(String text) {
        if (text != null) {
            String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (UnitKind k : values()) {
                if (k.name().equals(name)) {
                    return k;
                }
            }
        }
        throw new IllegalArgumentException("kind: '" + text + "' is not one of GOODS, PALLET, CONTAINER");
    }
}
