package org.openrfid.trace.web.customs;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;
import org.openrfid.trace.service.customs.CustomsDesk;
import org.openrfid.trace.service.customs.CustomsReconciler;
import org.openrfid.trace.service.customs.Declaration;
import org.openrfid.trace.service.customs.DeclarationEvent;
import org.openrfid.trace.service.customs.DeclarationStatus;
import org.openrfid.trace.service.customs.Declarations;
import org.openrfid.trace.service.gate.GateTransaction;
import org.openrfid.trace.service.gate.GateTransactionStore;
import org.openrfid.trace.web.gates.GateDeskFeed;
import org.openrfid.trace.web.gates.GateRow;
import org.openrfid.trace.web.gates.GateRows;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code /customs} (CUSTOMS, ADMIN), the port desk: the port gates' transactions with their verdicts, new
 * ones pushed as they are recorded; the declarations; a declaration's page with what was declared beside
 * what was read, its history, and hold / release with a reason (the same {@link CustomsDesk} as the API:
 * audited, written to the history, the units put on or taken off the customs_hold watchlist).
 */
@Controller
class CustomsDeskController {

    static final int LATEST = 30;
    private static final long STREAM_TIMEOUT_MS = 30 * 60_000L;

    private final Declarations declarations;
    private final CustomsDesk desk;
    private final GateTransactionStore gates;
    private final GateRows rows;
    private final GateDeskFeed feed;

    CustomsDeskController(Declarations declarations, CustomsDesk desk, GateTransactionStore gates, GateRows rows, GateDeskFeed feed) {
        this.declarations = declarations;
        this.desk = desk;
        this.gates = gates;
        this.rows = rows;
        this.feed = feed;
    }

    @GetMapping("/customs")
    String desk(@RequestParam(required = false) String status, Model model) {
        DeclarationStatus filter = status == null || status.isBlank() ? null : DeclarationStatus.parse(status);
        model.addAttribute("rows", rows.latest(CustomsReconciler.PORT_GATE, LATEST));
        model.addAttribute("declarations", declarations.page(null, filter, 200));
        model.addAttribute("statuses", DeclarationStatus.values());
        model.addAttribute("status", filter == null ? null : filter.name());
        return "customs/index";
    }

    @GetMapping(path = "/customs/stream", produces = "text/event-stream")
    SseEmitter stream(Locale locale, HttpServletRequest request) throws IOException {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MS);
        feed.open(new GateDeskFeed.Desk(emitter, CustomsReconciler.PORT_GATE, "customs/rows", locale, request.getContextPath()));
        return emitter;
    }

    @GetMapping("/customs/declarations/{number}")
    String declaration(@PathVariable String number, @RequestParam(required = false) String done, Model model) {
        model.addAttribute("done", "held".equals(done) || "released".equals(done) ? done : null);
        return page(number, model, Map.of(), "");
    }

    @PostMapping("/customs/declarations/{number}/hold")
    String hold(@PathVariable String number, @RequestParam(required = false) String reason, Principal who, Model model,
                HttpServletResponse response) {
        return step(number, reason, true, who, model, response);
    }

    @PostMapping("/customs/declarations/{number}/release")
    String release(@PathVariable String number, @RequestParam(required = false) String reason, Principal who, Model model,
                   HttpServletResponse response) {
        return step(number, reason, false, who, model, response);
    }

    private String step(String number, String reason, boolean hold, Principal who, Model model, HttpServletResponse response) {
        Declaration d = find(number);
        String why = reason == null ? "" : reason.strip();
        Map<String, String> problems = ReasonForm.problems(why);
        if (problems.isEmpty()) {
            try {
                if (hold) {
                    desk.hold(d.number(), why, who.getName());
                } else {
                    desk.release(d.number(), why, who.getName());
                }
                return "redirect:/customs/declarations/" + d.number() + "?done=" + (hold ? "held" : "released");
            } catch (CustomsDesk.StateConflict e) {
                problems = Map.of("reason", hold ? "customs.problem.notHoldable" : "customs.problem.notHeld");
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                return page(number, model, problems, why);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(number, model, problems, why);
    }

    private String page(String number, Model model, Map<String, String> problems, String reason) {
        Declaration d = find(number);
        List<GateTransaction> transactions = gates.find(new GateTransactionStore.Query(Set.of(CustomsReconciler.PORT_GATE), null, null,
                null, null, CustomsReconciler.EXPECTATION, d.number()), null, LATEST);
        List<DeclarationEvent> history = declarations.history(d.number(), 0, 500);
        Map<String, GateRow> gateSteps = transactions.stream().map(rows::of).collect(Collectors.toMap(GateRow::id, r -> r, (a, b) -> a));
        model.addAttribute("view", DeclarationView.of(d, transactions.isEmpty() ? null : transactions.get(0)));
        model.addAttribute("d", d);
        model.addAttribute("history", history);
        model.addAttribute("gateSteps", gateSteps);
        model.addAttribute("rows", transactions.stream().map(rows::of).toList());
        model.addAttribute("problems", problems);
        model.addAttribute("reason", reason);
        return "customs/declaration";
    }

    private Declaration find(String number) {
        return declarations.find(number).orElseThrow(() -> new NoSuchElementException("no customs declaration '" + number + "'"));
    }
}
