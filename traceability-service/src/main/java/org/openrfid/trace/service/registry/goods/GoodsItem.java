package org.openrfid.trace.service.registry.goods;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A serialised trade item (a case of goods): GTIN + serial is its identity (SGTIN), so the id is a
 * name-based UUID of the two and the same item gets the same id in every store and import.
 *
 * @param gtin        GTIN-14 with a valid check digit
 * @param serial      GS1 serial (AI 21)
 * @param lot         batch/lot (AI 10) or null
 * @param expiry      expiry date (AI 17) or null
 * @param consignment the consignment id (e.g. {@code CN-2025-0001}) or null
 */
public record GoodsItem(UUID id, String gtin, String serial, String product, String lot, LocalDate expiry, String consignment) {

    public GoodsItem {
        gtin = GoodsFields.gtin(gtin);
        serial = GoodsFields.serial(serial);
        Objects.requireNonNull(id, "id");
        product = GoodsFields.optionalText(product, 200);
        lot = GoodsFields.lot(lot);
        consignment = GoodsFields.optionalText(consignment, 64);
    }

    public static GoodsItem of(String gtin, String serial, String product, String lot, LocalDate expiry, String consignment) {
        String g = GoodsFields.gtin(gtin);
        String s = GoodsFields.serial(serial);
        return new GoodsItem(idOf(g, s), g, s, product, lot, expiry, consignment);
    }

    /** The id of the item with this GTIN (any accepted length) and serial. */
    public static UUID idOf(String gtin, String serial) {
        return UUID.nameUUIDFromBytes(("sgtin:" + GoodsFields.gtin(gtin) + "." + GoodsFields.serial(serial)).getBytes(StandardCharsets.UTF_8));
    }
}
