package org.openrfid.trace.sampledata.generator;

/**
 * A labelled injected anomaly (anomalies.csv), so tests of alert rules know what they must find.
 * Kinds: {@value #CLONED_PLATE}, {@value #STOLEN_VEHICLE}, {@value #CUSTOMS_HOLD_EXIT},
 * {@value #LIBRARY_UNCHECKED_EXIT}, {@value #READER_OUTAGE}.
 */
public record Anomaly(long offsetMs, String kind, String epc, String location, String detail) {
    public static final String CLONED_PLATE = "cloned_plate";
    public static final String STOLEN_VEHICLE = "stolen_vehicle";
    public static final String CUSTOMS_HOLD_EXIT = "customs_hold_exit";
    public static final String LIBRARY_UNCHECKED_EXIT = "library_unchecked_exit";
    public static final String READER_OUTAGE = "reader_outage";
}
