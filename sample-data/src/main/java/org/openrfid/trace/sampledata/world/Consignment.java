package org.openrfid.trace.sampledata.world;

/**
 * A shipment in one container (world/consignments.csv); {@code customsStatus} is declared, cleared
 * or hold. A held consignment must not leave through the port gate.
 */
public record Consignment(String id, String container, String shipper, String consignee, String customsStatus) {
    public static final String DECLARED = "declared";
    public static final String CLEARED = "cleared";
    public static final String HOLD = "hold";
}
