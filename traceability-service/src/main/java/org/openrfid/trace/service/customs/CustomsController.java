package org.openrfid.trace.service.customs;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.openrfid.trace.service.gate.GateTransactionStore;
import org.openrfid.trace.service.gate.web.GateQueries;
import org.openrfid.trace.service.gate.web.GateTransactionView;
import org.openrfid.trace.service.platform.web.CsvBodies;
import org.openrfid.trace.service.platform.web.Cursors;
import org.openrfid.trace.service.platform.web.Limits;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Customs over REST (CUSTOMS and ADMIN): declarations with CSV import/export, hold and release with a
 * reason, a declaration's history, and the port gate transactions reconciled against declarations.
 */
@RestController
@RequestMapping("/api/v1/customs")
class CustomsController {

    private final Declarations declarations;
    private final CustomsDesk desk;
    private final DeclarationCsv csv;
    private final GateTransactionStore gates;
    private final Clock clock;

    CustomsController(Declarations declarations, CustomsDesk desk, DeclarationCsv csv, GateTransactionStore gates, Clock clock) {
        this.declarations = declarations;
        this.desk = desk;
        this.csv = csv;
        this.gates = gates;
        this.clock = clock;
    }

    record GtinLine(String gtin, int quantity) {
    }

    record DeclarationRequest(String number, String consignment, String container, String truckPlate, List<String> epcs, List<String> ssccs,
                              List<GtinLine> gtins, String status) {

        Declaration toDeclaration(String numberFromPath, Clock clock) {
            if (numberFromPath != null && number != null && !number.equals(numberFromPath)) {
                throw new IllegalArgumentException("number: the body names " + number + ", the path " + numberFromPath);
            }
            List<GtinQuantity> lines = gtins == null ? List.of() : gtins.stream().map(g -> {
                try {
                    return new GtinQuantity(g.gtin(), g.quantity());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("gtins: " + e.getMessage(), e);
                }
            }).toList();
            return new Declaration(numberFromPath != null ? numberFromPath : number, consignment, container, truckPlate, epcs, ssccs, lines,
                    status == null ? DeclarationStatus.DECLARED : DeclarationStatus.parse(status), clock.instant());
        }
    }

    record Reason(String reason) {
    }

    record DeclarationPage(List<Declaration> items, String nextCursor, int limit) {
    }

    record HistoryPage(String number, List<DeclarationEvent> items, String nextCursor, int limit) {
    }

    @GetMapping("/declarations")
    DeclarationPage list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "100") int limit,
                         @RequestParam(required = false) String cursor) {
        Limits.page(limit);
        String after = cursor == null ? null : Cursors.decode(cursor, 1).get(0);
        List<Declaration> page = declarations.page(after, status == null ? null : DeclarationStatus.parse(status), limit + 1);
        boolean more = page.size() > limit;
        List<Declaration> items = more ? page.subList(0, limit) : page;
        return new DeclarationPage(items, more ? Cursors.encode(items.get(items.size() - 1).number()) : null, limit);
    }

    @PostMapping(path = "/declarations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Declaration> create(@RequestBody DeclarationRequest request, Principal who) {
        Declaration d = request.toDeclaration(null, clock);
        if (declarations.find(d.number()).isPresent()) {
            throw problem(HttpStatus.CONFLICT, "Already declared", "declaration " + d.number() + " exists: PUT it to change it");
        }
        Declaration stored = desk.declare(d, name(who));
        return ResponseEntity.created(URI.create("/api/v1/customs/declarations/" + stored.number())).body(stored);
    }

    @GetMapping("/declarations/{number}")
    Declaration one(@PathVariable String number) {
        return declarations.find(number).orElseThrow(() -> new CustomsDesk.NotFound(number));
    }

    @PutMapping(path = "/declarations/{number}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Declaration replace(@PathVariable String number, @RequestBody DeclarationRequest request, Principal who) {
        declarations.find(number).orElseThrow(() -> new CustomsDesk.NotFound(number));
        return desk.declare(request.toDeclaration(number, clock), name(who));
    }

    @PostMapping(path = "/declarations/{number}/hold", consumes = MediaType.APPLICATION_JSON_VALUE)
    Declaration hold(@PathVariable String number, @RequestBody Reason body, Principal who) {
        return desk.hold(number, body == null ? null : body.reason(), name(who));
    }

    @PostMapping(path = "/declarations/{number}/release", consumes = MediaType.APPLICATION_JSON_VALUE)
    Declaration release(@PathVariable String number, @RequestBody Reason body, Principal who) {
        return desk.release(number, body == null ? null : body.reason(), name(who));
    }

    /** Declared, changed, gate transactions, holds, releases, exit: oldest first, {@code limit} per page. */
    @GetMapping("/declarations/{number}/history")
    HistoryPage history(@PathVariable String number, @RequestParam(defaultValue = "100") int limit,
                        @RequestParam(required = false) String cursor) {
        Limits.page(limit);
        declarations.find(number).orElseThrow(() -> new CustomsDesk.NotFound(number));
        long after = 0;
        if (cursor != null) {
            try {
                after = Long.parseLong(Cursors.decode(cursor, 1).get(0));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("cursor: not a cursor issued by this API");
            }
        }
        List<DeclarationEvent> page = declarations.history(number, after, limit + 1);
        boolean more = page.size() > limit;
        List<DeclarationEvent> items = more ? page.subList(0, limit) : page;
        return new HistoryPage(number, items, more ? Cursors.encode(Long.toString(items.get(items.size() - 1).id())) : null, limit);
    }

    /** A declaration file ({@code text/csv}); all or nothing: a bad line refuses the file with line-numbered errors. */
    @PostMapping(path = "/declarations/import", consumes = {"text/csv", "application/csv"})
    DeclarationCsv.ImportResult importCsv(HttpServletRequest request, Principal who) throws IOException {
        return csv.importFile(CsvBodies.reader(request), name(who));
    }

    @GetMapping(path = "/declarations/export", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> exportCsv() {
        StreamingResponseBody body = out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            csv.exportFile(w);
            w.flush();
        };
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"declarations.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(body);
    }

    /** Port gate transactions, newest first; {@code verdict} is PASS, INSPECT or HOLD. */
    @GetMapping("/gate-transactions")
    GateTransactionView.Page gateTransactions(@RequestParam(required = false) String location, @RequestParam(required = false) String from,
                                              @RequestParam(required = false) String to, @RequestParam(required = false) String verdict,
                                              @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String cursor) {
        if (verdict != null && !Set.of(CustomsReconciler.PASS, CustomsReconciler.INSPECT, CustomsReconciler.HOLD)
                .contains(verdict.trim().toUpperCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("verdict: '" + verdict + "' is not one of PASS, INSPECT, HOLD");
        }
        return GateQueries.page(gates, Set.of(CustomsReconciler.PORT_GATE), location, from, to, verdict, null, cursor, limit);
    }

    /** One port gate transaction with its matched, missing and unexpected units and the declaration it was compared with. */
    @GetMapping("/gate-transactions/{id}")
    GateTransactionView gateTransaction(@PathVariable String id) {
        GateTransactionView view = GateQueries.one(gates, Set.of(CustomsReconciler.PORT_GATE), id,
                t -> t.reconciliation().expectationId() == null ? null : declarations.find(t.reconciliation().expectationId()).orElse(null));
        if (view == null) {
            throw problem(HttpStatus.NOT_FOUND, "Gate transaction not found", "no port gate transaction " + id);
        }
        return view;
    }

    @ExceptionHandler(CustomsDesk.NotFound.class)
    ProblemDetail notFound(CustomsDesk.NotFound e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setTitle("Declaration not found");
        return p;
    }

    @ExceptionHandler(CustomsDesk.StateConflict.class)
    ProblemDetail conflict(CustomsDesk.StateConflict e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("Declaration state");
        return p;
    }

    private static String name(Principal who) {
        return who == null ? "anonymous" : who.getName();
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ErrorResponseException e = new ErrorResponseException(status);
        e.getBody().setTitle(title);
        e.getBody().setDetail(detail);
        return e;
    }
}
