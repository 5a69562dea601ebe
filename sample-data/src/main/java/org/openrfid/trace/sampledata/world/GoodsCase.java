package org.openrfid.trace.sampledata.world;

/** A case of goods with an SGTIN-96 tag (world/goods.csv). */
public record GoodsCase(String epc, String uri, String gtin, long serial, String product, String consignment) {
}
