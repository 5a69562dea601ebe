package org.openrfid.trace.web.library;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openrfid.trace.service.library.Circulation;
import org.openrfid.trace.service.library.Inventories;
import org.openrfid.trace.service.library.LibraryGateReconciler;
import org.openrfid.trace.service.library.Loan;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.registry.library.LibraryItem;
import org.openrfid.trace.service.registry.library.LibraryItems;
import org.openrfid.trace.web.gates.GateDeskFeed;
import org.openrfid.trace.web.gates.GateRows;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /library} (LIBRARIAN, ADMIN), the library desk: the security gates' transactions as they happen
 * (a book leaving unloaned is an alarm), the counter where a barcode is typed or scanned to lend or take
 * back a book (the same {@link Circulation} as the API: audited, the gate sees the loan at once), and the
 * shelf inventories.
 */
@Controller
class LibraryDeskController {

    static final int LATEST = 30;
    static final int LOAN_DAYS = 21;
    private static final long STREAM_TIMEOUT_MS = 30 * 60_000L;

    private final Circulation circulation;
    private final LibraryItems items;
    private final Inventories inventories;
    private final Locations locations;
    private final GateRows rows;
    private final GateDeskFeed feed;

    LibraryDeskController(Circulation circulation, LibraryItems items, Inventories inventories, Locations locations, GateRows rows,
                          GateDeskFeed feed) {
        this.circulation = circulation;
        this.items = items;
        this.inventories = inventories;
        this.locations = locations;
        this.rows = rows;
        this.feed = feed;
    }

    /** What the counter just did, shown once after the redirect. */
    record CounterResult(String action, String itemId, String title, String patron, LocalDate due) {
    }

    @GetMapping("/library")
    String desk(@RequestParam(required = false) String inventory, Model model) {
        model.addAttribute("inventoryRefused", "refused".equals(inventory));
        if (!model.containsAttribute("loanForm")) {
            model.addAttribute("loanForm", Map.of("item", "", "patron", "", "due", circulation.today().plusDays(LOAN_DAYS).toString()));
        }
        if (!model.containsAttribute("returnForm")) {
            model.addAttribute("returnForm", Map.of("item", ""));
        }
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", Map.of());
        }
        model.addAttribute("rows", rows.latest(LibraryGateReconciler.LIBRARY_GATE, LATEST));
        model.addAttribute("inventories", inventories.list(0, 10));
        model.addAttribute("shelves", shelves());
        return "library/index";
    }

    @GetMapping(path = "/library/stream", produces = "text/event-stream")
    SseEmitter stream(Locale locale, HttpServletRequest request) throws IOException {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MS);
        feed.open(new GateDeskFeed.Desk(emitter, LibraryGateReconciler.LIBRARY_GATE, "library/rows", locale, request.getContextPath()));
        return emitter;
    }

    @PostMapping("/library/loans")
    String lend(@RequestParam(required = false) String item, @RequestParam(required = false) String patron,
                @RequestParam(required = false) String due, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, String> form = Map.of("item", strip(item), "patron", strip(patron), "due", strip(due));
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        if (form.get("item").isEmpty()) {
            problems.put("item", "library.problem.item");
        }
        if (form.get("patron").isEmpty()) {
            problems.put("patron", "library.problem.patron");
        }
        LocalDate dueDate = date(form.get("due"));
        if (dueDate == null) {
            problems.put("due", "library.problem.due");
        }
        if (problems.isEmpty()) {
            try {
                Loan loan = circulation.lend(form.get("item"), form.get("patron"), dueDate);
                redirect.addFlashAttribute("result", new CounterResult("lent", loan.itemId(), title(loan.itemId()), loan.patron(), loan.due()));
                return "redirect:/library#counter";
            } catch (IllegalArgumentException | ErrorResponseException e) {
                problems.putAll(CounterProblems.of(e));
            }
        }
        return refused(model, response, "loanForm", form, problems);
    }

    @PostMapping("/library/returns")
    String giveBack(@RequestParam(required = false) String item, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, String> form = Map.of("item", strip(item));
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        if (form.get("item").isEmpty()) {
            problems.put("returnItem", "library.problem.item");
        } else {
            try {
                Loan loan = circulation.giveBack(form.get("item"));
                redirect.addFlashAttribute("result", new CounterResult("returned", loan.itemId(), title(loan.itemId()), loan.patron(), loan.due()));
                return "redirect:/library#counter";
            } catch (IllegalArgumentException | ErrorResponseException e) {
                CounterProblems.of(e).values().forEach(key -> problems.put("returnItem", key));
            }
        }
        return refused(model, response, "returnForm", form, problems);
    }

    private String refused(Model model, HttpServletResponse response, String formName, Map<String, String> form, Map<String, String> problems) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute(formName, form);
        model.addAttribute("problems", problems);
        return desk(null, model);
    }

    /** The shelves and rooms of the library a shelf inventory can be made at. */
    List<Location> shelves() {
        return locations.all().stream().filter(l -> "library".equals(l.kind())).sorted(Comparator.comparing(Location::name)).toList();
    }

    private String title(String itemId) {
        return items.find(itemId).map(LibraryItem::title).orElse(itemId);
    }

    private static LocalDate date(String text) {
        try {
            return text.isEmpty() ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
