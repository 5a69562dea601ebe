package org.openrfid.trace.sampledata.world;

/** A place readers belong to; {@code parent} is another location id or empty (world/locations.csv). */
public record Location(String id, String name, LocationKind kind, double lat, double lon, String parent) {
}
