package org.openrfid.trace.service.library;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The loans history (port): every loan, open or returned. Adapters in {@code jdbc/}. */
public interface Loans {

    /** Records a new open loan and gives it with its id. */
    Loan open(String itemId, String patron, Instant lentAt, LocalDate due, String lentBy);

    /** The item's open loan, if it is out. */
    Optional<Loan> current(String itemId);

    /** Closes an open loan; false when it was closed already. */
    boolean close(long loanId, Instant returnedAt, String returnedBy);

    /**
     * Open loans in id order after {@code afterId} (0: from the start), up to {@code limit};
     * {@code dueBefore} keeps only those due before that date (the overdue ones), null keeps all.
     */
    List<Loan> openLoans(LocalDate dueBefore, long afterId, int limit);

    /** Every loan of the item, oldest first. */
    List<Loan> history(String itemId);
}
