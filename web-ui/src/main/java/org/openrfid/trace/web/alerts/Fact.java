package org.openrfid.trace.web.alerts;

/**
 * One labelled line of evidence. The value is either plain text (a plate, a TID, a time already in the
 * console's zone) or a message with arguments (a distance with its unit, a direction's name), so the
 * template writes every value in the reader's language.
 *
 * @param labelKey message key of the label
 * @param text     the value as text, or null when {@code valueKey} says it
 * @param valueKey message key of the value, or null
 * @param args     the value message's arguments
 */
public record Fact(String labelKey, String text, String valueKey, Object[] args) {

    static Fact text(String labelKey, Object value) {
        return new Fact(labelKey, value == null ? "" : value.toString(), null, new Object[0]);
    }

    static Fact message(String labelKey, String valueKey, Object... args) {
        return new Fact(labelKey, null, valueKey, args);
    }

    /** A missing value is left out rather than shown empty. */
    public boolean present() {
        return valueKey != null || text != null && !text.isBlank();
    }
}
