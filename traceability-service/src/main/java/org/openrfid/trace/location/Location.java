package org.openrfid.trace.location;

import java.util.Objects;

/**
 * A place that read points belong to: a checkpoint, a gate, a dock door, a library gate.
 *
 * @param id     stable id, e.g. {@code CQ-CP-001}
 * @param name   display name
 * @param kind   checkpoint, lane, gate, dock_door, warehouse, port_gate, library_gate, library
 * @param lat    WGS84 latitude, degrees
 * @param lon    WGS84 longitude, degrees
 * @param parent parent location id, or null
 */
public record Location(String id, String name, String kind, double lat, double lon, String parent) {

    public Location {
        Objects.requireNonNull(id, "id");
        if (id.isBlank() || id.length() > 64) {
            throw new IllegalArgumentException("location id must be 1..64 characters");
        }
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("location " + id + " has no valid WGS84 position: " + lat + ", " + lon);
        }
        name = name == null || name.isBlank() ? id : name;
        kind = kind == null || kind.isBlank() ? "checkpoint" : kind;
    }
}
