package org.openrfid.trace.service.location;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Areas of "who was here" questions, from query text: a bounding box, or a polygon as WKT or GeoJSON
 * (RFC 7946, lon/lat). The locations found are those whose geometry (point or area) intersects the
 * area. Parsed and checked here, then handed to the database as a bound WKT
 * parameter: the text a client sends never becomes SQL.
 */
public final class Areas {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private Areas() {
    }

    /** {@code minLon,minLat,maxLon,maxLat} (the GeoJSON bbox order). */
    public static Polygon bbox(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("bbox: expected minLon,minLat,maxLon,maxLat");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bbox: '" + abbreviate(parts[i]) + "' is not a number");
            }
        }
        checkLonLat(v[0], v[1], "bbox");
        checkLonLat(v[2], v[3], "bbox");
        if (!(v[0] < v[2]) || !(v[1] < v[3])) {
            throw new IllegalArgumentException("bbox: min must be below max (boxes across the antimeridian are not supported)");
        }
        return GEOMETRY.createPolygon(new Coordinate[] {new Coordinate(v[0], v[1]), new Coordinate(v[2], v[1]),
                new Coordinate(v[2], v[3]), new Coordinate(v[0], v[3]), new Coordinate(v[0], v[1])});
    }

    /**
     * A Polygon or MultiPolygon as WKT, or as GeoJSON geometry or Feature; checked as location shapes
     * are ({@link Shapes}): WGS84 range, at most {@value Shapes#MAX_VERTICES} vertices, valid.
     */
    public static Geometry polygon(String text) {
        return Shapes.parse(text, "polygon", Shapes.AREA_TYPES);
    }

    public static void checkLonLat(double lon, double lat, String what) {
        Shapes.checkLonLat(lon, lat, what);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
