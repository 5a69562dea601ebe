package org.openrfid.trace.web.objects;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.openrfid.trace.identity.EpcInput;
import org.openrfid.trace.identity.FilterVariants;
import org.openrfid.trace.service.passage.LocatedPassage;
import org.openrfid.trace.service.passage.PassageCursor;
import org.openrfid.trace.service.passage.PassageQueries;
import org.openrfid.trace.service.passage.TagWindow;
import org.openrfid.trace.service.passage.TimeOrder;
import org.openrfid.trace.service.privacy.Lookups;
import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.TagBinding;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.goods.AggregationChange;
import org.openrfid.trace.service.registry.goods.AggregationChanges;
import org.openrfid.trace.service.registry.goods.GoodsFields;
import org.openrfid.trace.service.registry.goods.GoodsHistory;
import org.openrfid.trace.service.registry.goods.GoodsItems;
import org.openrfid.trace.service.registry.goods.Pallets;
import org.openrfid.trace.service.registry.goods.UnitKind;
import org.openrfid.trace.service.registry.goods.UnitRef;
import org.openrfid.trace.service.registry.library.LibraryItems;
import org.openrfid.trace.service.registry.vehicle.Vehicles;
import org.springframework.stereotype.Component;

/**
 * Where an object has been, under the same rules as the REST API: a vehicle needs a purpose and its
 * kind in the caller's scope ({@code /api/v1/vehicles/{id}/history}), goods and pallets are placed
 * through their own tags and the units they were aggregated into ({@code GoodsHistory}), a container
 * through its pallets, a tag through every filter variant of its EPC. Every answer is audited.
 */
@Component
public class ObjectPassages {

    private final PassageQueries passages;
    private final Lookups lookups;
    private final TagBindings bindings;
    private final Vehicles vehicles;
    private final GoodsItems goods;
    private final Pallets pallets;
    private final LibraryItems library;
    private final GoodsHistory goodsHistory;
    private final AggregationChanges changes;

    ObjectPassages(PassageQueries passages, Lookups lookups, TagBindings bindings, Vehicles vehicles, GoodsItems goods, Pallets pallets,
                   LibraryItems library, GoodsHistory goodsHistory, AggregationChanges changes) {
        this.passages = passages;
        this.lookups = lookups;
        this.bindings = bindings;
        this.vehicles = vehicles;
        this.goods = goods;
        this.pallets = pallets;
        this.library = library;
        this.goodsHistory = goodsHistory;
        this.changes = changes;
    }

    /**
     * An object the caller may look at: its normal id, how the audit names it, the stated purpose, the scope its
     * passages are read with, and its tag windows within a range.
     */
    public record Opened(TracedKind kind, String id, String action, String subject, String purpose, Scope scope,
                         BiFunction<Instant, Instant, List<TagWindow>> windows) {
    }

    /**
     * Opens the object for this caller, or throws: {@code NoSuchElementException} (404) for an unknown one,
     * {@code AccessRefusedException} (403, audited) outside their scope, {@code IllegalArgumentException} for a
     * malformed id or a vehicle without purpose.
     */
    public Opened open(TracedKind kind, String rawId, String purpose) {
        String id = rawId == null ? "" : rawId.trim();
        return switch (kind) {
            case VEHICLE -> vehicle(id, purpose);
            case GOODS -> {
                UUID uuid = uuid(id);
                goods.find(uuid).orElseThrow(() -> new NoSuchElementException("no goods item " + id));
                yield unit(kind, UnitKind.GOODS, uuid.toString(), purpose);
            }
            case PALLET -> {
                String sscc = GoodsFields.sscc(id);
                pallets.find(sscc).orElseThrow(() -> new NoSuchElementException("no pallet " + sscc));
                yield unit(kind, UnitKind.PALLET, sscc, purpose);
            }
            case CONTAINER -> {
                String number = GoodsFields.containerNumber(id);
                if (!containerKnown(number)) {
                    throw new NoSuchElementException("no pallet was ever in container " + number);
                }
                yield unit(kind, UnitKind.CONTAINER, number, purpose);
            }
            case LIBRARY_ITEM -> {
                library.find(id).orElseThrow(() -> new NoSuchElementException("no library item " + id));
                String why = Lookups.purposeOf(purpose, null);
                Scope scope = lookups.checkObject("LIBRARY_ITEM_HISTORY", ObjectKind.LIBRARY_ITEM.name(), id, why)
                        .forLookupOf(ObjectKind.LIBRARY_ITEM.name());
                yield new Opened(kind, id, "LIBRARY_ITEM_HISTORY", "LIBRARY_ITEM:" + id, why, scope,
                        (from, to) -> boundWindows(ObjectKind.LIBRARY_ITEM, id, from, to));
            }
            case TAG -> openTag(id, null, purpose);
        };
    }

    /**
     * A tag by any written form: hex and tag URIs name one tag; a pure identity or Digital Link ({@code gcp}: its company
     * prefix length) names the object, so every filter value of it is searched, as {@code /api/v1/tags/history} does.
     */
    public Opened openTag(String input, Integer gcp, String purpose) {
        String text = input == null ? "" : input.trim();
        var raw = gcp == null ? EpcInput.parse(text) : EpcInput.parse(text, gcp);
        List<String> variants = FilterVariants.ofInput(text, raw).stream().map(v -> v.toHex()).toList();
        Scope scope = lookups.scope("TAG_HISTORY", "tag " + text);
        return new Opened(TracedKind.TAG, raw.toHex(), "TAG_HISTORY", "tag " + text, Lookups.purposeOf(purpose, null), scope,
                (from, to) -> variants.stream().map(hex -> new TagWindow(hex, null, null).narrowedTo(from, to))
                        .filter(Objects::nonNull).toList());
    }

    /** Whether any pallet was ever aggregated into this container (the registry has no container table). */
    public boolean containerKnown(String number) {
        var filter = new AggregationChange.Filter(null, null, Set.of(AggregationChange.Action.ADD), List.of(),
                List.of(new UnitRef(UnitKind.CONTAINER, number)), List.of());
        return !changes.changes(filter, null, 1).isEmpty();
    }

    /** Up to {@code limit} passages of the opened object in [from, to) after the cursor; audited with the count. */
    public List<LocatedPassage> passages(Opened o, Instant from, Instant to, PassageCursor after, TimeOrder order, int limit) {
        List<LocatedPassage> found = passages.ofTags(o.windows().apply(from, to), o.scope(), after, order, limit);
        lookups.record(o.action(), o.subject() + (from == null ? "" : " " + from + "/" + to), o.purpose(), found.size());
        return found;
    }

    private Opened vehicle(String id, String purpose) {
        UUID uuid = uuid(id);
        String why = lookups.requirePurpose("VEHICLE_HISTORY", "vehicle " + uuid, purpose, null);
        var v = vehicles.find(uuid).orElseThrow(() -> new NoSuchElementException("no vehicle " + uuid));
        Scope scope = lookups.checkObject("VEHICLE_HISTORY", ObjectKind.VEHICLE.name(), uuid.toString(), why)
                .forLookupOf(ObjectKind.VEHICLE.name());
        return new Opened(TracedKind.VEHICLE, uuid.toString(), "VEHICLE_HISTORY", v.plate() + " (vehicle " + v.id() + ")", why, scope,
                (from, to) -> boundWindows(ObjectKind.VEHICLE, uuid.toString(), from, to));
    }

    /**
     * Goods, pallets and containers: the goods API's role check is the scope's (customs and logistics see both
     * goods and pallets), and a case is placed by its pallet's reads, so both kinds count for its passages.
     */
    private Opened unit(TracedKind kind, UnitKind unit, String id, String purpose) {
        String why = Lookups.purposeOf(purpose, null);
        String action = kind.name() + "_HISTORY";
        Scope caller = lookups.checkObject(action, kind.scopeKind(), id, why);
        Scope scope = caller.unlimited() ? caller : new Scope(caller.username(), false,
                Set.of(ObjectKind.GOODS.name(), ObjectKind.PALLET.name(), Scope.UNBOUND), Map.of(), caller.at());
        return new Opened(kind, id, action, kind.name() + ":" + id, why, scope,
                (from, to) -> goodsHistory.windows(unit, id, from, to).stream().map(GoodsHistory.CarrierWindow::window).toList());
    }

    private List<TagWindow> boundWindows(ObjectKind kind, String id, Instant from, Instant to) {
        List<TagWindow> windows = new ArrayList<>();
        for (TagBinding b : bindings.ofObject(kind, id)) {
            TagWindow w = new TagWindow(b.epcHex(), b.validFrom(), b.validTo()).narrowedTo(from, to);
            if (w != null) {
                windows.add(w);
            }
        }
        return windows;
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NoSuchElementException("'" + (id.length() > 40 ? id.substring(0, 40) : id) + "' is not an object id");
        }
    }
}
