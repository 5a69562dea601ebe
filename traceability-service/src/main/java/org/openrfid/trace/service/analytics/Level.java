package org.openrfid.trace.service.analytics;

import java.util.Locale;

/**
 * At which level a place is counted. {@code CHECKPOINT} counts a location as its parent when it has
 * one, so the lanes of one checkpoint (or the doors of one dock) are one place.
 */
public enum Level {
    LOCATION, CHECKPOINT;

    public static Level parse(String text) {
        return switch (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) {
            case "location" -> LOCATION;
            case "checkpoint" -> CHECKPOINT;
            default -> throw new IllegalArgumentException("level: '" + Parameters.shorten(text) + "' is not location or checkpoint");
        };
    }
}
