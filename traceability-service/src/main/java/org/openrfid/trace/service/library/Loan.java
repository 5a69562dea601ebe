package org.openrfid.trace.service.library;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One loan of a library item to a patron, open until the item comes back.
 *
 * @param patron     the library system's pseudonymous patron id (never a name)
 * @param returnedAt when the item came back, null while it is out
 * @param lentBy     the user who recorded the loan, returnedBy the one who recorded the return
 */
public record Loan(long id, String itemId, String patron, Instant lentAt, LocalDate due, Instant returnedAt, String lentBy,
                   String returnedBy) {

    public boolean open() {
        return returnedAt == null;
    }

    /** Out past its due date: a book due today is not overdue until tomorrow. */
    public boolean overdue(LocalDate today) {
        return open() && due.isBefore(today);
    }
}
