package org.openrfid.trace.service.alert;

import java.util.Locale;

/** The rules' names, exactly as the alerts and rules APIs carry them (public contract). */
public enum AlertType {
    WATCHLIST,
    CLONE_IMPOSSIBLE_TRAVEL,
    CLONE_TID_MISMATCH,
    PLATE_MISMATCH,
    PLATE_WITHOUT_TAG,
    CATEGORY_RESTRICTION,
    SECTION_SPEED,
    LIBRARY_UNCHECKED_EXIT,
    CUSTOMS_HOLD_EXIT,
    READER_DOWN,
    ANTENNA_SILENT;

    /** Parses a type name (case-insensitive); IllegalArgumentException naming the field otherwise. */
    public static AlertType parse(String field, String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not an alert type (one of "
                    + java.util.Arrays.toString(values()) + ")");
        }
    }
}
