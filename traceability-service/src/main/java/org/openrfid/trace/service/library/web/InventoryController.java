package org.openrfid.trace.service.library.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openrfid.trace.service.library.Inventories;
import org.openrfid.trace.service.library.Inventory;
import org.openrfid.trace.service.library.InventoryFinding;
import org.openrfid.trace.service.library.InventoryOutcome;
import org.openrfid.trace.service.library.InventoryReport;
import org.openrfid.trace.service.library.ShelfInventory;
import org.openrfid.trace.service.platform.web.Cursors;
import org.openrfid.trace.service.platform.web.Limits;
import org.openrfid.trace.service.registry.library.LibraryItem;
import org.openrfid.trace.service.registry.library.LibraryItems;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shelf inventories over REST: start one at a shelf or room (optionally naming the reader), push reads to
 * it, finish it; list them newest first; one shows its report (present, missing, misplaced, checked out).
 */
@RestController
@RequestMapping("/api/v1/library/inventories")
class InventoryController {

    private final ShelfInventory inventory;
    private final Inventories inventories;
    private final LibraryItems items;

    InventoryController(ShelfInventory inventory, Inventories inventories, LibraryItems items) {
        this.inventory = inventory;
        this.inventories = inventories;
        this.items = items;
    }

    record StartRequest(String location, String reader) {
    }

    record ReadsRequest(List<String> epcs) {
    }

    record ItemLine(String itemId, String title, String homeLocation, String loanStatus) {
    }

    record ReportView(List<ItemLine> present, List<ItemLine> missing, List<ItemLine> misplaced, List<ItemLine> checkedOut,
                      List<String> unknownEpcs) {
    }

    record InventoryView(long id, String location, String reader, String status, Instant startedAt, Instant finishedAt,
                         String startedBy, int reads, ReportView report) {
    }

    record InventoryPage(List<InventoryView> items, String nextCursor, int limit) {
    }

    record ReadsAdded(long inventory, int added, int reads) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    InventoryView start(@RequestBody StartRequest request) {
        return full(inventory.start(request.location(), request.reader()));
    }

    @GetMapping
    InventoryPage list(@RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String cursor) {
        Limits.page(limit);
        long before = cursor == null ? 0 : cursorId(cursor);
        List<Inventory> page = inventories.list(before, limit + 1);
        boolean more = page.size() > limit;
        List<Inventory> list = more ? page.subList(0, limit) : page;
        List<InventoryView> views = list.stream().map(i -> view(i, inventories.reads(i.id()).size(), null)).toList();
        return new InventoryPage(views, more ? Cursors.encode(Long.toString(list.get(list.size() - 1).id())) : null, limit);
    }

    @GetMapping("/{id}")
    InventoryView one(@PathVariable long id) {
        return full(inventory.require(id));
    }

    @PostMapping("/{id}/reads")
    ReadsAdded reads(@PathVariable long id, @RequestBody ReadsRequest request) {
        int added = inventory.addReads(id, request.epcs());
        return new ReadsAdded(id, added, inventories.reads(id).size());
    }

    @PostMapping("/{id}/finish")
    InventoryView finish(@PathVariable long id) {
        return full(inventory.finish(id));
    }

    private static long cursorId(String cursor) {
        try {
            return Long.parseLong(Cursors.decode(cursor, 1).get(0));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cursor: not a cursor issued by this API");
        }
    }

    private InventoryView full(Inventory i) {
        InventoryReport report = inventory.report(i);
        Map<String, String> titles = items.findAll(report.findings().stream().map(InventoryFinding::itemId).toList()).stream()
                .collect(Collectors.toMap(LibraryItem::itemId, LibraryItem::title));
        Function<InventoryOutcome, List<ItemLine>> lines = outcome -> report.findings().stream().filter(f -> f.outcome() == outcome)
                .map(f -> new ItemLine(f.itemId(), titles.get(f.itemId()), f.homeLocation(), f.loanStatus())).toList();
        ReportView view = new ReportView(lines.apply(InventoryOutcome.PRESENT), lines.apply(InventoryOutcome.MISSING),
                lines.apply(InventoryOutcome.MISPLACED), lines.apply(InventoryOutcome.CHECKED_OUT), report.unknownEpcs());
        return view(i, inventories.reads(i.id()).size(), view);
    }

    private static InventoryView view(Inventory i, int reads, ReportView report) {
        return new InventoryView(i.id(), i.locationId(), i.readerId(), i.open() ? "open" : "finished", i.startedAt(), i.finishedAt(),
                i.startedBy(), reads, report);
    }
}
