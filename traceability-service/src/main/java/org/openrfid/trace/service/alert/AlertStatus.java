package org.openrfid.trace.service.alert;

import java.util.Locale;

/** An alert's life: raised {@code OPEN}, {@code ACKNOWLEDGED} by someone working on it, {@code CLOSED} when done. */
public enum AlertStatus {
    OPEN, ACKNOWLEDGED, CLOSED;

    public static AlertStatus parse(String field, String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not an alert status (OPEN, ACKNOWLEDGED, CLOSED)");
        }
    }
}
