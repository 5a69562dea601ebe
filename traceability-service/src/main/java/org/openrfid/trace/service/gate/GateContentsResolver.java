package org.openrfid.trace.service.gate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.TagBinding;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.goods.Aggregation;
import org.openrfid.trace.service.registry.goods.Aggregations;
import org.openrfid.trace.service.registry.goods.GoodsItem;
import org.openrfid.trace.service.registry.goods.GoodsItems;
import org.openrfid.trace.service.registry.goods.UnitKind;
import org.openrfid.trace.service.registry.vehicle.Vehicle;
import org.openrfid.trace.service.registry.vehicle.Vehicles;

/**
 * Turns a group of passages into {@link GateContents}: the bound objects as items (a vehicle by its
 * plate), the cases of every pallet read that were not read themselves (a case deep in a pallet is often
 * missed), and the container a pallet read was in, all as the registry had them at the first read.
 */
public class GateContentsResolver {

    private final Vehicles vehicles;
    private final GoodsItems goods;
    private final Aggregations aggregations;
    private final TagBindings bindings;

    public GateContentsResolver(Vehicles vehicles, GoodsItems goods, Aggregations aggregations, TagBindings bindings) {
        this.vehicles = vehicles;
        this.goods = goods;
        this.aggregations = aggregations;
        this.bindings = bindings;
    }

    public GateContents resolve(List<EnrichedPassage> group) {
        List<EnrichedPassage> ordered = group.stream()
                .sorted(Comparator.comparing((EnrichedPassage p) -> p.passage().firstSeen()).thenComparing(p -> p.passage().id())).toList();
        EnrichedPassage first = ordered.get(0);
        Instant start = first.passage().firstSeen();
        Instant end = ordered.stream().map(p -> p.passage().lastSeen()).max(Comparator.naturalOrder()).orElseThrow();
        String direction = ordered.stream().map(p -> p.passage().direction()).filter(d -> d != Direction.NONE)
                .map(Enum::name).findFirst().orElse(Direction.NONE.name());
        GateItem vehicle = null;
        Map<String, GateItem> items = new LinkedHashMap<>();
        List<UUID> goodsIds = new ArrayList<>();
        for (EnrichedPassage p : ordered) {
            String epc = p.passage().epc().toHex();
            ObjectKind kind = p.object() == null ? null : p.object().kind();
            if (kind == ObjectKind.VEHICLE) {
                vehicle = vehicle == null ? vehicleItem(p.object().id(), epc) : vehicle;
                continue;
            }
            GateItem item = kind == null ? GateItem.unit(GateItem.TAG, epc, epc) : GateItem.unit(kind.name(), p.object().id(), epc);
            items.putIfAbsent(item.key(), item);
            if (kind == ObjectKind.GOODS) {
                goodsIds.add(UUID.fromString(p.object().id()));
            }
        }
        String container = null;
        List<GateItem> placed = new ArrayList<>();
        for (GateItem pallet : items.values().stream().filter(i -> i.kind().equals(GateItem.PALLET)).toList()) {
            for (Aggregation a : aggregations.childrenAt(UnitKind.PALLET, pallet.id(), start)) {
                if (a.childKind() != UnitKind.GOODS) {
                    continue;
                }
                GateItem read = items.get(GateItem.GOODS + ":" + a.childId());
                if (read != null) {
                    items.put(read.key(), new GateItem(read.kind(), read.id(), read.epc(), read.gtin(), 1, pallet.id()));
                } else {
                    placed.add(new GateItem(GateItem.GOODS, a.childId(), null, null, 1, pallet.id()));
                    goodsIds.add(UUID.fromString(a.childId()));
                }
            }
            if (container == null) {
                container = aggregations.parentsOf(UnitKind.PALLET, pallet.id()).stream()
                        .filter(a -> a.parentKind() == UnitKind.CONTAINER && a.covers(start)).map(Aggregation::parentId)
                        .findFirst().orElse(null);
            }
        }
        Map<UUID, GoodsItem> known = goodsIds.isEmpty() ? Map.of() : goods.findAll(goodsIds);
        // A placed case keeps its EPC, so a declaration that names it by EPC finds it.
        Map<String, TagBinding> tags = placed.isEmpty() ? Map.of()
                : bindings.openOf(ObjectKind.GOODS, placed.stream().map(GateItem::id).toList());
        placed.replaceAll(i -> tags.containsKey(i.id()) ? new GateItem(i.kind(), i.id(), tags.get(i.id()).epcHex(), null, 1, i.via()) : i);
        List<GateItem> all = new ArrayList<>();
        for (GateItem i : items.values()) {
            all.add(withGtin(i, known));
        }
        Set<String> seen = items.keySet();
        for (GateItem i : placed) {
            if (!seen.contains(i.key())) {
                all.add(withGtin(i, known));
            }
        }
        Map<String, GateItem> unique = new LinkedHashMap<>();
        all.forEach(i -> unique.putIfAbsent(i.key(), i));
        return new GateContents(first.passage().locationId(), first.location() == null ? null : first.location().name(),
                first.location() == null ? "unknown" : first.location().kind(), direction, start, end, vehicle, container,
                List.copyOf(unique.values()), ordered.stream().map(p -> p.passage().id()).collect(Collectors.toList()));
    }

    private GateItem vehicleItem(String vehicleId, String epc) {
        String plate = null;
        try {
            plate = vehicles.find(UUID.fromString(vehicleId)).map(Vehicle::plate).orElse(null);
        } catch (IllegalArgumentException e) {
            // not a registry id: keep the EPC
        }
        return GateItem.unit(GateItem.VEHICLE, plate != null ? plate : epc, epc);
    }

    private static GateItem withGtin(GateItem i, Map<UUID, GoodsItem> known) {
        if (!i.kind().equals(GateItem.GOODS)) {
            return i;
        }
        GoodsItem g = known.get(UUID.fromString(i.id()));
        return g == null ? i : new GateItem(i.kind(), i.id(), i.epc(), g.gtin(), 1, i.via());
    }
}
