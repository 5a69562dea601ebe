package org.openrfid.trace.service.registry.goods;

import org.openrfid.trace.service.audit.Auditor;
import org.openrfid.trace.service.audit.AuditOutcome;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openrfid.trace.service.platform.web.CsvBodies;
import org.openrfid.trace.service.platform.web.Cursors;
import org.openrfid.trace.service.platform.web.Limits;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.TagBinding;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Pallets (SSCC) and aggregation over REST: list, read, what was in a pallet at a time, CSV
 * import/export of pallets ({@code /api/v1/pallets}) and of aggregation ({@code /api/v1/pallets/aggregation}).
 */
@RestController
@RequestMapping("/api/v1/pallets")
class PalletController {

    private final Pallets pallets;
    private final TagBindings bindings;
    private final Aggregations aggregations;
    private final PalletCsv csv;
    private final AggregationCsv aggregationCsv;
    private final Clock clock;
    private final Auditor auditor;

    PalletController(Pallets pallets, TagBindings bindings, Aggregations aggregations, PalletCsv csv, AggregationCsv aggregationCsv, Clock clock,
                     Auditor auditor) {
        this.auditor = auditor;
        this.pallets = pallets;
        this.bindings = bindings;
        this.aggregations = aggregations;
        this.csv = csv;
        this.aggregationCsv = aggregationCsv;
        this.clock = clock;
    }

    /** A pallet with its tag now and the container it is in now (null when none). */
    record PalletView(String sscc, String consignment, String epc, String container) {
    }

    record PalletPage(List<PalletView> items, String nextCursor, int limit) {
    }

    /** A unit inside a pallet over an interval. */
    record Content(String kind, String id, Instant from, Instant to) {
    }

    @GetMapping
    PalletPage list(@RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String cursor) {
        Limits.page(limit);
        String after = cursor == null ? null : Cursors.decode(cursor, 1).get(0);
        List<Pallet> page = pallets.page(after, limit + 1);
        boolean more = page.size() > limit;
        List<Pallet> items = more ? page.subList(0, limit) : page;
        return new PalletPage(views(items), more ? Cursors.encode(items.get(items.size() - 1).sscc()) : null, limit);
    }

    @GetMapping("/{sscc}")
    PalletView one(@PathVariable String sscc) {
        return views(List.of(pallet(sscc))).get(0);
    }

    /** What was in the pallet at {@code at} (default now). */
    @GetMapping("/{sscc}/contents")
    List<Content> contents(@PathVariable String sscc, @RequestParam(required = false) Instant at) {
        Pallet p = pallet(sscc);
        return aggregations.childrenAt(UnitKind.PALLET, p.sscc(), at == null ? clock.instant() : at).stream()
                .map(a -> new Content(a.childKind().name(), a.childId(), a.validFrom(), a.validTo())).toList();
    }

    /** Imports a pallet file ({@code text/csv}, the sample-data {@code pallets.csv} columns); all or nothing. */
    @PostMapping(path = "/import", consumes = {"text/csv", "application/csv"})
    ImportCounts importCsv(HttpServletRequest request) throws IOException {
        return csv.importFile(CsvBodies.reader(request));
    }

    @GetMapping(path = "/export", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> exportCsv() {
        auditor.record("PALLET_EXPORT", "pallets.csv", null, null, AuditOutcome.OK);
        return CsvResponses.csv("pallets.csv", csv::exportFile);
    }

    /** Imports an aggregation file (the sample-data {@code aggregation.csv} columns) after goods and pallets; all or nothing. */
    @PostMapping(path = "/aggregation/import", consumes = {"text/csv", "application/csv"})
    ImportCounts importAggregation(HttpServletRequest request) throws IOException {
        return aggregationCsv.importFile(CsvBodies.reader(request));
    }

    /** The open aggregations (what is in what now) in the import format. */
    @GetMapping(path = "/aggregation/export", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> exportAggregation() {
        auditor.record("AGGREGATION_EXPORT", "aggregation.csv", null, null, AuditOutcome.OK);
        return CsvResponses.csv("aggregation.csv", aggregationCsv::exportFile);
    }

    private Pallet pallet(String sscc) {
        String key = GoodsFields.sscc(sscc);
        return pallets.find(key).orElseThrow(() -> CsvResponses.notFound("Pallet not found", "no pallet " + key));
    }

    private List<PalletView> views(List<Pallet> list) {
        List<String> ids = list.stream().map(Pallet::sscc).toList();
        Map<String, TagBinding> open = bindings.openOf(ObjectKind.PALLET, ids);
        Map<String, Aggregation> in = aggregations.openOf(UnitKind.PALLET, ids);
        return list.stream().map(p -> {
            TagBinding b = open.get(p.sscc());
            Aggregation a = in.get(p.sscc());
            return new PalletView(p.sscc(), p.consignment(), b == null ? null : b.epcHex(), a == null ? null : a.parentId());
        }).toList();
    }
}
