package org.openrfid.trace.web.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.openrfid.trace.identity.EpcInput;
import org.openrfid.trace.service.privacy.Lookups;
import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.TagBinding;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.goods.AggregationChange;
import org.openrfid.trace.service.registry.goods.AggregationChanges;
import org.openrfid.trace.service.registry.goods.Aggregations;
import org.openrfid.trace.service.registry.goods.GoodsFields;
import org.openrfid.trace.service.registry.goods.GoodsItem;
import org.openrfid.trace.service.registry.goods.GoodsItems;
import org.openrfid.trace.service.registry.goods.Pallets;
import org.openrfid.trace.service.registry.goods.UnitKind;
import org.openrfid.trace.service.registry.goods.UnitRef;
import org.openrfid.trace.service.registry.library.LibraryItems;
import org.openrfid.trace.service.registry.vehicle.Vehicle;
import org.openrfid.trace.service.registry.vehicle.Vehicles;
import org.openrfid.trace.web.console.DisplayNames;
import org.openrfid.trace.web.console.ObjectLabel;
import org.springframework.stereotype.Component;

/**
 * One search box for everything an officer or clerk may type: a plate in any spelling (NFKC folds
 * full-width letters and digits), a VIN, an EPC in any written form, a library barcode, a goods id,
 * an SSCC, a consignment or container number. Only the kinds the caller's roles see are searched, and
 * restricted objects without a grant are left out, as in the registry listings.
 *
 * <p>There is no container registry: a container is known when pallets were aggregated into it; a
 * consignment is found through its goods (and the pallets and containers they are in now).
 */
@Component
public class ObjectSearch {

    static final int CONSIGNMENT_ITEMS = 50;

    private final Vehicles vehicles;
    private final GoodsItems goods;
    private final Pallets pallets;
    private final LibraryItems library;
    private final TagBindings bindings;
    private final Aggregations aggregations;
    private final AggregationChanges changes;
    private final DisplayNames names;
    private final Lookups lookups;

    ObjectSearch(Vehicles vehicles, GoodsItems goods, Pallets pallets, LibraryItems library, TagBindings bindings, Aggregations aggregations,
                 AggregationChanges changes, DisplayNames names, Lookups lookups) {
        this.vehicles = vehicles;
        this.goods = goods;
        this.pallets = pallets;
        this.library = library;
        this.bindings = bindings;
        this.aggregations = aggregations;
        this.changes = changes;
        this.names = names;
        this.lookups = lookups;
    }

    /**
     * Full-width forms folded, spaces gone, and in a plate (it starts with the province's character) the dots
     * people type made the registry's middle dot; EPC URIs keep their dots.
     */
    public static String normalise(String q) {
        String t = Normalizer.normalize(q == null ? "" : q, Normalizer.Form.NFKC).strip().replaceAll("\\s+", "");
        boolean plate = !t.isEmpty() && Character.UnicodeScript.of(t.codePointAt(0)) == Character.UnicodeScript.HAN;
        return plate ? t.replaceAll("[.・•∙⋅]", "·") : t;
    }

    List<SearchHit> search(String query, String purpose) {
        String q = normalise(query);
        Scope scope = lookups.scope("SEARCH", "search " + q);
        Map<String, SearchHit> hits = new LinkedHashMap<>();
        if (scope.sees(ObjectKind.VEHICLE.name())) {
            attempt(() -> vehicles.findByPlate(q)).flatMap(o -> o).ifPresent(v -> vehicle(v, scope, hits));
            if (q.matches("(?i)[A-HJ-NPR-Z0-9]{17}")) {
                Vehicle v = vehicles.findByVins(List.of(q.toUpperCase(Locale.ROOT))).get(q.toUpperCase(Locale.ROOT));
                if (v != null) {
                    vehicle(v, scope, hits);
                }
            }
        }
        epc(q, scope, hits);
        if (scope.sees(ObjectKind.LIBRARY_ITEM.name())) {
            attempt(() -> library.find(q)).flatMap(o -> o).ifPresent(i -> add(hits, scope, ObjectKind.LIBRARY_ITEM, i.itemId()));
        }
        if (scope.sees(ObjectKind.GOODS.name())) {
            goodsAndPallets(q, scope, hits);
        }
        lookups.record("SEARCH", "search " + q, Lookups.purposeOf(purpose, null), hits.size());
        return List.copyOf(hits.values());
    }

    private void vehicle(Vehicle v, Scope scope, Map<String, SearchHit> hits) {
        add(hits, scope, ObjectKind.VEHICLE, v.id().toString());
    }

    /** An EPC finds the object its tag is bound to now (or was last), else the tag itself. */
    private void epc(String q, Scope scope, Map<String, SearchHit> hits) {
        boolean looksLikeEpc = q.matches("(?i)[0-9A-F]{24,}") || q.regionMatches(true, 0, "urn:epc:", 0, 8) || q.regionMatches(true, 0, "http", 0, 4);
        if (!looksLikeEpc) {
            return;
        }
        Optional<String> hex = attempt(() -> EpcInput.parse(q).toHex());
        if (hex.isEmpty()) {
            return;
        }
        List<TagBinding> history = bindings.ofTag(hex.get());
        if (!history.isEmpty()) {
            TagBinding latest = history.get(history.size() - 1);
            if (scope.sees(latest.kind().name())) {
                add(hits, scope, latest.kind(), latest.objectId());
                return;
            }
        }
        hits.put("tag:" + hex.get(), new SearchHit("kind.TAG", hex.get(), "", null, "/tags/" + hex.get(), false));
    }

    private void goodsAndPallets(String q, Scope scope, Map<String, SearchHit> hits) {
        attempt(() -> UUID.fromString(q)).flatMap(goods::find).ifPresent(g -> add(hits, scope, ObjectKind.GOODS, g.id().toString()));
        attempt(() -> GoodsFields.sscc(q)).flatMap(pallets::find).ifPresent(p -> add(hits, scope, ObjectKind.PALLET, p.sscc()));
        attempt(() -> GoodsFields.containerNumber(q)).filter(this::containerKnown).ifPresent(c -> container(hits, c));
        List<GoodsItem> consignment = attempt(() -> goods.ofConsignment(q, CONSIGNMENT_ITEMS)).orElse(List.of());
        if (consignment.isEmpty()) {
            return;
        }
        var ids = consignment.stream().map(g -> g.id().toString()).toList();
        var palletsNow = aggregations.openOf(UnitKind.GOODS, ids).values().stream().map(a -> a.parentId()).distinct().toList();
        var containersNow = aggregations.openOf(UnitKind.PALLET, palletsNow).values().stream().map(a -> a.parentId()).distinct().toList();
        containersNow.forEach(c -> container(hits, c));
        palletsNow.forEach(p -> add(hits, scope, ObjectKind.PALLET, p));
        ids.forEach(id -> add(hits, scope, ObjectKind.GOODS, id));
    }

    private boolean containerKnown(String number) {
        var filter = new AggregationChange.Filter(null, null, java.util.Set.of(AggregationChange.Action.ADD), List.of(),
                List.of(new UnitRef(UnitKind.CONTAINER, number)), List.of());
        return !changes.changes(filter, null, 1).isEmpty();
    }

    private static void container(Map<String, SearchHit> hits, String number) {
        hits.put("container:" + number, new SearchHit("kind.CONTAINER", number, "", null, "/containers/" + number, false));
    }

    private void add(Map<String, SearchHit> hits, Scope scope, ObjectKind kind, String id) {
        if (lookups.hides(scope, kind.name(), id)) {
            return;
        }
        Optional<ObjectLabel> label = names.of(new BoundObject(kind, id));
        label.ifPresent(l -> hits.put(kind + ":" + id, new SearchHit(l.kindKey(), l.title(), l.typeKey() == null ? l.detail() : "", l.typeKey(),
                l.href(), kind == ObjectKind.VEHICLE)));
    }

    /** The parsers and finders say "not this kind of input" by throwing: that is a miss, not an error. */
    private static <T> Optional<T> attempt(Supplier<T> s) {
        try {
            return Optional.ofNullable(s.get());
        } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
            return Optional.empty();
        }
    }
}
