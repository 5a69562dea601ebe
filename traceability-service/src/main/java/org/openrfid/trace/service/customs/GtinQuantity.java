package org.openrfid.trace.service.customs;

import org.openrfid.trace.service.registry.goods.GoodsFields;

/** Goods declared by trade item and count rather than serial: GTIN-14 and a quantity of at least one. */
public record GtinQuantity(String gtin, int quantity) {

    public GtinQuantity {
        gtin = GoodsFields.gtin(gtin);
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity of " + gtin + " must be at least 1, was " + quantity);
        }
    }

    /** {@code gtin:quantity}, as in the CSV format. */
    public static GtinQuantity parse(String text) {
        String[] p = text.trim().split(":");
        if (p.length != 2) {
            throw new IllegalArgumentException("'" + text + "' is not gtin:quantity, e.g. 09521234543213:24");
        }
        try {
            return new GtinQuantity(p[0], Integer.parseInt(p[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': quantity '" + p[1] + "' is not a whole number");
        }
    }

    @Override
    public String toString() {
        return gtin + ":" + quantity;
    }
}
