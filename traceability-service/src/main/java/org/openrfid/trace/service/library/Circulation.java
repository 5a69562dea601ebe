package org.openrfid.trace.service.library;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.openrfid.trace.service.audit.AuditOutcome;
import org.openrfid.trace.service.audit.Auditor;
import org.openrfid.trace.service.registry.library.LibraryItem;
import org.openrfid.trace.service.registry.library.LibraryItems;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loans and returns at the desk. The item's {@code loanStatus} and {@code dueDate} in the registry change
 * in the same transaction as the loan history, so the gate rule (which reads the registry at each gate
 * passage, uncached) sees a loan the moment it is answered. Both are audited: who lent what to which
 * pseudonymous patron.
 */
public class Circulation {

    private final LibraryItems items;
    private final Loans loans;
    private final ItemReferences references;
    private final Auditor auditor;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ZoneId zone;

    public Circulation(LibraryItems items, Loans loans, ItemReferences references, Auditor auditor, TransactionTemplate tx, Clock clock,
                       ZoneId zone) {
        this.items = items;
        this.loans = loans;
        this.references = references;
        this.auditor = auditor;
        this.tx = tx;
        this.clock = clock;
        this.zone = zone;
    }

    /** The library's calendar date now (due dates are dates in the library's time zone). */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public Loan lend(String itemReference, String patronId, LocalDate due) {
        Instant now = clock.instant();
        String patron = Patrons.id(patronId);
        if (due == null) {
            throw new IllegalArgumentException("due: give the due date (YYYY-MM-DD)");
        }
        if (due.isBefore(today())) {
            throw LibraryProblems.badRequest("Due date in the past", "due: " + due + " is before today (" + today() + ")");
        }
        Loan loan = tx.execute(status -> {
            LibraryItem item = references.require(itemReference, now);
            if (loans.current(item.itemId()).isPresent() || item.loanStatus().equals("on_loan")) {
                throw LibraryProblems.badRequest("Item already on loan", "item " + item.itemId() + " ('" + item.title()
                        + "') is on loan; return it before lending it again");
            }
            if (item.loanStatus().equals("withdrawn") || item.loanStatus().equals("lost")) {
                throw LibraryProblems.badRequest("Item not lendable", "item " + item.itemId() + " is " + item.loanStatus());
            }
            items.save(List.of(item.withLoan("on_loan", due)));
            return loans.open(item.itemId(), patron, now, due, user());
        });
        auditor.record("LIBRARY_LOAN", "LIBRARY_ITEM:" + loan.itemId() + " patron " + patron, null, 1L, AuditOutcome.OK);
        return loan;
    }

    /** Ends the item's open loan; the item goes back on the shelf (its status {@code on_shelf}, no due date). */
    public Loan giveBack(String itemReference) {
        Instant now = clock.instant();
        Loan returned = tx.execute(status -> {
            LibraryItem item = references.require(itemReference, now);
            Loan open = loans.current(item.itemId()).orElse(null);
            if (open == null && !item.loanStatus().equals("on_loan")) {
                throw LibraryProblems.badRequest("Item not on loan", "item " + item.itemId() + " ('" + item.title() + "') is "
                        + item.loanStatus() + ", not on loan");
            }
            items.save(List.of(item.withLoan("on_shelf", null)));
            if (open == null) {
                // On loan in the registry (imported from CSV) with no loan recorded here: the return still counts.
                return new Loan(0, item.itemId(), null, null, item.dueDate(), now, null, user());
            }
            loans.close(open.id(), now, user());
            return new Loan(open.id(), open.itemId(), open.patron(), open.lentAt(), open.due(), now, open.lentBy(), user());
        });
        auditor.record("LIBRARY_RETURN", "LIBRARY_ITEM:" + returned.itemId(), null, 1L, AuditOutcome.OK);
        return returned;
    }

    private static String user() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? null : auth.getName();
    }
}
