package org.openrfid.trace.web.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openrfid.trace.service.platform.web.Cursors;
import org.openrfid.trace.service.privacy.Lookups;
import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.TagBinding;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.goods.GoodsItem;
import org.openrfid.trace.service.registry.goods.GoodsItems;
import org.openrfid.trace.service.registry.goods.Pallet;
import org.openrfid.trace.service.registry.goods.Pallets;
import org.openrfid.trace.service.registry.library.LibraryItem;
import org.openrfid.trace.service.registry.library.LibraryItems;
import org.openrfid.trace.service.registry.vehicle.Vehicle;
import org.openrfid.trace.service.registry.vehicle.Vehicles;
import org.openrfid.trace.service.registry.watchlist.Watchlist;
import org.openrfid.trace.service.registry.watchlist.WatchlistEntry;
import org.springframework.stereotype.Component;

/**
 * A page of each registry through its own port's keyset paging, in key order (plate, GTIN and serial, SSCC,
 * barcode, entry). The search is a key prefix ({@code 渝A} lists the plates of Chongqing's authority A): paging
 * starts just before the prefix and stops where keys no longer start with it, so it costs one indexed page.
 * Vehicles are listed as the vehicles API lists them: restricted ones left out for callers without a grant,
 * and the listing audited ({@code VEHICLE_LIST}).
 */
@Component
class RegistryRows {

    static final int PAGE = 50;

    private final Vehicles vehicles;
    private final GoodsItems goods;
    private final Pallets pallets;
    private final LibraryItems library;
    private final Watchlist watchlist;
    private final TagBindings bindings;
    private final Lookups lookups;

    RegistryRows(Vehicles vehicles, GoodsItems goods, Pallets pallets, LibraryItems library, Watchlist watchlist, TagBindings bindings,
                 Lookups lookups) {
        this.vehicles = vehicles;
        this.goods = goods;
        this.pallets = pallets;
        this.library = library;
        this.watchlist = watchlist;
        this.bindings = bindings;
        this.lookups = lookups;
    }

    /**
     * @param prefix the search as typed (already in the key's normal form, see {@link #keyPrefix}), or empty
     * @param cursor a page's {@code next}, or null for the first page
     */
    RegistryPage page(RegistryKind kind, String prefix, String cursor) {
        return switch (kind) {
            case VEHICLES -> vehicles(prefix, cursor);
            case GOODS -> goods(prefix, cursor);
            case PALLETS -> paged(List.of("registry.col.sscc", "registry.col.consignment"), pallets.count(), prefix, cursor,
                    after -> pallets.page(after, PAGE + 1), Pallet::sscc,
                    p -> new RegistryPage.Row(List.of(p.sscc(), blank(p.consignment())), "/pallets/" + p.sscc()));
            case LIBRARY_ITEMS -> paged(List.of("registry.col.barcode", "registry.col.title", "registry.col.loanStatus", "registry.col.home"),
                    library.count(), prefix, cursor, after -> library.page(after, null, PAGE + 1), LibraryItem::itemId,
                    i -> new RegistryPage.Row(List.of(i.itemId(), i.title(), blank(i.loanStatus()), blank(i.homeLibrary())),
                            "/library-items/" + i.itemId()));
            case WATCHLIST -> watchlist(cursor);
        };
    }

    private RegistryPage vehicles(String prefix, String cursor) {
        String after = after(prefix, cursor);
        Scope scope = lookups.scope("VEHICLE_LIST", "vehicles after " + after);
        List<Vehicle> matching = vehicles.page(after, PAGE + 1).stream().takeWhile(v -> v.plate().startsWith(prefix)).toList();
        boolean more = matching.size() > PAGE;
        List<Vehicle> shown = more ? matching.subList(0, PAGE) : matching;
        List<Vehicle> visible = shown.stream().filter(v -> !lookups.hides(scope, ObjectKind.VEHICLE.name(), v.id().toString())).toList();
        Map<String, TagBinding> tags = bindings.openOf(ObjectKind.VEHICLE, visible.stream().map(v -> v.id().toString()).toList());
        lookups.record("VEHICLE_LIST", "vehicles after " + after, null, visible.size());
        List<RegistryPage.Row> rows = visible.stream().map(v -> {
            TagBinding tag = tags.get(v.id().toString());
            return new RegistryPage.Row(List.of(v.plate(), v.plateType(), v.plateColour(), v.vehicleType(), v.vin(), v.status(),
                    tag == null ? "" : tag.epcHex()), "/vehicles/" + v.id());
        }).toList();
        String next = more ? Cursors.encode(shown.get(PAGE - 1).plate()) : null;
        return new RegistryPage(List.of("registry.col.plate", "registry.col.plateType", "registry.col.plateColour", "registry.col.vehicleType",
                "registry.col.vin", "registry.col.status", "registry.col.epc"), rows, next, vehicles.count());
    }

    private RegistryPage goods(String prefix, String cursor) {
        List<String> after = cursor == null ? java.util.Arrays.asList(before(prefix), null) : Cursors.decode(cursor, 2);
        List<GoodsItem> page = goods.page(after.get(0), after.get(1), PAGE + 1);
        return cut(List.of("registry.col.gtin", "registry.col.serial", "registry.col.product", "registry.col.consignment"), goods.count(),
                page, prefix, GoodsItem::gtin, g -> Cursors.encode(g.gtin(), g.serial()),
                g -> new RegistryPage.Row(List.of(g.gtin(), g.serial(), blank(g.product()), blank(g.consignment())), "/goods/" + g.id()));
    }

    private RegistryPage watchlist(String cursor) {
        long after = cursor == null ? 0 : Long.parseLong(Cursors.decode(cursor, 1).get(0));
        List<WatchlistEntry> page = watchlist.page(after, null, PAGE + 1);
        return cut(List.of("registry.col.list", "registry.col.kind", "registry.col.object", "registry.col.subject", "registry.col.reason"),
                watchlist.count(), page, "", e -> "", e -> Cursors.encode(Long.toString(e.id())),
                e -> new RegistryPage.Row(List.of(e.list(), e.kind() == null ? "" : e.kind().name(), blank(e.objectId()), blank(e.subject()),
                        blank(e.reason())), null));
    }

    private static <T> RegistryPage paged(List<String> columns, long total, String prefix, String cursor, Function<String, List<T>> pageAfter,
                                          Function<T, String> key, Function<T, RegistryPage.Row> row) {
        List<T> page = pageAfter.apply(after(prefix, cursor));
        return cut(columns, total, page, prefix, key, t -> Cursors.encode(key.apply(t)), row);
    }

    /** The objects of a page of {@code PAGE + 1} that match the prefix, and the cursor after them when there are more. */
    private static <T> RegistryPage cut(List<String> columns, long total, List<T> page, String prefix, Function<T, String> key,
                                        Function<T, String> cursorOf, Function<T, RegistryPage.Row> row) {
        List<T> matching = page.stream().takeWhile(t -> key.apply(t).startsWith(prefix)).toList();
        boolean more = matching.size() > PAGE;
        List<T> shown = more ? matching.subList(0, PAGE) : matching;
        return new RegistryPage(columns, shown.stream().map(row).toList(), more ? cursorOf.apply(shown.get(PAGE - 1)) : null, total);
    }

    private static String after(String prefix, String cursor) {
        return cursor != null ? Cursors.decode(cursor, 1).get(0) : before(prefix);
    }

    /**
     * A key just below every key that starts with {@code prefix} (the ports page strictly after a key): the prefix
     * with its last character one lower and the highest character after it. Null for no prefix: from the start.
     */
    static String before(String prefix) {
        if (prefix.isEmpty()) {
            return null;
        }
        char last = prefix.charAt(prefix.length() - 1);
        return prefix.substring(0, prefix.length() - 1) + (char) (last - 1) + '\uFFFF';
    }

    /**
     * The search in the key's normal form: full-width forms folded, spaces gone, letters upper case, and in a plate
     * (it starts with a province's character) the display dot after the authority letter, as the registry stores it.
     */
    static String keyPrefix(String q) {
        String t = java.text.Normalizer.normalize(q == null ? "" : q, java.text.Normalizer.Form.NFKC).replaceAll("\\s+", "");
        boolean plate = !t.isEmpty() && Character.UnicodeScript.of(t.codePointAt(0)) == Character.UnicodeScript.HAN;
        if (!plate) {
            return t;
        }
        String compact = t.replaceAll("[·.•\\-]", "").toUpperCase(java.util.Locale.ROOT);
        return compact.length() > 2 ? compact.substring(0, 2) + "·" + compact.substring(2) : compact;
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }
}
