package org.openrfid.trace.service.registry.library;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * A library item (a copy of a title) identified by its item barcode; its RFID tag is bound to the item id.
 *
 * @param loanStatus on_shelf, on_loan, in_transit, on_hold, missing, lost, withdrawn
 * @param dueDate      the due date of the current loan, or null
 * @param homeLocation the location id of the shelf or room where the item belongs (shelf inventory), or null
 */
public record LibraryItem(String itemId, String title, String callNumber, String homeLibrary, String loanStatus, LocalDate dueDate,
                          String homeLocation) {

    public static final Set<String> STATUSES = Set.of("on_shelf", "on_loan", "in_transit", "on_hold", "missing", "lost", "withdrawn");

    public LibraryItem {
        itemId = itemId(itemId);
        title = text(title, 500, true);
        callNumber = text(callNumber, 64, false);
        homeLibrary = text(homeLibrary, 64, false);
        loanStatus = status(loanStatus);
        homeLocation = text(homeLocation, 64, false);
        if (dueDate != null && !loanStatus.equals("on_loan")) {
            throw new IllegalArgumentException("due date " + dueDate + " is only for items on_loan, this one is " + loanStatus);
        }
    }

    /** An item with no home location. */
    public LibraryItem(String itemId, String title, String callNumber, String homeLibrary, String loanStatus, LocalDate dueDate) {
        this(itemId, title, callNumber, homeLibrary, loanStatus, dueDate, null);
    }

    /** The same item with another loan status and due date (a loan or a return). */
    public LibraryItem withLoan(String status, LocalDate due) {
        return new LibraryItem(itemId, title, callNumber, homeLibrary, status, due, homeLocation);
    }

    /** Item barcode: 1..32 letters, digits and '-'. */
    public static String itemId(String text) {
        String t = text == null ? "" : text.trim();
        if (!t.matches("[A-Za-z0-9-]{1,32}")) {
            throw new IllegalArgumentException("'" + text + "' is not an item id (1..32 letters, digits, '-')");
        }
        return t;
    }

    public static String status(String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (!STATUSES.contains(s)) {
            throw new IllegalArgumentException("'" + text + "' is not a loan status " + STATUSES.stream().sorted().toList());
        }
        return s;
    }

    public static String text(String text, int max, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw new IllegalArgumentException("is required");
            }
            return null;
        }
        String t = text.trim();
        if (t.length() > max) {
            throw new IllegalArgumentException("is longer than " + max + " characters");
        }
        return t;
    }
}
