package org.openrfid.trace.passage;

/** Which way a read point faces: into a site or lane, out of it, or not configured. */
public enum Direction {
    IN, OUT, NONE;

    /** Parses configuration text; blank means {@link #NONE}. */
    public static Direction parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        try {
            return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("direction must be IN, OUT or empty, was '" + text + "'");
        }
    }
}
