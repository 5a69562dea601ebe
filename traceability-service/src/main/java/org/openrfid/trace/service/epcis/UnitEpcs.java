package org.openrfid.trace.service.epcis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openrfid.trace.identity.EpcDecoder;
import org.openrfid.trace.identity.EpcInput;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.goods.GoodsItem;
import org.openrfid.trace.service.registry.goods.GoodsItems;
import org.openrfid.trace.service.registry.goods.UnitKind;
import org.openrfid.trace.service.registry.goods.UnitRef;

/**
 * The EPC URIs of registry units, looked up a page at a time through the goods and binding ports:
 * containers as BIC EPCs, cases and pallets as EPC pure identities when the company prefix split is
 * known (from a tag bound to the unit, or a configured GCP length table), else as canonical GS1 Digital Links.
 */
final class UnitEpcs {

    private final GoodsItems goods;
    private final TagBindings bindings;

    UnitEpcs(GoodsItems goods, TagBindings bindings) {
        this.goods = goods;
        this.bindings = bindings;
    }

    Map<UnitRef, String> of(List<UnitRef> units) {
        Map<UnitRef, String> out = new HashMap<>();
        Map<String, String> keys = new HashMap<>();
        List<UUID> goodsIds = new ArrayList<>();
        for (UnitRef u : units) {
            if (u.kind() == UnitKind.GOODS) {
                try {
                    goodsIds.add(UUID.fromString(u.id()));
                } catch (IllegalArgumentException e) {
                    // not a goods item id: no EPC
                }
            }
        }
        for (GoodsItem item : goods.findAll(goodsIds).values()) {
            keys.put("GOODS/" + item.id(), "(01)" + item.gtin() + "(21)" + item.serial());
        }
        for (UnitRef u : units) {
            if (u.kind() == UnitKind.PALLET) {
                keys.put("PALLET/" + u.id(), "(00)" + u.id());
            }
        }
        Map<String, String> tagged = taggedPureIdentities(units);
        for (UnitRef u : units) {
            if (u.kind() == UnitKind.CONTAINER) {
                out.put(u, AggregationEvents.BIC + u.id());
                continue;
            }
            String key = keys.get(u.kind() + "/" + u.id());
            if (key == null) {
                continue;
            }
            String dl = digitalLink(key);
            String pure = tagged.get(u.kind() + "/" + u.id());
            if (pure != null && dl != null && dl.equals(DigitalLinks.toDigitalLink(pure))) {
                out.put(u, pure);
            } else {
                String configured = pureIdentity(key);
                out.put(u, configured != null ? configured : dl);
            }
        }
        return out;
    }

    /** The pure identity of the last decodable tag bound to each unit (whose company prefix split is then known). */
    private Map<String, String> taggedPureIdentities(List<UnitRef> units) {
        Map<String, String> out = new HashMap<>();
        for (UnitKind kind : List.of(UnitKind.GOODS, UnitKind.PALLET)) {
            List<String> ids = units.stream().filter(u -> u.kind() == kind).map(UnitRef::id).distinct().toList();
            if (ids.isEmpty()) {
                continue;
            }
            bindings.tagsOf(kind.objectKind(), ids).forEach((objectId, epcs) -> {
                for (RawEpc epc : epcs) {
                    try {
                        String pure = EpcDecoder.decode(epc).pureIdentityUri();
                        if (pure != null) {
                            out.put(kind + "/" + objectId, pure);
                        }
                    } catch (RuntimeException e) {
                        // a tag that does not decode says nothing about the key
                    }
                }
            });
        }
        return out;
    }

    private static String pureIdentity(String elementString) {
        try {
            return EpcInput.pureIdentity(elementString);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The canonical Digital Link of an element string; the key needs no company prefix split. */
    private static String digitalLink(String elementString) {
        for (int gcp = 6; gcp <= 12; gcp++) {
            try {
                String dl = DigitalLinks.toDigitalLink(EpcInput.pureIdentity(elementString, gcp));
                if (dl != null) {
                    return dl;
                }
            } catch (RuntimeException e) {
                // try the next split: the Digital Link is the same whichever split encodes
            }
        }
        return null;
    }
}
