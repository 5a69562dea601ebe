package org.openrfid.trace.web.locations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.Shapes;

/**
 * The "add a place" and "edit" form of {@code /admin/locations}: name, id (made from the name when left empty),
 * kind, parent, how many lanes, and where it is: a point as latitude/longitude (typed, or set by a click on the
 * map) or an area, the polygon drawn on the map, as a GeoJSON geometry in the hidden {@code area} field. An area
 * wins over the point; its position is then a point inside it. Problems are message keys per field, shown next
 * to the field.
 */
public record LocationForm(String id, String name, String kind, String parent, String lanes, String lat, String lon, String area) {

    public static final int MAX_LANES = 16;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Pattern KIND = Pattern.compile("[a-z][a-z_]{0,31}");
    private static final ObjectMapper JSON = new ObjectMapper();

    public static LocationForm empty() {
        return new LocationForm("", "", "checkpoint", "", "0", "", "", "");
    }

    /** The form filled with a registered place, for editing. */
    public static LocationForm of(Location l, int lanes) {
        String area = l.isArea() ? toJson(Shapes.toGeoJson(l.shape())) : "";
        return new LocationForm(l.id(), l.name(), l.kind(), l.parent() == null ? "" : l.parent(), String.valueOf(lanes),
                l.isArea() ? "" : String.valueOf(l.lat()), l.isArea() ? "" : String.valueOf(l.lon()), area);
    }

    public LocationForm {
        id = strip(id);
        name = strip(name);
        kind = strip(kind).toLowerCase(Locale.ROOT);
        parent = strip(parent);
        lanes = strip(lanes).isEmpty() ? "0" : strip(lanes);
        lat = strip(lat);
        lon = strip(lon);
        area = strip(area);
    }

    /** The id as it will be stored: as typed, or made from the name (letters and digits kept, the rest as '-'). */
    public String effectiveId() {
        if (!id.isEmpty()) {
            return id;
        }
        if (name.isEmpty()) {
            return "";
        }
        String made = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "-").replaceAll("^-+|-+$", "");
        made = made.length() > 48 ? made.substring(0, 48) : made;
        // a name in Chinese characters keeps nothing: a short stable code of the name then
        return made.isEmpty() ? "LOC-" + String.format("%08X", name.hashCode()) : made;
    }

    /**
     * Field ({@code name}, {@code id}, {@code kind}, {@code parent}, {@code lanes}, {@code lat}, {@code lon},
     * {@code position}, {@code area}) → message key.
     *
     * @param editing   the id of the place being edited, or null when adding one
     * @param parentOf  every registered place's parent (null for none), to refuse unknown parents and cycles
     */
    public Map<String, String> problems(String editing, Map<String, String> parentOf) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (name.isEmpty()) {
            problems.put("name", "locadmin.problem.name");
        } else if (name.length() > 200) {
            problems.put("name", "locadmin.problem.nameLong");
        }
        String newId = effectiveId();
        if (editing == null) {
            if (newId.isEmpty()) {
                // no name either: the name's problem says what to do
                problems.putIfAbsent("id", "locadmin.problem.idOrName");
            } else if (!ID.matcher(newId).matches()) {
                problems.put("id", "locadmin.problem.id");
            } else if (parentOf.containsKey(newId)) {
                problems.put("id", "locadmin.problem.taken");
            }
        }
        if (!KIND.matcher(kind).matches()) {
            problems.put("kind", "locadmin.problem.kind");
        }
        String self = editing != null ? editing : newId;
        if (!parent.isEmpty()) {
            if (!parentOf.containsKey(parent)) {
                problems.put("parent", "locadmin.problem.parentUnknown");
            } else if (reaches(parent, self, parentOf)) {
                problems.put("parent", "locadmin.problem.cycle");
            }
        }
        Integer n = number(lanes);
        if (n == null || n < 0 || n > MAX_LANES) {
            problems.put("lanes", "locadmin.problem.lanes");
        }
        if (!area.isEmpty()) {
            String areaProblem = areaProblem();
            if (areaProblem != null) {
                problems.put("area", areaProblem);
            }
        } else if (lat.isEmpty() && lon.isEmpty()) {
            problems.put("position", "locadmin.problem.position");
        } else {
            coordinate(lat, 90, "lat", problems);
            coordinate(lon, 180, "lon", problems);
        }
        return problems;
    }

    /** The place as it will be stored; call only when {@link #problems} is empty. */
    public Location toLocation(String editing) {
        String storedId = editing != null ? editing : effectiveId();
        String p = parent.isEmpty() ? null : parent;
        if (!area.isEmpty()) {
            return Location.of(storedId, name, kind, shape(), p);
        }
        return new Location(storedId, name, kind, Double.parseDouble(lat), Double.parseDouble(lon), p);
    }

    public int laneCount() {
        Integer n = number(lanes);
        return n == null ? 0 : n;
    }

    /** True when the form holds an area (drawn, or kept from the place being edited). */
    public boolean hasArea() {
        return !area.isEmpty();
    }

    /** Following parents upwards from {@code from} meets {@code target} (or loops): the new parent would make a cycle. */
    private static boolean reaches(String from, String target, Map<String, String> parentOf) {
        Set<String> seen = new HashSet<>();
        for (String at = from; at != null; at = parentOf.get(at)) {
            if (at.equals(target) || !seen.add(at)) {
                return true;
            }
        }
        return false;
    }

    private String areaProblem() {
        JsonNode g;
        try {
            g = JSON.readTree(area);
        } catch (Exception e) {
            return "locadmin.problem.areaInvalid";
        }
        if (g == null || !g.isObject() || area.length() > Shapes.MAX_TEXT) {
            return "locadmin.problem.areaInvalid";
        }
        String type = g.path("type").asText();
        JsonNode polygons = "Polygon".equals(type) ? JSON.createArrayNode().add(g.path("coordinates"))
                : "MultiPolygon".equals(type) ? g.path("coordinates") : null;
        if (polygons == null || !polygons.isArray() || polygons.isEmpty()) {
            return "locadmin.problem.areaInvalid";
        }
        for (JsonNode polygon : polygons) {
            JsonNode ring = polygon.path(0);
            if (!ring.isArray()) {
                return "locadmin.problem.areaInvalid";
            }
            Set<String> corners = new HashSet<>();
            for (JsonNode position : ring) {
                if (!position.path(0).isNumber() || !position.path(1).isNumber()) {
                    return "locadmin.problem.areaInvalid";
                }
                double x = position.path(0).asDouble();
                double y = position.path(1).asDouble();
                if (!(x >= -180 && x <= 180) || !(y >= -90 && y <= 90)) {
                    return "locadmin.problem.areaRange";
                }
                corners.add(x + " " + y);
            }
            if (corners.size() < 3) {
                return "locadmin.problem.areaFew";
            }
        }
        try {
            shape();
            return null;
        } catch (IllegalArgumentException e) {
            return "locadmin.problem.areaInvalid";
        }
    }

    private Geometry shape() {
        try {
            return Shapes.fromGeoJson(JSON.readTree(area), "area", Shapes.AREA_TYPES);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("area: not JSON", e);
        }
    }

    private static void coordinate(String v, double bound, String field, Map<String, String> problems) {
        if (v.isEmpty()) {
            problems.put(field, "locadmin.problem." + field + "Missing");
            return;
        }
        try {
            double d = Double.parseDouble(v);
            if (!(d >= -bound && d <= bound)) {
                problems.put(field, "locadmin.problem." + field + "Range");
            }
        } catch (NumberFormatException e) {
            problems.put(field, "locadmin.problem." + field + "Range");
        }
    }

    private static Integer number(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static String toJson(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The kinds offered: those the service knows, and any other a registered place already has. */
    public static List<String> kinds(java.util.Collection<Location> all) {
        java.util.TreeSet<String> other = new java.util.TreeSet<>();
        all.forEach(l -> other.add(l.kind()));
        other.removeAll(Location.KINDS);
        List<String> out = new java.util.ArrayList<>(Location.KINDS);
        out.addAll(other);
        return List.copyOf(out);
    }
}
