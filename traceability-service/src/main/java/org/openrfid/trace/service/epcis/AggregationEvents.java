package org.openrfid.trace.service.epcis;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.goods.AggregationChange;
import org.openrfid.trace.service.registry.goods.AggregationChange.Action;
import org.openrfid.trace.service.registry.goods.AggregationChanges;
import org.openrfid.trace.service.registry.goods.GoodsItem;
import org.openrfid.trace.service.registry.goods.GoodsItems;
import org.openrfid.trace.service.registry.goods.UnitKind;
import org.openrfid.trace.service.registry.goods.UnitRef;
import org.springframework.stereotype.Component;

/**
 * The registry's aggregation intervals (read through the goods feature's {@link AggregationChanges}) as EPCIS AggregationEvents: all children put into one parent at
 * one instant are one event with action ADD and bizStep packing; those taken out at one instant (the
 * intervals' end) one event with action DELETE and bizStep unpacking. parentID is the pallet's SSCC or
 * the container's BIC ({@code urn:epc:id:bic:}), childEPCs the cases' SGTINs and the pallets' SSCCs. EPCs
 * are EPC pure-identity URIs as in the passage ObjectEvents when the company prefix length is known
 * (from the unit's tag, or a configured GCP length table), else canonical Digital Links; the event id,
 * the CBV 2.0 hash, is the same either way. The registry records no place, so there is no readPoint.
 */
@Component
public class AggregationEvents {

    static final int BATCH = 500;
    static final String PACKING = "packing";
    static final String UNPACKING = "unpacking";
    static final String BIC = "urn:epc:id:bic:";
    private static final Map<String, String> NS = EventHash.namespaces(null);
    private static final Pattern SGTIN_DL = Pattern.compile(Pattern.quote(DigitalLinks.DL) + "01/(\\d{14})/21/(.+)");
    private static final Pattern SSCC_DL = Pattern.compile(Pattern.quote(DigitalLinks.DL) + "00/(\\d{18})");

    private final AggregationChanges changes;
    private final UnitEpcs unitEpcs;

    public AggregationEvents(AggregationChanges changes, GoodsItems goods, TagBindings bindings) {
        this.changes = changes;
        this.unitEpcs = new UnitEpcs(goods, bindings);
    }

    /** The key of a change within this source: sorts as (parentId, parentKind, action) do in SQL, the separator being below every id character. */
    static String key(AggregationChange c) {
        return c.parentId() + '\u0001' + c.parentKind().name() + '\u0001' + c.action().name();
    }

    static AggregationChange change(EpcisEvents.Cursor c) {
        String[] p = c.key().split("\u0001", -1);
        if (p.length != 3) {
            throw new IllegalArgumentException("nextPageToken: not a token issued by this service");
        }
        try {
            return new AggregationChange(c.time(), p[0], UnitKind.valueOf(p[1]), Action.valueOf(p[2]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("nextPageToken: not a token issued by this service");
        }
    }

    /** Aggregation events matching the query after the cursor, in (time, source, key) order. */
    List<EpcisEvents.Item> find(EpcisQuery q, EpcisEvents.Cursor after, int limit) {
        if (!q.wantsType("AggregationEvent") || !q.readPoints().isEmpty() || !q.bizLocations().isEmpty()) {
            return List.of();
        }
        Set<Action> actions = EnumSet.noneOf(Action.class);
        if (q.bizSteps().isEmpty() || q.bizSteps().contains(Vocabulary.bizStep(PACKING))) {
            actions.add(Action.ADD);
        }
        if (q.bizSteps().isEmpty() || q.bizSteps().contains(Vocabulary.bizStep(UNPACKING))) {
            actions.add(Action.DELETE);
        }
        List<UnitRef> children = units(q.matchEpc());
        List<UnitRef> parents = units(q.matchParentId());
        List<UnitRef> any = units(q.matchAnyEpc());
        if (actions.isEmpty() || (!q.matchEpc().isEmpty() && children.isEmpty()) || (!q.matchParentId().isEmpty() && parents.isEmpty())
                || (!q.matchAnyEpc().isEmpty() && any.isEmpty())) {
            return List.of();
        }
        // this source is the last in the merged order: after another source's event, the same instant is still due
        AggregationChange cursor = after != null && after.source() == EpcisEvents.AGGREGATION ? change(after) : null;
        java.time.Instant from = after != null && after.source() != EpcisEvents.AGGREGATION ? after.time() : null;
        List<EpcisEvents.Item> out = new ArrayList<>();
        while (out.size() < limit) {
            java.time.Instant notBefore = from == null ? q.geEventTime()
                    : q.geEventTime() == null || from.isAfter(q.geEventTime()) ? from : q.geEventTime();
            AggregationChange.Filter filter = new AggregationChange.Filter(notBefore, q.ltEventTime(), actions, children, parents, any);
            List<AggregationChange> page = changes.changes(filter, cursor, BATCH);
            for (Map.Entry<AggregationChange, ObjectNode> e : render(page).entrySet()) {
                if (out.size() < limit) {
                    out.add(new EpcisEvents.Item(e.getKey().time(), EpcisEvents.AGGREGATION, key(e.getKey()), e.getValue(), null));
                }
            }
            if (page.size() < BATCH) {
                break;
            }
            cursor = page.get(page.size() - 1);
            from = null;
        }
        return out;
    }

    /** The events of the changes, in their order; a change whose children have no EPC at all is left out. */
    private Map<AggregationChange, ObjectNode> render(List<AggregationChange> page) {
        if (page.isEmpty()) {
            return Map.of();
        }
        Map<AggregationChange, List<UnitRef>> children = changes.childrenOf(page);
        List<UnitRef> all = new ArrayList<>();
        for (AggregationChange c : page) {
            all.add(new UnitRef(c.parentKind(), c.parentId()));
            all.addAll(children.getOrDefault(c, List.of()));
        }
        Map<UnitRef, String> uris = unitEpcs.of(all);
        Map<AggregationChange, ObjectNode> out = new LinkedHashMap<>();
        for (AggregationChange c : page) {
            List<String> childEpcs = children.getOrDefault(c, List.of()).stream().map(uris::get).filter(u -> u != null).toList();
            String parent = uris.get(new UnitRef(c.parentKind(), c.parentId()));
            if (childEpcs.isEmpty() || parent == null) {
                continue;
            }
            out.put(c, event(c, parent, childEpcs));
        }
        return out;
    }

    static ObjectNode event(AggregationChange c, String parentId, List<String> childEpcs) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode e = f.objectNode();
        e.put("type", "AggregationEvent");
        e.put("eventTime", EventHash.utcMillis(c.time().toString()));
        e.put("eventTimeZoneOffset", "+00:00");
        e.put("parentID", parentId);
        childEpcs.forEach(e.putArray("childEPCs")::add);
        e.put("action", c.action().name());
        e.put("bizStep", c.action() == Action.ADD ? PACKING : UNPACKING);
        e.put("eventID", EventHash.hash(e, NS));
        return e;
    }

    /** The registry units an EPC parameter (already normalised by {@link Vocabulary#epc}) names. */
    static List<UnitRef> units(List<String> epcs) {
        List<UnitRef> out = new ArrayList<>();
        for (String epc : epcs) {
            unit(epc).filter(u -> !out.contains(u)).ifPresent(out::add);
        }
        return out;
    }

    static Optional<UnitRef> unit(String epc) {
        Matcher m = SSCC_DL.matcher(epc);
        if (m.matches()) {
            return Optional.of(new UnitRef(UnitKind.PALLET, m.group(1)));
        }
        m = SGTIN_DL.matcher(epc);
        if (m.matches()) {
            try {
                UUID id = GoodsItem.idOf(m.group(1), URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
                return Optional.of(new UnitRef(UnitKind.GOODS, id.toString()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (epc.startsWith(BIC) && epc.length() > BIC.length()) {
            return Optional.of(new UnitRef(UnitKind.CONTAINER, epc.substring(BIC.length())));
        }
        return Optional.empty();
    }
}
