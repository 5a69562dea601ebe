package org.openrfid.trace.web.objects;

/**
 * One labelled fact on an object page.
 *
 * @param labelKey the message key of the label
 * @param value    the value as registered (codes, numbers), shown when {@code valueKey} is null
 * @param valueKey a message key that names the value in the reader's language (a vehicle type), or null
 * @param href     a link for the value (the pallet a case is in), or null
 */
public record Field(String labelKey, String value, String valueKey, String href) {

    static Field of(String labelKey, Object value) {
        return new Field(labelKey, value == null ? "" : value.toString(), null, null);
    }

    static Field coded(String labelKey, String value, String keyPrefix) {
        return new Field(labelKey, value == null ? "" : value, value == null ? null : keyPrefix + value, null);
    }

    static Field link(String labelKey, String value, String href) {
        return new Field(labelKey, value == null ? "" : value, null, value == null ? null : href);
    }
}
