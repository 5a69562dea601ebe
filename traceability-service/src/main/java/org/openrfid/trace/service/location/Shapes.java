package org.openrfid.trace.service.location;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * WGS84 shapes (lon/lat order) read from WKT or GeoJSON (RFC 7946) and checked: the allowed types,
 * positions within WGS84 range, a bounded number of vertices, and OGC validity (no self-intersecting
 * or unclosed rings). Every message starts with the name of the field the shape came from, so a
 * 400 answer or a CSV problem says where to look.
 */
public final class Shapes {

    public static final int MAX_TEXT = 200_000;
    public static final int MAX_VERTICES = 10_000;
    /** What a location may be: a point or an area. */
    public static final Set<String> LOCATION_TYPES = Set.of("Point", "Polygon", "MultiPolygon");
    /** What an area question may be. */
    public static final Set<String> AREA_TYPES = Set.of("Polygon", "MultiPolygon");

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Shapes() {
    }

    /** WKT, or GeoJSON geometry or Feature as text (told apart by a leading '{'). */
    public static Geometry parse(String text, String field, Set<String> allowed) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + ": is empty");
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException(field + ": longer than " + MAX_TEXT + " characters");
        }
        String t = text.trim();
        if (t.startsWith("{")) {
            JsonNode node;
            try {
                node = JSON.readTree(t);
            } catch (Exception e) {
                throw new IllegalArgumentException(field + ": not valid JSON");
            }
            return fromGeoJson(node, field, allowed);
        }
        Geometry g;
        try {
            g = new WKTReader(GEOMETRY).read(t);
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException(field + ": not WKT or GeoJSON: " + abbreviate(String.valueOf(e.getMessage())));
        }
        return checked(g, field, allowed);
    }

    /** A GeoJSON geometry object (or a Feature holding one). */
    public static Geometry fromGeoJson(JsonNode node, String field, Set<String> allowed) {
        if (node != null && "Feature".equals(node.path("type").asText())) {
            node = node.path("geometry");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(field + ": not a GeoJSON geometry object");
        }
        String type = node.path("type").asText();
        JsonNode coordinates = node.path("coordinates");
        if (!allowed.contains(type)) {
            throw new IllegalArgumentException(field + ": GeoJSON type '" + abbreviate(type) + "' is not one of " + String.join(", ", sorted(allowed)));
        }
        Geometry g = switch (type) {
            case "Point" -> GEOMETRY.createPoint(position(coordinates, field));
            case "Polygon" -> polygonOf(coordinates, field);
            case "MultiPolygon" -> {
                if (!coordinates.isArray() || coordinates.isEmpty()) {
                    throw new IllegalArgumentException(field + ": MultiPolygon without polygons");
                }
                List<Polygon> polygons = new ArrayList<>();
                coordinates.forEach(p -> polygons.add(polygonOf(p, field)));
                yield GEOMETRY.createMultiPolygon(polygons.toArray(Polygon[]::new));
            }
            default -> throw new IllegalStateException(type);
        };
        return checked(g, field, allowed);
    }

    /** The geometry as a GeoJSON geometry object, positions [lon, lat]. */
    public static Map<String, Object> toGeoJson(Geometry g) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", g.getGeometryType());
        if (g instanceof Point p) {
            out.put("coordinates", new double[] {p.getX(), p.getY()});
        } else if (g instanceof Polygon p) {
            out.put("coordinates", rings(p));
        } else if (g instanceof MultiPolygon mp) {
            List<Object> polygons = new ArrayList<>();
            for (int i = 0; i < mp.getNumGeometries(); i++) {
                polygons.add(rings((Polygon) mp.getGeometryN(i)));
            }
            out.put("coordinates", polygons);
        } else {
            throw new IllegalArgumentException("no GeoJSON for a " + g.getGeometryType() + " here");
        }
        return out;
    }

    private static List<Object> rings(Polygon p) {
        List<Object> rings = new ArrayList<>();
        rings.add(positions(p.getExteriorRing().getCoordinates()));
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            rings.add(positions(p.getInteriorRingN(i).getCoordinates()));
        }
        return rings;
    }

    private static List<double[]> positions(Coordinate[] cs) {
        List<double[]> out = new ArrayList<>(cs.length);
        for (Coordinate c : cs) {
            out.add(new double[] {c.x, c.y});
        }
        return out;
    }

    static Geometry checked(Geometry g, String field, Set<String> allowed) {
        if (!allowed.contains(g.getGeometryType())) {
            throw new IllegalArgumentException(field + ": a " + g.getGeometryType() + " is not one of " + String.join(", ", sorted(allowed)));
        }
        if (g.isEmpty()) {
            throw new IllegalArgumentException(field + ": is an empty " + g.getGeometryType());
        }
        if (g.getNumPoints() > MAX_VERTICES) {
            throw new IllegalArgumentException(field + ": more than " + MAX_VERTICES + " vertices");
        }
        for (Coordinate c : g.getCoordinates()) {
            checkLonLat(c.x, c.y, field);
        }
        TopologyValidationError error = new IsValidOp(g).getValidationError();
        if (error != null) {
            Coordinate at = error.getCoordinate();
            throw new IllegalArgumentException(field + ": not a valid " + g.getGeometryType() + ": " + error.getMessage()
                    + (at == null ? "" : " at " + at.x + " " + at.y));
        }
        return g;
    }

    public static void checkLonLat(double lon, double lat, String field) {
        if (!(lon >= -180 && lon <= 180) || !(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException(field + ": position " + lon + ", " + lat + " is not WGS84 lon, lat");
        }
    }

    private static Coordinate position(JsonNode p, String field) {
        if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw new IllegalArgumentException(field + ": a position is [lon, lat] numbers");
        }
        return new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
    }

    private static Polygon polygonOf(JsonNode rings, String field) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException(field + ": a GeoJSON Polygon needs an array of rings");
        }
        List<LinearRing> all = new ArrayList<>();
        for (JsonNode ring : rings) {
            if (!ring.isArray() || ring.size() < 4) {
                throw new IllegalArgumentException(field + ": a ring needs at least 4 positions, first equal to last");
            }
            Coordinate[] cs = new Coordinate[ring.size()];
            for (int i = 0; i < ring.size(); i++) {
                cs[i] = position(ring.get(i), field);
            }
            if (!cs[0].equals2D(cs[cs.length - 1])) {
                throw new IllegalArgumentException(field + ": a ring's first and last positions must be equal");
            }
            all.add(GEOMETRY.createLinearRing(cs));
        }
        return GEOMETRY.createPolygon(all.get(0), all.subList(1, all.size()).toArray(LinearRing[]::new));
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
