package org.openrfid.trace.service.location;

import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;

/** Checks of location fields shared by the JSON API and CSV import. */
public final class LocationFields {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Pattern KIND = Pattern.compile("[a-z][a-z_]{0,31}");

    private LocationFields() {
    }

    /** 1..64 characters of letters, digits and {@code . _ : -}: ids appear in URLs and CSV unquoted. */
    public static String id(String v) {
        if (v == null || !ID.matcher(v).matches()) {
            throw new IllegalArgumentException("'" + v + "' is not a location id (1..64 letters, digits, '.', '_', ':', '-')");
        }
        return v;
    }

    public static String kind(String v) {
        if (v == null || !KIND.matcher(v).matches()) {
            throw new IllegalArgumentException("'" + v + "' is not a location kind (lower-case words with '_', e.g. checkpoint, dock_door)");
        }
        return v;
    }

    public static double coordinate(String v, double bound) {
        if (v == null) {
            throw new IllegalArgumentException("is required");
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + v + "' is not a number");
        }
        if (!(d >= -bound && d <= bound)) {
            throw new IllegalArgumentException(v + " is outside -" + (int) bound + ".." + (int) bound);
        }
        return d;
    }

    /** Largest gap between given lat/lon and an area's representative point still taken as "the same" (export rounds to 6 decimals). */
    static final double SAME_POINT_DEGREES = 1e-6;

    /**
     * The location from either a lat/lon position or a shape. Both may be given when lat/lon is the
     * shape's representative point (as GET and export return it), so a read location can be sent back.
     *
     * @param shapeField the field the shape came from, named in the messages
     */
    public static Location located(String id, String name, String kind, Double lat, Double lon, Geometry shape, String parent,
                                   String shapeField) {
        if (shape == null) {
            if (lat == null || lon == null) {
                throw new IllegalArgumentException((lat == null ? "lat" : "lon") + ": is required (WGS84 degrees) unless " + shapeField + " is given");
            }
            return new Location(id, name, kind, lat, lon, parent);
        }
        Location l = Location.of(id, name, kind, shape, parent);
        if ((lat == null) != (lon == null)) {
            throw new IllegalArgumentException((lat == null ? "lat" : "lon") + ": give both lat and lon, or neither when " + shapeField + " is given");
        }
        if (lat != null && (Math.abs(lat - l.lat()) > SAME_POINT_DEGREES || Math.abs(lon - l.lon()) > SAME_POINT_DEGREES)) {
            throw new IllegalArgumentException("lat: " + lat + ", " + lon + " is not the representative point of " + shapeField
                    + " (" + l.lat() + ", " + l.lon() + "); give either lat and lon or " + shapeField);
        }
        return l;
    }
}
