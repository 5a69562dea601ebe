package org.openrfid.trace.web.gates;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openrfid.trace.service.gate.GateItem;
import org.openrfid.trace.service.gate.GateTransaction;
import org.openrfid.trace.service.gate.GateTransactionStore;
import org.openrfid.trace.service.registry.library.LibraryItem;
import org.openrfid.trace.service.registry.library.LibraryItems;
import org.openrfid.trace.web.console.DisplayNames;

/** Turns stored gate transactions into {@link GateRow}s: place names from the locations, titles from the library registry. */
public class GateRows {

    private final GateTransactionStore store;
    private final DisplayNames names;
    private final LibraryItems library;

    public GateRows(GateTransactionStore store, DisplayNames names, LibraryItems library) {
        this.store = store;
        this.names = names;
        this.library = library;
    }

    /** The newest transactions at gates of this kind. */
    public List<GateRow> latest(String locationKind, int limit) {
        return store.find(new GateTransactionStore.Query(Set.of(locationKind), null, null, null, null, null, null), null, limit).stream()
                .map(this::of).toList();
    }

    public GateRow of(GateTransaction t) {
        var c = t.contents();
        var r = t.reconciliation();
        List<GateItem> read = c.itemsOf(GateItem.LIBRARY_ITEM);
        Map<String, LibraryItem> items = read.isEmpty() ? Map.of()
                : library.findAll(read.stream().map(GateItem::id).toList()).stream().collect(Collectors.toMap(LibraryItem::itemId, Function.identity()));
        Set<String> lent = r.matched().stream().map(GateItem::key).collect(Collectors.toSet());
        List<GateRow.Book> books = read.stream().map(i -> new GateRow.Book(i.id(), items.containsKey(i.id()) ? items.get(i.id()).title() : null,
                lent.contains(i.key()))).toList();
        boolean alarm = "HOLD".equals(r.verdict()) || "ALARM".equals(r.verdict());
        return new GateRow(t.id(), c.end(), c.locationId(), names.locationName(c.locationId()), c.direction(),
                c.vehicle() == null ? null : c.vehicle().id(), c.container(), r.expectationId(), r.verdict(), r.matched().size(),
                r.missing().size(), r.unexpected().size(), books, alarm);
    }
}
