package org.openrfid.trace.service.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.service.passage.LocatedPassage;
import org.openrfid.trace.service.passage.PassageCursor;
import org.openrfid.trace.service.passage.PassageQueries;
import org.openrfid.trace.service.passage.PassageView;
import org.openrfid.trace.service.passage.TagWindow;
import org.openrfid.trace.service.passage.TimeOrder;
import org.openrfid.trace.service.platform.web.Limits;
import org.openrfid.trace.service.privacy.Lookups;
import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.TagBinding;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.goods.Aggregation;
import org.openrfid.trace.service.registry.goods.Aggregations;
import org.openrfid.trace.service.registry.goods.GoodsFields;
import org.openrfid.trace.service.registry.goods.UnitKind;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * History of the traced kinds beside vehicles and goods: a pallet's, a library item's (the passages of
 * each tag bound to it, during that binding) and a container's (containers carry no tag: the passages
 * of the pallets it held, while it held them). Cursor-paged like every passage list; only the kinds
 * the caller's roles see (a librarian no pallets, customs no books), audited.
 */
@RestController
@RequestMapping("/api/v1")
class UnitHistoryController {

    private final PassageQueries passages;
    private final TagBindings bindings;
    private final Aggregations aggregations;
    private final Lookups lookups;

    UnitHistoryController(PassageQueries passages, TagBindings bindings, Aggregations aggregations, Lookups lookups) {
        this.passages = passages;
        this.bindings = bindings;
        this.aggregations = aggregations;
        this.lookups = lookups;
    }

    record HistoryPage(List<PassageView> items, String nextCursor, int limit) {
    }

    @GetMapping("/pallets/{sscc}/history")
    HistoryPage pallet(@PathVariable String sscc, @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                       @RequestParam(defaultValue = "asc") String order, @RequestParam(defaultValue = "100") int limit,
                       @RequestParam(required = false) String cursor) {
        String id = GoodsFields.sscc(sscc);
        Scope scope = lookups.checkObject("PALLET_HISTORY", ObjectKind.PALLET.name(), id, null).forLookupOf(ObjectKind.PALLET.name());
        return page("PALLET_HISTORY", "PALLET:" + id, tagWindows(ObjectKind.PALLET, id, from, to), scope, from, to, order, limit, cursor);
    }

    @GetMapping("/library-items/{id}/history")
    HistoryPage libraryItem(@PathVariable String id, @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                            @RequestParam(defaultValue = "asc") String order, @RequestParam(defaultValue = "100") int limit,
                            @RequestParam(required = false) String cursor) {
        Scope scope = lookups.checkObject("LIBRARY_ITEM_HISTORY", ObjectKind.LIBRARY_ITEM.name(), id, null)
                .forLookupOf(ObjectKind.LIBRARY_ITEM.name());
        return page("LIBRARY_ITEM_HISTORY", "LIBRARY_ITEM:" + id, tagWindows(ObjectKind.LIBRARY_ITEM, id, from, to), scope, from, to, order,
                limit, cursor);
    }

    @GetMapping("/containers/{number}/history")
    HistoryPage container(@PathVariable String number, @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                          @RequestParam(defaultValue = "asc") String order, @RequestParam(defaultValue = "100") int limit,
                          @RequestParam(required = false) String cursor) {
        String id = number.trim().toUpperCase(java.util.Locale.ROOT);
        // A container is seen through its pallets: the caller must see pallets.
        Scope scope = lookups.checkObject("CONTAINER_HISTORY", ObjectKind.PALLET.name(), id, null).forLookupOf(ObjectKind.PALLET.name());
        List<TagWindow> windows = new ArrayList<>();
        for (Aggregation a : aggregations.childrenOf(UnitKind.CONTAINER, id)) {
            if (a.childKind() == UnitKind.PALLET) {
                Instant f = later(a.validFrom(), from);
                Instant t = earlier(a.validTo(), to);
                windows.addAll(tagWindows(ObjectKind.PALLET, a.childId(), f, t));
            }
        }
        return page("CONTAINER_HISTORY", "CONTAINER:" + id, windows, scope, from, to, order, limit, cursor);
    }

    private List<TagWindow> tagWindows(ObjectKind kind, String id, Instant from, Instant to) {
        List<TagWindow> out = new ArrayList<>();
        for (TagBinding b : bindings.ofObject(kind, id)) {
            TagWindow w = new TagWindow(b.epcHex(), b.validFrom(), b.validTo()).narrowedTo(from, to);
            if (w != null) {
                out.add(w);
            }
        }
        return out;
    }

    private HistoryPage page(String action, String subject, List<TagWindow> windows, Scope scope, Instant from, Instant to, String order,
                             int limit, String cursor) {
        Limits.page(limit);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from: " + from + " is not before to " + to);
        }
        TimeOrder o = switch (order) {
            case "asc" -> TimeOrder.OLDEST_FIRST;
            case "desc" -> TimeOrder.NEWEST_FIRST;
            default -> throw new IllegalArgumentException("order: '" + order + "' is not asc or desc");
        };
        List<LocatedPassage> found = windows.isEmpty() ? List.of() : passages.ofTags(windows, scope, PassageCursor.decode(cursor), o, limit + 1);
        boolean more = found.size() > limit;
        List<LocatedPassage> items = more ? found.subList(0, limit) : found;
        String next = null;
        if (more) {
            Passage last = items.get(items.size() - 1).passage();
            next = new PassageCursor(last.firstSeen(), last.id()).encode();
        }
        lookups.record(action, subject, null, items.size());
        return new HistoryPage(items.stream().map(PassageView::of).toList(), next, limit);
    }

    private static Instant later(Instant a, Instant b) {
        return b == null || (a != null && a.isAfter(b)) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }
}
