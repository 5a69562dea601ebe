package org.openrfid.trace.location;

import java.util.regex.Pattern;

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
}
