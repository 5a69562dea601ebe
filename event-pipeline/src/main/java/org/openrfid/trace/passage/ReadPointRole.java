package org.openrfid.trace.passage;

import java.util.Locale;

/**
 * Where a read point sits along the way through a location: the antenna a vehicle meets first when it
 * travels in the location's direction (ENTRY, e.g. the approach antenna of a gantry) or last (EXIT, the
 * departure antenna). The order in which a tag is seen on them gives the direction of travel.
 */
public enum ReadPointRole {
    ENTRY, EXIT, NONE;

    /** Parses configuration text: entry/approach, exit/departure; blank means {@link #NONE}. */
    public static ReadPointRole parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "entry", "approach", "in" -> ENTRY;
            case "exit", "departure", "out" -> EXIT;
            case "none" -> NONE;
            default -> throw new IllegalArgumentException("read point role must be entry, exit or empty, was '" + text + "'");
        };
    }
}
