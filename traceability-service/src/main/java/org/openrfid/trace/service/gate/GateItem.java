package org.openrfid.trace.service.gate;

import java.util.Objects;

/**
 * One thing at a gate, read or expected: a vehicle, a container, a pallet (by SSCC), a goods item, a
 * library item, an unbound tag, or a GTIN with a quantity (what a declaration may name instead of serials).
 *
 * @param kind     {@link #VEHICLE}, {@link #CONTAINER}, {@link #PALLET}, {@link #GOODS}, {@link #LIBRARY_ITEM},
 *                 {@link #TAG} or {@link #GTIN}
 * @param id       the registry id: plate or vehicle id, ISO 6346 number, SSCC, goods item id, library item id,
 *                 EPC hex for a tag, the GTIN-14 for a quantity
 * @param epc      the tag's EPC (hex) when one was read or named, else null
 * @param gtin     the GTIN-14 of a goods item when known, else null
 * @param quantity 1 for a unit, the count for a GTIN quantity
 * @param via      for goods, the SSCC of the pallet read at the gate that the registry has it in (whether the
 *                 case was read itself or only placed there by that aggregation: then its {@code epc} is its tag's
 *                 if it has one), else null
 */
public record GateItem(String kind, String id, String epc, String gtin, int quantity, String via) {

    public static final String VEHICLE = "VEHICLE";
    public static final String CONTAINER = "CONTAINER";
    public static final String PALLET = "PALLET";
    public static final String GOODS = "GOODS";
    public static final String LIBRARY_ITEM = "LIBRARY_ITEM";
    public static final String TAG = "TAG";
    public static final String GTIN = "GTIN";

    public GateItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
    }

    public static GateItem unit(String kind, String id, String epc) {
        return new GateItem(kind, id, epc, null, 1, null);
    }

    public static GateItem gtin(String gtin, int quantity) {
        return new GateItem(GTIN, gtin, null, gtin, quantity, null);
    }

    /** The same unit with another quantity (a GTIN count that is short or over). */
    public GateItem withQuantity(int q) {
        return new GateItem(kind, id, epc, gtin, q, via);
    }

    /** Kind and id: what two mentions of one unit share whether read, placed or expected. */
    public String key() {
        return kind + ":" + id;
    }
}
