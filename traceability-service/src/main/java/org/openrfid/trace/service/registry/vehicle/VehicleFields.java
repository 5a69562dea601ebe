package org.openrfid.trace.service.registry.vehicle;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validation and normal forms of vehicle fields, shared by the JSON API and CSV import so both refuse
 * the same things with the same words. Each method returns the normal form or throws
 * IllegalArgumentException whose message names the problem, not the field (callers add the field).
 */
public final class VehicleFields {

    /** The 31 provincial abbreviations of GA 36 plates. */
    private static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    // I and O never appear in plate serials (confusable with 1 and 0); special plates end in a hanzi.
    private static final Pattern PLATE = Pattern.compile(
            "([" + PROVINCES + "])([A-Z])([A-HJ-NP-Z0-9]{5,6}|[A-HJ-NP-Z0-9]{4}[挂学警港澳领])");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s·•.\\-]");
    private static final Set<String> NEW_ENERGY_TYPES = Set.of("51", "52");
    private static final Set<String> COLOURS = Set.of("blue", "yellow", "green", "yellow_green", "white", "black");
    private static final Set<String> STATUSES = Set.of("active", "stolen", "inspection_expired", "seized", "scrapped", "deregistered");
    private static final Pattern VEHICLE_TYPE = Pattern.compile("[A-Z][0-9A-Z]{2}");
    private static final Pattern VIN = Pattern.compile("[A-HJ-NPR-Z0-9]{17}");
    private static final String VIN_WEIGHTS = "8765432X098765432";

    private VehicleFields() {
    }

    public static Set<String> statuses() {
        return STATUSES;
    }

    /**
     * The plate in the national display form {@code 渝A·12345}: province, authority letter, a middle
     * dot, the serial. Input may have the dot, spaces or none, in any letter case.
     */
    public static String plate(String text) {
        String compact = SEPARATORS.matcher(required(text)).replaceAll("").toUpperCase(Locale.ROOT);
        Matcher m = PLATE.matcher(compact);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a plate number of the form 渝A·12345 (province, letter, 5 or 6 characters without I/O)");
        }
        return m.group(1) + m.group(2) + "·" + m.group(3);
    }

    /** GA 24.7 plate type code, two digits. */
    public static String plateType(String text) {
        String t = required(text);
        if (!t.matches("[0-9]{2}") || t.equals("00")) {
            throw new IllegalArgumentException("'" + text + "' is not a GA 24.7 plate type code (two digits, e.g. 02 small, 52 small new-energy)");
        }
        return t;
    }

    /** New-energy plates (types 51, 52) have six-character serials, the others five. */
    public static void plateMatchesType(String canonicalPlate, String plateType) {
        int serial = canonicalPlate.length() - canonicalPlate.indexOf('·') - 1;
        boolean special = !Character.isLetterOrDigit(canonicalPlate.charAt(canonicalPlate.length() - 1))
                || canonicalPlate.charAt(canonicalPlate.length() - 1) > 0x7F;
        if (special) {
            return;
        }
        boolean newEnergy = NEW_ENERGY_TYPES.contains(plateType);
        if (newEnergy && serial != 6) {
            throw new IllegalArgumentException("new-energy plate type " + plateType + " needs a 6-character serial, '" + canonicalPlate + "' has " + serial);
        }
        if (!newEnergy && serial != 5) {
            throw new IllegalArgumentException("plate type " + plateType + " needs a 5-character serial, '" + canonicalPlate + "' has " + serial);
        }
    }

    public static String plateColour(String text) {
        String c = required(text).toLowerCase(Locale.ROOT);
        if (!COLOURS.contains(c)) {
            throw new IllegalArgumentException("'" + text + "' is not a plate colour " + COLOURS.stream().sorted().toList());
        }
        return c;
    }

    /** GA 24.4 vehicle type code, e.g. K33 car, H11 heavy truck. */
    public static String vehicleType(String text) {
        String t = required(text).toUpperCase(Locale.ROOT);
        if (!VEHICLE_TYPE.matcher(t).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a GA 24.4 vehicle type code (letter and two characters, e.g. K33)");
        }
        return t;
    }

    /** ISO 3779 VIN; the check digit (position 9) is mandatory in China (GB 16735) and is verified. */
    public static String vin(String text) {
        String v = required(text).toUpperCase(Locale.ROOT);
        if (!VIN.matcher(v).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a VIN (17 characters, letters without I, O, Q, and digits)");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char w = VIN_WEIGHTS.charAt(i);
            sum += transliterate(v.charAt(i)) * (w == 'X' ? 10 : w - '0');
        }
        int check = sum % 11;
        char expected = check == 10 ? 'X' : (char) ('0' + check);
        if (v.charAt(8) != expected) {
            throw new IllegalArgumentException("VIN '" + text + "' has check digit '" + v.charAt(8) + "', expected '" + expected + "'");
        }
        return v;
    }

    public static String status(String text) {
        String s = required(text).toLowerCase(Locale.ROOT);
        if (!STATUSES.contains(s)) {
            throw new IllegalArgumentException("'" + text + "' is not a vehicle status " + STATUSES.stream().sorted().toList());
        }
        return s;
    }

    private static int transliterate(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return "12345678 12345 7 923456789".charAt(c - 'A') - '0';
    }

    private static String required(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is required");
        }
        return text.trim();
    }
}
