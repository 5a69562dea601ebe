package org.openrfid.trace.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Areas of "who was here" questions, from query text: a bounding box, or a polygon as WKT or GeoJSON
 * (RFC 7946, lon/lat). Parsed and checked here, then handed to the database as a bound WKT
 * parameter: the text a client sends never becomes SQL.
 */
public final class Areas {

    static final int MAX_TEXT = 200_000;
    static final int MAX_VERTICES = 10_000;

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** A Polygon or MultiPolygon as WKT, or as GeoJSON geometry or Feature. */
    public static Geometry polygon(String text) {
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("polygon: longer than " + MAX_TEXT + " characters");
        }
        String t = text.trim();
        Geometry g = t.startsWith("{") ? fromGeoJson(t) : fromWkt(t);
        if (!(g instanceof Polygon) && !(g instanceof MultiPolygon)) {
            throw new IllegalArgumentException("polygon: a " + g.getGeometryType() + " is not a Polygon or MultiPolygon");
        }
        if (g.getNumPoints() > MAX_VERTICES) {
            throw new IllegalArgumentException("polygon: more than " + MAX_VERTICES + " vertices");
        }
        for (Coordinate c : g.getCoordinates()) {
            checkLonLat(c.x, c.y, "polygon");
        }
        if (!g.isValid()) {
            throw new IllegalArgumentException("polygon: not a valid polygon (self-intersecting or unclosed ring)");
        }
        return g;
    }

    private static Geometry fromWkt(String wkt) {
        try {
            return new WKTReader(GEOMETRY).read(wkt);
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException("polygon: not WKT or GeoJSON: " + abbreviate(String.valueOf(e.getMessage())));
        }
    }

    private static Geometry fromGeoJson(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("polygon: not valid JSON");
        }
        if ("Feature".equals(node.path("type").asText())) {
            node = node.path("geometry");
        }
        String type = node.path("type").asText();
        JsonNode coordinates = node.path("coordinates");
        return switch (type) {
            case "Polygon" -> polygonOf(coordinates);
            case "MultiPolygon" -> {
                if (!coordinates.isArray() || coordinates.isEmpty()) {
                    throw new IllegalArgumentException("polygon: MultiPolygon without polygons");
                }
                List<Polygon> polygons = new ArrayList<>();
                coordinates.forEach(p -> polygons.add(polygonOf(p)));
                yield GEOMETRY.createMultiPolygon(polygons.toArray(Polygon[]::new));
            }
            default -> throw new IllegalArgumentException("polygon: GeoJSON type '" + abbreviate(type) + "' is not Polygon or MultiPolygon");
        };
    }

    private static Polygon polygonOf(JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException("polygon: a GeoJSON Polygon needs an array of rings");
        }
        List<LinearRing> all = new ArrayList<>();
        for (JsonNode ring : rings) {
            if (!ring.isArray() || ring.size() < 4) {
                throw new IllegalArgumentException("polygon: a ring needs at least 4 positions, first equal to last");
            }
            Coordinate[] cs = new Coordinate[ring.size()];
            for (int i = 0; i < ring.size(); i++) {
                JsonNode p = ring.get(i);
                if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                    throw new IllegalArgumentException("polygon: a position is [lon, lat] numbers");
                }
                cs[i] = new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
            }
            if (!cs[0].equals2D(cs[cs.length - 1])) {
                throw new IllegalArgumentException("polygon: a ring's first and last positions must be equal");
            }
            all.add(GEOMETRY.createLinearRing(cs));
        }
        return GEOMETRY.createPolygon(all.get(0), all.subList(1, all.size()).toArray(LinearRing[]::new));
    }

    static void checkLonLat(double lon, double lat, String what) {
        if (!(lon >= -180 && lon <= 180) || !(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException(what + ": position " + lon + ", " + lat + " is not WGS84 lon, lat");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
