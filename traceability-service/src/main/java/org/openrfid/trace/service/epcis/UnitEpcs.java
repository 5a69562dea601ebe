package org.openrfid.trace.service.epcis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openrfid.trace.service.epcis.AggregationEvents.Unit;
import org.openrfid.trace.identity.EpcDecoder;
import org.openrfid.trace.identity.EpcInput;
import org.openrfid.trace.service.registry.goods.UnitKind;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The EPC URIs of registry units, looked up a page at a time: containers as BIC EPCs, cases and pallets
 * as EPC pure identities when the company prefix split is known (from a tag bound to the unit, or a
 * configured GCP length table), else as canonical GS1 Digital Links.
 */
final class UnitEpcs {


    private final JdbcTemplate jdbc;

    UnitEpcs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<Unit, String> of(List<Unit> units) {
        Map<Unit, String> out = new HashMap<>();
        Map<String, String> keys = new HashMap<>();
        List<String> goodsIds = units.stream().filter(u -> u.kind() == UnitKind.GOODS).map(Unit::id).distinct().toList();
        for (List<String> chunk : AggregationEvents.chunks(goodsIds, 500)) {
            List<UUID> ids = new ArrayList<>();
            for (String id : chunk) {
                try {
                    ids.add(UUID.fromString(id));
                } catch (IllegalArgumentException e) {
                    // not a goods item id: no EPC
                }
            }
            if (!ids.isEmpty()) {
                jdbc.query("SELECT id, gtin, serial FROM goods_item WHERE id IN (" + EpcisEventStore.marks(ids.size()) + ")",
                        rs -> {
                            keys.put("GOODS/" + rs.getObject(1).toString(), "(01)" + rs.getString(2) + "(21)" + rs.getString(3));
                        }, ids.toArray());
            }
        }
        for (Unit u : units) {
            if (u.kind() == UnitKind.PALLET) {
                keys.put("PALLET/" + u.id(), "(00)" + u.id());
            }
        }
        Map<String, String> tagged = taggedPureIdentities(units);
        for (Unit u : units) {
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

    /** The pure identity of the last tag bound to each unit (whose company prefix split is then known). */
    private Map<String, String> taggedPureIdentities(List<Unit> units) {
        Map<String, String> out = new HashMap<>();
        for (UnitKind kind : List.of(UnitKind.GOODS, UnitKind.PALLET)) {
            List<String> ids = units.stream().filter(u -> u.kind() == kind).map(Unit::id).distinct().toList();
            for (List<String> chunk : AggregationEvents.chunks(ids, 500)) {
                List<Object> args = new ArrayList<>();
                args.add(kind.objectKind().name());
                args.addAll(chunk);
                jdbc.query("SELECT b.object_id, t.epc_hex, t.epc_bits FROM tag_binding b JOIN tag t ON t.epc_hex = b.epc_hex"
                        + " WHERE b.object_kind = ? AND b.object_id IN (" + EpcisEventStore.marks(chunk.size()) + ")"
                        + " ORDER BY b.valid_from, b.id", rs -> {
                            try {
                                String pure = EpcDecoder.decode(EpcInput.parseHex(rs.getString(2), rs.getInt(3))).pureIdentityUri();
                                if (pure != null) {
                                    out.put(kind + "/" + rs.getString(1), pure);
                                }
                            } catch (RuntimeException e) {
                                // a tag that does not decode says nothing about the key
                            }
                        }, args.toArray());
            }
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
