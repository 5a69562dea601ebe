package org.openrfid.trace.service.library.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openrfid.trace.service.audit.AuditOutcome;
import org.openrfid.trace.service.audit.Auditor;
import org.openrfid.trace.service.library.Circulation;
import org.openrfid.trace.service.library.ItemReferences;
import org.openrfid.trace.service.library.Loan;
import org.openrfid.trace.service.library.Loans;
import org.openrfid.trace.service.platform.web.Cursors;
import org.openrfid.trace.service.platform.web.Limits;
import org.openrfid.trace.service.registry.library.LibraryItem;
import org.openrfid.trace.service.registry.library.LibraryItems;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Loans and returns over REST: {@code POST /api/v1/library/loans} lends, {@code POST /api/v1/library/returns}
 * takes back; {@code GET /api/v1/library/loans} lists the open loans ({@code overdue=true}: only those past due),
 * or with {@code item=} one item's loan history. Reads of loans are audited: they name patrons.
 */
@RestController
@RequestMapping("/api/v1/library")
class LoanController {

    private final Circulation circulation;
    private final Loans loans;
    private final LibraryItems items;
    private final ItemReferences references;
    private final Auditor auditor;
    private final Clock clock;

    LoanController(Circulation circulation, Loans loans, LibraryItems items, ItemReferences references, Auditor auditor, Clock clock) {
        this.clock = clock;
        this.circulation = circulation;
        this.loans = loans;
        this.items = items;
        this.references = references;
        this.auditor = auditor;
    }

    record LoanRequest(String item, String patron, String due) {
    }

    record ReturnRequest(String item) {
    }

    record LoanView(long id, String itemId, String title, String patron, Instant lentAt, LocalDate due, Instant returnedAt,
                    boolean overdue) {
    }

    record LoanPage(List<LoanView> items, String nextCursor, int limit) {
    }

    @PostMapping("/loans")
    @ResponseStatus(HttpStatus.CREATED)
    LoanView lend(@RequestBody LoanRequest request) {
        Loan loan = circulation.lend(request.item(), request.patron(), dueDate(request.due()));
        return views(List.of(loan)).get(0);
    }

    @PostMapping("/returns")
    LoanView giveBack(@RequestBody ReturnRequest request) {
        return views(List.of(circulation.giveBack(request.item()))).get(0);
    }

    @GetMapping("/loans")
    LoanPage list(@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) String item,
                  @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String cursor) {
        Limits.page(limit);
        if (item != null) {
            LibraryItem found = references.require(item, clock.instant());
            List<Loan> history = loans.history(found.itemId());
            auditor.record("LIBRARY_LOAN_HISTORY", "LIBRARY_ITEM:" + found.itemId(), null, (long) history.size(), AuditOutcome.OK);
            return new LoanPage(views(history), null, limit);
        }
        long after = cursor == null ? 0 : cursorId(cursor);
        List<Loan> page = loans.openLoans(overdue ? circulation.today() : null, after, limit + 1);
        boolean more = page.size() > limit;
        List<Loan> list = more ? page.subList(0, limit) : page;
        auditor.record(overdue ? "LIBRARY_OVERDUE_LIST" : "LIBRARY_LOAN_LIST", null, null, (long) list.size(), AuditOutcome.OK);
        return new LoanPage(views(list), more ? Cursors.encode(Long.toString(list.get(list.size() - 1).id())) : null, limit);
    }

    private static long cursorId(String cursor) {
        try {
            return Long.parseLong(Cursors.decode(cursor, 1).get(0));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cursor: not a cursor issued by this API");
        }
    }

    /** A date ({@code 2026-06-22}) or a date-time with offset, of which the date counts. */
    static LocalDate dueDate(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("due: give the due date (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(text.trim()).toLocalDate();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("due: '" + text + "' is not a date (YYYY-MM-DD) or an ISO date-time");
            }
        }
    }

    private List<LoanView> views(List<Loan> list) {
        Map<String, String> titles = items.findAll(list.stream().map(Loan::itemId).distinct().toList()).stream()
                .collect(Collectors.toMap(LibraryItem::itemId, LibraryItem::title));
        LocalDate today = circulation.today();
        return list.stream().map(l -> new LoanView(l.id(), l.itemId(), titles.get(l.itemId()), l.patron(), l.lentAt(), l.due(),
                l.returnedAt(), l.overdue(today))).toList();
    }
}
