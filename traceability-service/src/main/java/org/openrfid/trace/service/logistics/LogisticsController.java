package org.openrfid.trace.service.logistics;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Logistics over REST (LOGISTICS and ADMIN): expected shipments with CSV, and dock door receipts reconciled against them. */
@RestController
@RequestMapping("/api/v1/logistics")
class LogisticsController {

    private final Shipments shipments;
    private final ShipmentCsv csv;
    private final GateTransactionStore gates;

    LogisticsController(Shipments shipments, ShipmentCsv csv, GateTransactionStore gates) {
        this.shipments = shipments;
        this.csv = csv;
        this.gates = gates;
    }

    record ShipmentRequest(String id, String dockDoor, Instant expectedFrom, Instant expectedTo, List<String> ssccs, List<String> sgtins) {

        Shipment toShipment(String idFromPath) {
            if (idFromPath != null && id != null && !id.equals(idFromPath)) {
                throw new IllegalArgumentException("id: the body names " + id + ", the path " + idFromPath);
            }
            return new Shipment(idFromPath != null ? idFromPath : id, dockDoor, required("expectedFrom", expectedFrom),
                    required("expectedTo", expectedTo), ssccs, sgtins);
        }

        private static Instant required(String name, Instant t) {
            if (t == null) {
                throw new IllegalArgumentException(name + ": required (ISO-8601 instant)");
            }
            return t;
        }
    }

    record ShipmentPage(List<Shipment> items, String nextCursor, int limit) {
    }

    @GetMapping("/shipments")
    ShipmentPage list(@RequestParam(required = false) String dockDoor, @RequestParam(defaultValue = "100") int limit,
                      @RequestParam(required = false) String cursor) {
        Limits.page(limit);
        String after = cursor == null ? null : Cursors.decode(cursor, 1).get(0);
        List<Shipment> page = shipments.page(after, dockDoor == null || dockDoor.isBlank() ? null : dockDoor.trim(), limit + 1);
        boolean more = page.size() > limit;
        List<Shipment> items = more ? page.subList(0, limit) : page;
        return new ShipmentPage(items, more ? Cursors.encode(items.get(items.size() - 1).id()) : null, limit);
    }

    @PostMapping(path = "/shipments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Shipment> create(@RequestBody ShipmentRequest request) {
        Shipment s = request.toShipment(null);
        if (shipments.find(s.id()).isPresent()) {
            throw problem(HttpStatus.CONFLICT, "Already announced", "shipment " + s.id() + " exists: PUT it to change it");
        }
        shipments.save(s);
        return ResponseEntity.created(URI.create("/api/v1/logistics/shipments/" + s.id())).body(s);
    }

    @GetMapping("/shipments/{id}")
    Shipment one(@PathVariable String id) {
        return shipments.find(id).orElseThrow(() -> notFound(id));
    }

    @PutMapping(path = "/shipments/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Shipment replace(@PathVariable String id, @RequestBody ShipmentRequest request) {
        shipments.find(id).orElseThrow(() -> notFound(id));
        Shipment s = request.toShipment(id);
        shipments.save(s);
        return s;
    }

    /** A shipment file ({@code text/csv}); all or nothing: a bad line refuses the file with line-numbered errors. */
    @PostMapping(path = "/shipments/import", consumes = {"text/csv", "application/csv"})
    ShipmentCsv.ImportResult importCsv(HttpServletRequest request) throws IOException {
        return csv.importFile(CsvBodies.reader(request));
    }

    @GetMapping(path = "/shipments/export", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> exportCsv() {
        StreamingResponseBody body = out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            csv.exportFile(w);
            w.flush();
        };
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"shipments.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(body);
    }

    /** Dock door transactions, newest first, each reconciled against the shipment expected there then. */
    @GetMapping("/receipts")
    GateTransactionView.Page receipts(@RequestParam(required = false) String location, @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to, @RequestParam(required = false) String verdict,
                                      @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String cursor) {
        return GateQueries.page(gates, Set.of(LogisticsReconciler.DOCK_DOOR), location, from, to, verdict, null, cursor, limit);
    }

    @GetMapping("/receipts/{id}")
    GateTransactionView receipt(@PathVariable String id) {
        GateTransactionView view = GateQueries.one(gates, Set.of(LogisticsReconciler.DOCK_DOOR), id,
                t -> t.reconciliation().expectationId() == null ? null : shipments.find(t.reconciliation().expectationId()).orElse(null));
        if (view == null) {
            throw problem(HttpStatus.NOT_FOUND, "Receipt not found", "no dock door transaction " + id);
        }
        return view;
    }

    private static ErrorResponseException notFound(String id) {
        return problem(HttpStatus.NOT_FOUND, "Shipment not found", "no shipment " + id);
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ErrorResponseException e = new ErrorResponseException(status);
        e.getBody().setTitle(title);
        e.getBody().setDetail(detail);
        return e;
    }
}
