package org.openrfid.trace.service.library.web;

import java.util.Set;
import org.openrfid.trace.service.gate.GateTransactionStore;
import org.openrfid.trace.service.gate.web.GateQueries;
import org.openrfid.trace.service.gate.web.GateTransactionView;
import org.openrfid.trace.service.library.LibraryGateReconciler;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What went through the library gates together, compared with the loans: {@code PASS} or {@code ALARM} (LIBRARIAN, ADMIN). */
@RestController
@RequestMapping("/api/v1/library/gate-transactions")
class LibraryGateController {

    private static final Set<String> GATES = Set.of(LibraryGateReconciler.LIBRARY_GATE);

    private final GateTransactionStore gates;

    LibraryGateController(GateTransactionStore gates) {
        this.gates = gates;
    }

    @GetMapping
    GateTransactionView.Page list(@RequestParam(required = false) String location, @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to, @RequestParam(required = false) String verdict,
                                  @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String cursor) {
        return GateQueries.page(gates, GATES, location, from, to, verdict, null, cursor, limit);
    }

    @GetMapping("/{id}")
    GateTransactionView one(@PathVariable String id) {
        GateTransactionView view = GateQueries.one(gates, GATES, id, t -> null);
        if (view == null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no library gate transaction " + id);
            problem.setTitle("Gate transaction not found");
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        }
        return view;
    }
}
