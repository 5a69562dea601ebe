package org.openrfid.trace.web.analytics;

/**
 * Cell colours of the origin-destination heat map: white for no trips to dark blue for the most, on a square-root
 * scale (a few busy pairs would otherwise wash every other cell out), with the text in black or white so that it
 * stays readable on its cell.
 */
final class HeatScale {

    private static final int[] LOW = {0xf4, 0xf8, 0xfc};
    private static final int[] HIGH = {0x08, 0x30, 0x6b};

    private HeatScale() {
    }

    /** 0..1 share of the colour range the value takes. */
    static double level(long value, long max) {
        if (value <= 0 || max <= 0) {
            return 0;
        }
        return Math.sqrt((double) Math.min(value, max) / max);
    }

    static String fill(long value, long max) {
        if (value <= 0) {
            return "#ffffff";
        }
        double t = level(value, max);
        StringBuilder s = new StringBuilder("#");
        for (int i = 0; i < 3; i++) {
            s.append(String.format("%02x", (int) Math.round(LOW[i] + (HIGH[i] - LOW[i]) * t)));
        }
        return s.toString();
    }

    /** White text on the darker half of the range. */
    static String ink(long value, long max) {
        return level(value, max) > 0.55 ? "#ffffff" : "#1b1f24";
    }
}
