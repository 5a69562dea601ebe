package org.openrfid.trace.sampledata.world;

/**
 * A parent-child packing relation (world/aggregation.csv): level {@code container_pallet} has an
 * ISO 6346 container number as parent and a pallet EPC as child; level {@code pallet_case} has a
 * pallet EPC as parent and a case EPC as child.
 */
public record Aggregation(String parent, String child, String level) {
    public static final String CONTAINER_PALLET = "container_pallet";
    public static final String PALLET_CASE = "pallet_case";
}
