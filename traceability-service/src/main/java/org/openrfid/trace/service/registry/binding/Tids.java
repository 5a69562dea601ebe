package org.openrfid.trace.service.registry.binding;

import java.util.Locale;

/** TID text rules, shared by the registries that store a registered TID. */
public final class Tids {

    private Tids() {
    }

    /** Upper-case hex of whole 16-bit words, 32..512 bits (Gen2 TID memory is word addressed). */
    public static String normalise(String tid) {
        String t = tid.trim().toUpperCase(Locale.ROOT);
        if (t.length() < 8 || t.length() > 128 || t.length() % 4 != 0
                || !t.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) {
            throw new IllegalArgumentException("TID '" + tid + "' is not hex of whole 16-bit words (8..128 hex digits)");
        }
        return t;
    }
}
