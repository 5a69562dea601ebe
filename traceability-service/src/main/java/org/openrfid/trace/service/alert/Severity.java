package org.openrfid.trace.service.alert;

import java.util.Locale;

/** How urgently people should act on an alert. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    public static Severity parse(String field, String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not a severity (INFO, LOW, MEDIUM, HIGH, CRITICAL)");
        }
    }
}
