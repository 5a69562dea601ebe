package org.openrfid.trace.service.customs;

import java.util.Locale;

/**
 * Where a customs declaration stands. HELD and RELEASED are set only with a reason (hold and release),
 * EXITED by a passing port-gate transaction on the way out.
 */
public enum DeclarationStatus {
    DECLARED, HELD, RELEASED, CLEARED, EXITED;

    public static DeclarationStatus parse(String text) {
        if (text != null) {
            String name = text.trim().toUpperCase(Locale.ROOT);
            for (DeclarationStatus s : values()) {
                if (s.name().equals(name)) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("status: '" + text + "' is not one of DECLARED, HELD, RELEASED, CLEARED, EXITED");
    }
}
