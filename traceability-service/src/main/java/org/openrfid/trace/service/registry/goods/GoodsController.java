package org.openrfid.trace.service.registry.goods;

import org.openrfid.trace.service.audit.Auditor;
import org.openrfid.trace.service.audit.AuditOutcome;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.service.passage.PassageCursor;
import org.openrfid.trace.service.passage.PassageView;
import org.openrfid.trace.service.passage.TimeOrder;
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
 * The goods registry over REST: list (GTIN, serial order, cursor-paged), read, CSV import/export, and
 * the history of an item including the passages of the pallets it was in at the time.
 */
@RestController
@RequestMapping("/api/v1/goods")
class GoodsController {

    private final GoodsItems goods;
    private final TagBindings bindings;
    private final Aggregations aggregations;
    private final GoodsCsv csv;
    private final GoodsHistory history;
    private final Auditor auditor;

    GoodsController(GoodsItems goods, TagBindings bindings, Aggregations aggregations, GoodsCsv csv, GoodsHistory history, Auditor auditor) {
        this.auditor = auditor;
        this.goods = goods;
        this.bindings = bindings;
        this.aggregations = aggregations;
        this.csv = csv;
        this.history = history;
    }

    /** An item with the EPC of its tag now and the pallet (SSCC) it is in now (null when none). */
    record GoodsView(UUID id, String gtin, String serial, String product, String lot, LocalDate expiry, String consignment,
                     String epc, String pallet) {
    }

    record GoodsPage(List<GoodsView> items, String nextCursor, int limit) {
    }

    /** A passage placing the item; {@code viaKind}/{@code viaId} name the unit whose tag was read (the item itself or a pallet). */
    record HistoryEntry(@JsonUnwrapped PassageView passage, String viaKind, String viaId) {
    }

    record HistoryPage(List<HistoryEntry> items, String nextCursor, int limit) {
    }

    /**
     * Items in GTIN, serial order, {@code limit} (1..1000, default 100) per page; pass {@code nextCursor}
     * back as {@code cursor}. With {@code gtin} and {@code serial}, the one item with that key.
     */
    @GetMapping
    GoodsPage list(@RequestParam(required = false) String gtin, @RequestParam(required = false) String serial,
                   @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String cursor) {
        Limits.page(limit);
        if (gtin != null || serial != null) {
            if (gtin == null || serial == null) {
                throw new IllegalArgumentException("gtin: gtin and serial go together");
            }
            return new GoodsPage(views(goods.find(GoodsItem.idOf(gtin, serial)).stream().toList()), null, limit);
        }
        String afterGtin = null;
        String afterSerial = null;
        if (cursor != null) {
            List<String> key = Cursors.decode(cursor, 2);
            afterGtin = key.get(0);
            afterSerial = key.get(1);
        }
        List<GoodsItem> page = goods.page(afterGtin, afterSerial, limit + 1);
        boolean more = page.size() > limit;
        List<GoodsItem> items = more ? page.subList(0, limit) : page;
        GoodsItem last = items.isEmpty() ? null : items.get(items.size() - 1);
        return new GoodsPage(views(items), more ? Cursors.encode(last.gtin(), last.serial()) : null, limit);
    }

    @GetMapping("/{id}")
    GoodsView one(@PathVariable UUID id) {
        return views(List.of(item(id))).get(0);
    }

    /**
     * Where the item has been: its own tag's passages and those of the pallets (and their containers'
     * tags, if any) it was aggregated into at each passage's time, in [from, to), cursor-paged.
     */
    @GetMapping("/{id}/history")
    HistoryPage history(@PathVariable UUID id, @RequestParam(required = false) Instant from,
                        @RequestParam(required = false) Instant to, @RequestParam(defaultValue = "asc") String order,
                        @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String cursor) {
        Limits.page(limit);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from: " + from + " is not before to " + to);
        }
        item(id);
        List<GoodsHistory.Placed> found = history.history(UnitKind.GOODS, id.toString(), from, to, PassageCursor.decode(cursor),
                order(order), limit + 1);
        boolean more = found.size() > limit;
        List<GoodsHistory.Placed> items = more ? found.subList(0, limit) : found;
        String next = null;
        if (more) {
            Passage last = items.get(items.size() - 1).passage().passage();
            next = new PassageCursor(last.firstSeen(), last.id()).encode();
        }
        auditor.record("GOODS_HISTORY", "GOODS:" + id, null, (long) items.size(), AuditOutcome.OK);
        return new HistoryPage(items.stream().map(p -> new HistoryEntry(PassageView.of(p.passage()), p.viaKind().name(), p.viaId())).toList(),
                next, limit);
    }

    /** Imports a goods file ({@code text/csv}, the sample-data {@code goods.csv} columns); all or nothing. */
    @PostMapping(path = "/import", consumes = {"text/csv", "application/csv"})
    ImportCounts importCsv(HttpServletRequest request) throws IOException {
        return csv.importFile(CsvBodies.reader(request));
    }

    @GetMapping(path = "/export", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> exportCsv() {
        auditor.record("GOODS_EXPORT", "goods.csv", null, null, AuditOutcome.OK);
        return CsvResponses.csv("goods.csv", csv::exportFile);
    }

    private GoodsItem item(UUID id) {
        return goods.find(id).orElseThrow(() -> CsvResponses.notFound("Goods item not found", "no goods item " + id));
    }

    private List<GoodsView> views(List<GoodsItem> list) {
        List<String> ids = list.stream().map(g -> g.id().toString()).toList();
        Map<String, TagBinding> open = bindings.openOf(ObjectKind.GOODS, ids);
        Map<String, Aggregation> in = aggregations.openOf(UnitKind.GOODS, ids);
        return list.stream().map(g -> {
            TagBinding b = open.get(g.id().toString());
            Aggregation a = in.get(g.id().toString());
            return new GoodsView(g.id(), g.gtin(), g.serial(), g.product(), g.lot(), g.expiry(), g.consignment(),
                    b == null ? null : b.epcHex(), a == null ? null : a.parentId());
        }).toList();
    }

    static TimeOrder order(String order) {
        return switch (order.toLowerCase(Locale.ROOT)) {
            case "asc" -> TimeOrder.OLDEST_FIRST;
            case "desc" -> TimeOrder.NEWEST_FIRST;
            default -> throw new IllegalArgumentException("order: '" + (order.length() > 20 ? order.substring(0, 20) : order) + "' is not asc or desc");
        };
    }
}
