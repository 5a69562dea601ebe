package org.openrfid.trace.service.registry.goods.jdbc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrfid.trace.service.platform.sql.Sql;
import org.openrfid.trace.service.registry.goods.AggregationChange;
import org.openrfid.trace.service.registry.goods.AggregationChange.Action;
import org.openrfid.trace.service.registry.goods.AggregationChanges;
import org.openrfid.trace.service.registry.goods.UnitKind;
import org.openrfid.trace.service.registry.goods.UnitRef;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The aggregation intervals as changes: one branch per action (ADD reads {@code valid_from}, DELETE
 * {@code valid_to}), unioned and grouped so that all children of one parent at one instant are one change.
 */
class JdbcAggregationChanges implements AggregationChanges {

    /** Groups whose children are looked up in one statement. */
    private static final int CHILD_LOOKUP_CHUNK = 100;

    private final JdbcTemplate jdbc;

    JdbcAggregationChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<AggregationChange> changes(AggregationChange.Filter f, AggregationChange after, int limit) {
        List<String> branches = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (Action action : List.of(Action.ADD, Action.DELETE)) {
            if (!f.actions().contains(action)) {
                continue;
            }
            String column = column(action);
            StringBuilder b = new StringBuilder("SELECT a.").append(column).append(" AS t, a.parent_id, a.parent_kind, CAST('")
                    .append(action.name()).append("' AS VARCHAR(8)) AS action FROM aggregation a WHERE a.").append(column).append(" IS NOT NULL");
            if (f.notBefore() != null) {
                b.append(" AND a.").append(column).append(" >= ?");
                args.add(utc(f.notBefore()));
            }
            if (f.before() != null) {
                b.append(" AND a.").append(column).append(" < ?");
                args.add(utc(f.before()));
            }
            if (after != null) {
                b.append(" AND (a.").append(column).append(" > ? OR (a.").append(column).append(" = ? AND (a.parent_id > ?")
                        .append(" OR (a.parent_id = ? AND (a.parent_kind > ? OR (a.parent_kind = ? AND ? > ?))))))");
                args.addAll(List.of(utc(after.time()), utc(after.time()), after.parentId(), after.parentId(),
                        after.parentKind().name(), after.parentKind().name(), action.name(), after.action().name()));
            }
            unitsCondition(b, args, f.children(), "child");
            unitsCondition(b, args, f.parents(), "parent");
            if (!f.anyUnit().isEmpty()) {
                b.append(" AND (");
                unitsIn(b, args, f.anyUnit(), "child");
                b.append(" OR ");
                unitsIn(b, args, f.anyUnit(), "parent");
                b.append(')');
            }
            branches.add(b.toString());
        }
        if (branches.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT t, parent_id, parent_kind, action FROM (" + String.join(" UNION ALL ", branches)
                + ") g GROUP BY t, parent_id, parent_kind, action ORDER BY t, parent_id, parent_kind, action LIMIT " + limit;
        return jdbc.query(sql, (rs, n) -> new AggregationChange(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
                UnitKind.valueOf(rs.getString(3)), Action.valueOf(rs.getString(4))), args.toArray());
    }

    @Override
    public Map<AggregationChange, List<UnitRef>> childrenOf(List<AggregationChange> changes) {
        Map<AggregationChange, List<UnitRef>> children = new LinkedHashMap<>();
        for (List<AggregationChange> chunk : Sql.chunks(changes, CHILD_LOOKUP_CHUNK)) {
            StringBuilder sql = new StringBuilder("SELECT parent_kind, parent_id, valid_from, valid_to, child_kind, child_id FROM aggregation WHERE ");
            List<Object> args = new ArrayList<>();
            List<String> ors = new ArrayList<>();
            for (AggregationChange c : chunk) {
                ors.add("(parent_kind = ? AND parent_id = ? AND " + column(c.action()) + " = ?)");
                args.add(c.parentKind().name());
                args.add(c.parentId());
                args.add(utc(c.time()));
            }
            sql.append(String.join(" OR ", ors)).append(" ORDER BY child_kind, child_id");
            jdbc.query(sql.toString(), rs -> {
                UnitKind parentKind = UnitKind.valueOf(rs.getString(1));
                String parentId = rs.getString(2);
                Instant from = rs.getObject(3, OffsetDateTime.class).toInstant();
                OffsetDateTime to = rs.getObject(4, OffsetDateTime.class);
                UnitRef child = new UnitRef(UnitKind.valueOf(rs.getString(5)), rs.getString(6));
                for (AggregationChange c : chunk) {
                    Instant t = c.action() == Action.ADD ? from : to == null ? null : to.toInstant();
                    if (c.parentKind() == parentKind && c.parentId().equals(parentId) && c.time().equals(t)) {
                        children.computeIfAbsent(c, k -> new ArrayList<>()).add(child);
                    }
                }
            }, args.toArray());
        }
        return children;
    }

    private static String column(Action action) {
        return action == Action.ADD ? "valid_from" : "valid_to";
    }

    private static void unitsCondition(StringBuilder b, List<Object> args, List<UnitRef> units, String role) {
        if (!units.isEmpty()) {
            b.append(" AND ");
            unitsIn(b, args, units, role);
        }
    }

    private static void unitsIn(StringBuilder b, List<Object> args, List<UnitRef> units, String role) {
        b.append('(').append(String.join(" OR ", Collections.nCopies(units.size(),
                "(a." + role + "_kind = ? AND a." + role + "_id = ?)"))).append(')');
        for (UnitRef u : units) {
            args.add(u.kind().name());
            args.add(u.id());
        }
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
