package org.openrfid.trace.service.library;

/**
 * Patrons are known here only by the library system's pseudonymous id (a card number or a token):
 * names are personal data this system has no need to hold, so an id that looks like a name is refused.
 */
public final class Patrons {

    private Patrons() {
    }

    /** The id trimmed: 1..64 letters, digits, '.', '_', ':' or '-', with no spaces. */
    public static String id(String text) {
        String t = text == null ? "" : text.trim();
        if (!t.matches("[A-Za-z0-9._:-]{1,64}")) {
            throw new IllegalArgumentException("patron: '" + text + "' is not a pseudonymous patron id (1..64 letters, digits, '.', '_', ':', '-';"
                    + " no spaces, no names)");
        }
        return t;
    }
}
