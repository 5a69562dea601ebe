package org.openrfid.trace.web.objects;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.openrfid.trace.identity.EpcDecoder;
import org.openrfid.trace.identity.EpcInput;
import org.openrfid.trace.identity.TagIdentity;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.goods.Aggregation;
import org.openrfid.trace.service.registry.goods.Aggregations;
import org.openrfid.trace.service.registry.goods.GoodsItems;
import org.openrfid.trace.service.registry.goods.Pallets;
import org.openrfid.trace.service.registry.goods.UnitKind;
import org.openrfid.trace.service.registry.library.LibraryItems;
import org.openrfid.trace.service.registry.vehicle.Vehicles;
import org.springframework.stereotype.Component;

/** The registry's facts about an object as labelled fields, and the title a person knows it by. */
@Component
class ObjectFacts {

    /** The heading (plate, product, SSCC, title) and the fields under it. */
    record Facts(String title, List<Field> fields) {
    }

    private final Vehicles vehicles;
    private final GoodsItems goods;
    private final Pallets pallets;
    private final LibraryItems library;
    private final Aggregations aggregations;
    private final Clock clock;

    ObjectFacts(Vehicles vehicles, GoodsItems goods, Pallets pallets, LibraryItems library, Aggregations aggregations, Clock clock) {
        this.vehicles = vehicles;
        this.goods = goods;
        this.pallets = pallets;
        this.library = library;
        this.aggregations = aggregations;
        this.clock = clock;
    }

    Facts of(TracedKind kind, String id) {
        return switch (kind) {
            case VEHICLE -> vehicles.find(UUID.fromString(id)).map(v -> new Facts(v.plate(), List.of(
                    Field.of("objects.field.plate", v.plate()),
                    Field.coded("objects.field.vehicleType", v.vehicleType(), "vehicleType."),
                    Field.of("objects.field.plateType", v.plateType()),
                    Field.coded("objects.field.plateColour", v.plateColour(), "objects.colour."),
                    Field.of("objects.field.vin", v.vin()),
                    Field.coded("objects.field.status", v.status(), "objects.vehicleStatus."),
                    Field.of("objects.field.tid", v.registeredTid())))).orElseThrow();
            case GOODS -> goods.find(UUID.fromString(id)).map(g -> {
                Aggregation in = aggregations.openOf(UnitKind.GOODS, List.of(id)).get(id);
                return new Facts(g.product() == null ? g.gtin() : g.product(), List.of(
                        Field.of("objects.field.product", g.product()),
                        Field.of("objects.field.gtin", g.gtin()),
                        Field.of("objects.field.serial", g.serial()),
                        Field.of("objects.field.lot", g.lot()),
                        Field.of("objects.field.expiry", g.expiry()),
                        Field.of("objects.field.consignment", g.consignment()),
                        Field.link("objects.field.palletNow", in == null ? null : in.parentId(),
                                in == null ? null : TracedKind.PALLET.href(in.parentId()))));
            }).orElseThrow();
            case PALLET -> pallets.find(id).map(p -> {
                Aggregation in = aggregations.openOf(UnitKind.PALLET, List.of(id)).get(id);
                return new Facts("SSCC " + p.sscc(), List.of(
                        Field.of("objects.field.sscc", p.sscc()),
                        Field.of("objects.field.consignment", p.consignment()),
                        Field.link("objects.field.containerNow", in == null ? null : in.parentId(),
                                in == null ? null : TracedKind.CONTAINER.href(in.parentId()))));
            }).orElseThrow();
            case CONTAINER -> new Facts(id, List.of(Field.of("objects.field.containerNumber", id),
                    Field.of("objects.field.palletsNow", aggregations.childrenAt(UnitKind.CONTAINER, id, clock.instant()).size())));
            case LIBRARY_ITEM -> library.find(id).map(i -> new Facts(i.title(), List.of(
                    Field.of("objects.field.itemId", i.itemId()),
                    Field.of("objects.field.title", i.title()),
                    Field.of("objects.field.callNumber", i.callNumber()),
                    Field.of("objects.field.homeLibrary", i.homeLibrary()),
                    Field.coded("objects.field.loanStatus", i.loanStatus(), "objects.loan."),
                    Field.of("objects.field.dueDate", i.dueDate())))).orElseThrow();
            case TAG -> tag(id, null);
        };
    }

    /** A tag's identity in every written form; {@code gcp} for a Digital Link. */
    Facts tag(String epc, Integer gcp) {
        var raw = gcp == null ? EpcInput.parse(epc) : EpcInput.parse(epc, gcp);
        TagIdentity identity = EpcDecoder.decode(raw);
        List<Field> fields = new ArrayList<>();
        fields.add(Field.of("objects.field.scheme", identity.scheme()));
        fields.add(Field.of("objects.field.hex", raw.toHex()));
        add(fields, "objects.field.tagUri", identity.tagUri());
        add(fields, "objects.field.pureIdentity", identity.pureIdentityUri());
        add(fields, "objects.field.gs1", identity.gs1ElementString());
        add(fields, "objects.field.digitalLink", identity.digitalLink());
        identity.fields().forEach((k, v) -> fields.add(new Field("objects.field.epc", k + ": " + v, null, null)));
        return new Facts(identity.pureIdentityUri() != null ? identity.pureIdentityUri() : raw.toHex(), fields);
    }

    private static void add(List<Field> fields, String key, String value) {
        if (value != null) {
            fields.add(Field.of(key, value));
        }
    }

    static ObjectKind objectKind(TracedKind kind) {
        return switch (kind) {
            case CONTAINER, TAG -> null;
            default -> ObjectKind.valueOf(kind.name());
        };
    }

    static NoSuchElementException unknown(TracedKind kind, String id) {
        return new NoSuchElementException("no " + kind + " " + id);
    }
}
