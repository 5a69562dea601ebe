package org.openrfid.trace.service.location;

import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * A place that read points belong to: a checkpoint, a gate, a dock door, a library gate, or an area
 * such as a warehouse or a car park.
 *
 * @param id     stable id, e.g. {@code CQ-CP-001}
 * @param name   display name
 * @param kind   checkpoint, lane, gate, dock_door, warehouse, port_gate, library_gate, library
 * @param lat    WGS84 latitude, degrees, of the representative point: the position itself, or a point
 *               on the surface of an area (trajectories and markers use it)
 * @param lon    WGS84 longitude, degrees, of the representative point
 * @param parent parent location id, or null
 * @param shape  the WGS84 geometry (lon/lat): a Point, Polygon or MultiPolygon; area questions
 *               intersect it. Given as null, the point at lat/lon.
 */
public record Location(String id, String name, String kind, double lat, double lon, String parent, Geometry shape) {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    /**
     * The kinds the service gives a meaning to (gate reconciliation, dock doors, library gates, lanes under a
     * checkpoint, areas); any other lower-case word is stored as well and treated as a plain place.
     */
    public static final java.util.List<String> KINDS = java.util.List.of("checkpoint", "lane", "gate", "dock_door", "warehouse",
            "port_gate", "library_gate", "library", "car_park");

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
        shape = shape == null ? GEOMETRY.createPoint(new Coordinate(lon, lat)) : shape;
        if (!Shapes.LOCATION_TYPES.contains(shape.getGeometryType())) {
            throw new IllegalArgumentException("location " + id + ": a " + shape.getGeometryType() + " is not a Point, Polygon or MultiPolygon");
        }
    }

    /** A location at a point. */
    public Location(String id, String name, String kind, double lat, double lon, String parent) {
        this(id, name, kind, lat, lon, parent, null);
    }

    /** A location with any allowed shape; its representative point is computed (JTS interior point). */
    public static Location of(String id, String name, String kind, Geometry shape, String parent) {
        Point p = representativePoint(Objects.requireNonNull(shape, "shape"));
        return new Location(id, name, kind, p.getY(), p.getX(), parent, shape);
    }

    /** The point itself, or a point guaranteed to lie on the area's surface (like ST_PointOnSurface). */
    public static Point representativePoint(Geometry shape) {
        return shape instanceof Point p ? p : shape.getInteriorPoint();
    }

    /** True when the location is an area (Polygon or MultiPolygon) rather than a point. */
    public boolean isArea() {
        return !(shape instanceof Point);
    }
}
