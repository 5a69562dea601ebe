package org.openrfid.trace.web.analytics;

/** Seconds written the way a clock is read (m:ss, h:mm:ss), the same in both languages. */
public final class Durations {

    private Durations() {
    }

    /** 75.4 → "1:15"; 3725 → "1:02:05"; null → "–". Rounded to the second. */
    public static String clock(Double seconds) {
        if (seconds == null) {
            return "–";
        }
        long s = Math.round(seconds);
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long r = s % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, r) : String.format("%d:%02d", m, r);
    }
}
