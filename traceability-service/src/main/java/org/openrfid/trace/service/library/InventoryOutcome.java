package org.openrfid.trace.service.library;

/** What an inventory found out about one item. */
public enum InventoryOutcome {
    /** Read where it belongs. */
    PRESENT,
    /** Belongs here and is not out on loan, but was not read. */
    MISSING,
    /** Read here, shelved elsewhere. */
    MISPLACED,
    /** Read here although it is on loan (returned without check-in, or never checked out properly). */
    CHECKED_OUT;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static InventoryOutcome of(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
