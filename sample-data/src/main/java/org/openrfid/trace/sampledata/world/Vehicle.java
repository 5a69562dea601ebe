package org.openrfid.trace.sampledata.world;

/**
 * A registered vehicle and its windscreen tag (world/vehicles.csv). Plate type and vehicle type are
 * public-security code-table values (GA 24.7 plate types, GA 24.4 vehicle types).
 */
public record Vehicle(String plate, String plateType, String plateColour, String vehicleType, String vin,
                      String status, String epc, String tid) {
    public static final String ACTIVE = "active";
    public static final String STOLEN = "stolen";
    public static final String INSPECTION_EXPIRED = "inspection_expired";
}
