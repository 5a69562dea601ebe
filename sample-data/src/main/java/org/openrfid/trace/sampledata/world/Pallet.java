package org.openrfid.trace.sampledata.world;

/** A pallet with an SSCC-96 tag (world/pallets.csv). */
public record Pallet(String epc, String uri, String sscc, String consignment) {
}
