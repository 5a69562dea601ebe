package org.openrfid.trace.sampledata.world;

/**
 * One watched tag (world/watchlist.csv). List is stolen_vehicle, inspection_expired or
 * customs_hold; subject is the plate, SSCC or GTIN+serial a person would recognise.
 */
public record WatchlistEntry(String list, String epc, String subject, String reason, String since) {
    public static final String STOLEN_VEHICLE = "stolen_vehicle";
    public static final String INSPECTION_EXPIRED = "inspection_expired";
    public static final String CUSTOMS_HOLD = "customs_hold";
}
