package org.openrfid.trace.service.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.openrfid.trace.service.registry.goods.GoodsItem;
import org.openrfid.trace.service.registry.goods.UnitKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The registry's aggregation intervals as EPCIS AggregationEvents: all children put into one parent at
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

    private final JdbcTemplate jdbc;

    public AggregationEvents(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** A unit of the registry: kind and id as in the aggregation table. */
    record Unit(UnitKind kind, String id) {
    }

    /** One event before rendering: the instant, the parent, ADD or DELETE. */
    record Group(Instant time, String parentId, UnitKind parentKind, String action) {

        /** Sorts as (parentId, parentKind, action) do in SQL: the separator is below every id character. */
        String key() {
            return parentId + '\u0001' + parentKind.name() + '\u0001' + action;
        }

        static Group of(EpcisEvents.Cursor c) {
            String[] p = c.key().split("\u0001", -1);
            if (p.length != 3) {
                throw new IllegalArgumentException("nextPageToken: not a token issued by this service");
            }
            try {
                return new Group(c.time(), p[0], UnitKind.valueOf(p[1]), p[2]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("nextPageToken: not a token issued by this service");
            }
        }
    }

    /** Aggregation events matching the query after the cursor, in (time, source, key) order. */
    List<EpcisEvents.Item> find(EpcisQuery q, EpcisEvents.Cursor after, int limit) {
        if (!q.wantsType("AggregationEvent") || !q.readPoints().isEmpty() || !q.bizLocations().isEmpty()) {
            return List.of();
        }
        List<String> actions = new ArrayList<>();
        if (q.bizSteps().isEmpty() || q.bizSteps().contains(Vocabulary.bizStep(PACKING))) {
            actions.add("ADD");
        }
        if (q.bizSteps().isEmpty() || q.bizSteps().contains(Vocabulary.bizStep(UNPACKING))) {
            actions.add("DELETE");
        }
        List<Unit> children = units(q.matchEpc());
        List<Unit> parents = units(q.matchParentId());
        List<Unit> any = units(q.matchAnyEpc());
        if (actions.isEmpty() || (!q.matchEpc().isEmpty() && children.isEmpty()) || (!q.matchParentId().isEmpty() && parents.isEmpty())
                || (!q.matchAnyEpc().isEmpty() && any.isEmpty())) {
            return List.of();
        }
        // this source is the last in the merged order: after another source's event, the same instant is still due
        Group cursor = after != null && after.source() == EpcisEvents.AGGREGATION ? Group.of(after) : null;
        Instant from = after != null && after.source() != EpcisEvents.AGGREGATION ? after.time() : null;
        List<EpcisEvents.Item> out = new ArrayList<>();
        while (out.size() < limit) {
            List<Group> groups = groups(q, actions, children, parents, any, from, cursor);
            for (Map.Entry<Group, ObjectNode> e : render(groups).entrySet()) {
                if (out.size() < limit) {
                    out.add(new EpcisEvents.Item(e.getKey().time(), EpcisEvents.AGGREGATION, e.getKey().key(), e.getValue(), null));
                }
            }
            if (groups.size() < BATCH) {
                break;
            }
            cursor = groups.get(groups.size() - 1);
            from = null;
        }
        return out;
    }

    private List<Group> groups(EpcisQuery q, List<String> actions, List<Unit> children, List<Unit> parents, List<Unit> any,
            Instant from, Group after) {
        List<String> branches = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (String action : actions) {
            String column = "ADD".equals(action) ? "valid_from" : "valid_to";
            StringBuilder b = new StringBuilder("SELECT a.").append(column).append(" AS t, a.parent_id, a.parent_kind, CAST('")
                    .append(action).append("' AS VARCHAR(8)) AS action FROM aggregation a WHERE a.").append(column).append(" IS NOT NULL");
            if (q.geEventTime() != null) {
                b.append(" AND a.").append(column).append(" >= ?");
                args.add(EpcisEventStore.utc(q.geEventTime()));
            }
            if (q.ltEventTime() != null) {
                b.append(" AND a.").append(column).append(" < ?");
                args.add(EpcisEventStore.utc(q.ltEventTime()));
            }
            if (from != null) {
                b.append(" AND a.").append(column).append(" >= ?");
                args.add(EpcisEventStore.utc(from));
            }
            if (after != null) {
                b.append(" AND (a.").append(column).append(" > ? OR (a.").append(column).append(" = ? AND (a.parent_id > ?")
                        .append(" OR (a.parent_id = ? AND (a.parent_kind > ? OR (a.parent_kind = ? AND ? > ?))))))");
                args.addAll(List.of(EpcisEventStore.utc(after.time()), EpcisEventStore.utc(after.time()), after.parentId(),
                        after.parentId(), after.parentKind().name(), after.parentKind().name(), action, after.action()));
            }
            unitsCondition(b, args, children, "child");
            unitsCondition(b, args, parents, "parent");
            if (!any.isEmpty()) {
                b.append(" AND (");
                unitsIn(b, args, any, "child");
                b.append(" OR ");
                unitsIn(b, args, any, "parent");
                b.append(')');
            }
            branches.add(b.toString());
        }
        String sql = "SELECT t, parent_id, parent_kind, action FROM (" + String.join(" UNION ALL ", branches)
                + ") g GROUP BY t, parent_id, parent_kind, action ORDER BY t, parent_id, parent_kind, action LIMIT " + BATCH;
        return jdbc.query(sql, (rs, n) -> new Group(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
                UnitKind.valueOf(rs.getString(3)), rs.getString(4)), args.toArray());
    }

    private static void unitsCondition(StringBuilder b, List<Object> args, List<Unit> units, String role) {
        if (!units.isEmpty()) {
            b.append(" AND ");
            unitsIn(b, args, units, role);
        }
    }

    private static void unitsIn(StringBuilder b, List<Object> args, List<Unit> units, String role) {
        b.append('(').append(String.join(" OR ", Collections.nCopies(units.size(),
                "(a." + role + "_kind = ? AND a." + role + "_id = ?)"))).append(')');
        for (Unit u : units) {
            args.add(u.kind().name());
            args.add(u.id());
        }
    }

    /** The events of the groups, in their order; a group whose children have no EPC at all is left out. */
    private Map<Group, ObjectNode> render(List<Group> groups) {
        if (groups.isEmpty()) {
            return Map.of();
        }
        Map<Group, List<Unit>> children = new LinkedHashMap<>();
        for (List<Group> chunk : chunks(groups, 100)) {
            StringBuilder sql = new StringBuilder("SELECT parent_kind, parent_id, valid_from, valid_to, child_kind, child_id FROM aggregation WHERE ");
            List<Object> args = new ArrayList<>();
            List<String> ors = new ArrayList<>();
            for (Group g : chunk) {
                ors.add("(parent_kind = ? AND parent_id = ? AND " + ("ADD".equals(g.action()) ? "valid_from" : "valid_to") + " = ?)");
                args.add(g.parentKind().name());
                args.add(g.parentId());
                args.add(EpcisEventStore.utc(g.time()));
            }
            sql.append(String.join(" OR ", ors)).append(" ORDER BY child_kind, child_id");
            jdbc.query(sql.toString(), rs -> {
                UnitKind parentKind = UnitKind.valueOf(rs.getString(1));
                String parentId = rs.getString(2);
                Unit child = new Unit(UnitKind.valueOf(rs.getString(5)), rs.getString(6));
                OffsetDateTime to = rs.getObject(4, OffsetDateTime.class);
                for (Group g : chunk) {
                    Instant t = "ADD".equals(g.action()) ? rs.getObject(3, OffsetDateTime.class).toInstant() : to == null ? null : to.toInstant();
                    if (g.parentKind() == parentKind && g.parentId().equals(parentId) && g.time().equals(t)) {
                        children.computeIfAbsent(g, k -> new ArrayList<>()).add(child);
                    }
                }
            }, args.toArray());
        }
        List<Unit> all = new ArrayList<>();
        for (Group g : groups) {
            all.add(new Unit(g.parentKind(), g.parentId()));
            all.addAll(children.getOrDefault(g, List.of()));
        }
        Map<Unit, String> uris = new UnitEpcs(jdbc).of(all);
        Map<Group, ObjectNode> out = new LinkedHashMap<>();
        for (Group g : groups) {
            List<String> childEpcs = children.getOrDefault(g, List.of()).stream().map(uris::get).filter(u -> u != null).toList();
            String parent = uris.get(new Unit(g.parentKind(), g.parentId()));
            if (childEpcs.isEmpty() || parent == null) {
                continue;
            }
            out.put(g, event(g, parent, childEpcs));
        }
        return out;
    }

    static ObjectNode event(Group g, String parentId, List<String> childEpcs) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode e = f.objectNode();
        e.put("type", "AggregationEvent");
        e.put("eventTime", EventHash.utcMillis(g.time().toString()));
        e.put("eventTimeZoneOffset", "+00:00");
        e.put("parentID", parentId);
        childEpcs.forEach(e.putArray("childEPCs")::add);
        e.put("action", g.action());
        e.put("bizStep", "ADD".equals(g.action()) ? PACKING : UNPACKING);
        e.put("eventID", EventHash.hash(e, NS));
        return e;
    }

    /** The registry units an EPC parameter (already normalised by {@link Vocabulary#epc}) names. */
    static List<Unit> units(List<String> epcs) {
        List<Unit> out = new ArrayList<>();
        for (String epc : epcs) {
            unit(epc).filter(u -> !out.contains(u)).ifPresent(out::add);
        }
        return out;
    }

    static Optional<Unit> unit(String epc) {
        Matcher m = SSCC_DL.matcher(epc);
        if (m.matches()) {
            return Optional.of(new Unit(UnitKind.PALLET, m.group(1)));
        }
        m = SGTIN_DL.matcher(epc);
        if (m.matches()) {
            try {
                UUID id = GoodsItem.idOf(m.group(1), URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
                return Optional.of(new Unit(UnitKind.GOODS, id.toString()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (epc.startsWith(BIC) && epc.length() > BIC.length()) {
            return Optional.of(new Unit(UnitKind.CONTAINER, epc.substring(BIC.length())));
        }
        return Optional.empty();
    }

    static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            out.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return out;
    }
}
