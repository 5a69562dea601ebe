package org.openrfid.trace.service.registry.goods.jdbc;

import org.openrfid.trace.service.platform.sql.Sql;

import static org.openrfid.trace.service.platform.sql.Sql.instant;
import static org.openrfid.trace.service.platform.sql.Sql.marks;
import static org.openrfid.trace.service.platform.sql.Sql.ts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openrfid.trace.service.registry.goods.Aggregation;
import org.openrfid.trace.service.registry.goods.Aggregations;
import org.openrfid.trace.service.registry.goods.NewAggregation;
import org.openrfid.trace.service.registry.goods.UnitKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Aggregation intervals over JDBC. Like the tag bindings: a batch loads the intervals of its children
 * that can conflict (locked FOR UPDATE), checks them in memory, then writes closes and opens as two batches.
 */
public class JdbcAggregations implements Aggregations {

    private static final String COLUMNS = "id, parent_kind, parent_id, child_kind, child_id, valid_from, valid_to";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM aggregation";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcAggregations(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    private static final class Working {
        final Long id;
        final UnitKind parentKind;
        final String parentId;
        final UnitKind childKind;
        final String childId;
        final Instant from;
        Instant to;
        boolean closedHere;

        Working(Long id, UnitKind parentKind, String parentId, UnitKind childKind, String childId, Instant from, Instant to) {
            this.id = id;
            this.parentKind = parentKind;
            this.parentId = parentId;
            this.childKind = childKind;
            this.childId = childId;
            this.from = from;
            this.to = to;
        }
    }

    @Override
    public int aggregate(Collection<NewAggregation> aggregations) {
        if (aggregations.isEmpty()) {
            return 0;
        }
        List<NewAggregation> requests = List.copyOf(aggregations);
        Integer opened = tx.execute(status -> {
            Instant earliest = requests.stream().map(NewAggregation::from).min(Instant::compareTo).orElseThrow();
            Map<String, List<Working>> byChild = new HashMap<>();
            Map<UnitKind, List<String>> children = new LinkedHashMap<>();
            for (NewAggregation r : requests) {
                children.computeIfAbsent(r.childKind(), k -> new ArrayList<>()).add(r.childId());
            }
            for (Map.Entry<UnitKind, List<String>> e : children.entrySet()) {
                for (List<String> chunk : Sql.chunks(e.getValue().stream().distinct().toList(), 500)) {
                    List<Object> args = new ArrayList<>();
                    args.add(e.getKey().name());
                    args.addAll(chunk);
                    args.add(ts(earliest));
                    jdbc.query(SELECT + " WHERE child_kind = ? AND child_id IN (" + marks(chunk.size())
                            + ") AND (valid_to IS NULL OR valid_to > ?) ORDER BY valid_from, id FOR UPDATE", rs -> {
                                Aggregation a = ROW.mapRow(rs, 0);
                                byChild.computeIfAbsent(a.childKind() + "/" + a.childId(), k -> new ArrayList<>())
                                        .add(new Working(a.id(), a.parentKind(), a.parentId(), a.childKind(), a.childId(), a.validFrom(), a.validTo()));
                            }, args.toArray());
                }
            }
            List<Working> inserts = new ArrayList<>();
            List<Working> closes = new ArrayList<>();
            for (NewAggregation r : requests) {
                List<Working> history = byChild.computeIfAbsent(r.childKind() + "/" + r.childId(), k -> new ArrayList<>());
                Working open = history.stream().filter(w -> w.to == null).findFirst().orElse(null);
                if (open != null && open.parentKind == r.parentKind() && open.parentId.equals(r.parentId())) {
                    continue;
                }
                for (Working w : history) {
                    if (w.to == null ? !r.from().isAfter(w.from) : w.to.isAfter(r.from())) {
                        throw new IllegalArgumentException(r.childKind() + " " + r.childId() + " into " + r.parentKind() + " " + r.parentId()
                                + " from " + r.from() + " overlaps its time in " + w.parentKind + " " + w.parentId + " from " + w.from
                                + (w.to == null ? " (open)" : " to " + w.to));
                    }
                }
                if (open != null) {
                    open.to = r.from();
                    if (open.id != null && !open.closedHere) {
                        closes.add(open);
                    }
                    open.closedHere = true;
                }
                Working created = new Working(null, r.parentKind(), r.parentId(), r.childKind(), r.childId(), r.from(), null);
                history.add(created);
                inserts.add(created);
            }
            jdbc.batchUpdate("UPDATE aggregation SET valid_to = ? WHERE id = ?", closes, 500, (ps, w) -> {
                ps.setTimestamp(1, ts(w.to));
                ps.setLong(2, w.id);
            });
            jdbc.batchUpdate("INSERT INTO aggregation (parent_kind, parent_id, child_kind, child_id, valid_from, valid_to) VALUES (?,?,?,?,?,?)",
                    inserts, 500, (ps, w) -> {
                        ps.setString(1, w.parentKind.name());
                        ps.setString(2, w.parentId);
                        ps.setString(3, w.childKind.name());
                        ps.setString(4, w.childId);
                        ps.setTimestamp(5, ts(w.from));
                        ps.setTimestamp(6, ts(w.to));
                    });
            return inserts.size();
        });
        return opened == null ? 0 : opened;
    }

    @Override
    public boolean disaggregate(UnitKind childKind, String childId, Instant at) {
        Boolean done = tx.execute(status -> {
            List<Aggregation> open = jdbc.query(SELECT + " WHERE child_kind = ? AND child_id = ? AND valid_to IS NULL FOR UPDATE", ROW,
                    childKind.name(), childId);
            if (open.isEmpty()) {
                return false;
            }
            if (!at.isAfter(open.get(0).validFrom())) {
                throw new IllegalArgumentException(childKind + " " + childId + " is in " + open.get(0).parentId() + " since "
                        + open.get(0).validFrom() + ": cannot take it out at " + at);
            }
            jdbc.update("UPDATE aggregation SET valid_to = ? WHERE id = ?", ts(at), open.get(0).id());
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    @Override
    public List<Aggregation> parentsOf(UnitKind childKind, String childId) {
        return jdbc.query(SELECT + " WHERE child_kind = ? AND child_id = ? ORDER BY valid_from, id", ROW, childKind.name(), childId);
    }

    @Override
    public List<Aggregation> childrenOf(UnitKind parentKind, String parentId) {
        return jdbc.query(SELECT + " WHERE parent_kind = ? AND parent_id = ? ORDER BY valid_from, id", ROW, parentKind.name(), parentId);
    }

    @Override
    public List<Aggregation> childrenAt(UnitKind parentKind, String parentId, Instant at) {
        return jdbc.query(SELECT + " WHERE parent_kind = ? AND parent_id = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)"
                + " ORDER BY child_kind, child_id", ROW, parentKind.name(), parentId, ts(at), ts(at));
    }

    @Override
    public Map<String, Aggregation> openOf(UnitKind childKind, Collection<String> childIds) {
        Map<String, Aggregation> open = new HashMap<>();
        for (List<String> chunk : Sql.chunks(List.copyOf(childIds), 500)) {
            List<Object> args = new ArrayList<>();
            args.add(childKind.name());
            args.addAll(chunk);
            for (Aggregation a : jdbc.query(SELECT + " WHERE child_kind = ? AND child_id IN (" + marks(chunk.size()) + ") AND valid_to IS NULL",
                    ROW, args.toArray())) {
                open.put(a.childId(), a);
            }
        }
        return open;
    }

    @Override
    public Set<String> everAggregated(UnitKind childKind, Collection<String> childIds) {
        Set<String> found = new HashSet<>();
        for (List<String> chunk : Sql.chunks(List.copyOf(childIds), 500)) {
            List<Object> args = new ArrayList<>();
            args.add(childKind.name());
            args.addAll(chunk);
            found.addAll(jdbc.queryForList("SELECT DISTINCT child_id FROM aggregation WHERE child_kind = ? AND child_id IN (" + marks(chunk.size()) + ")",
                    String.class, args.toArray()));
        }
        return found;
    }

    @Override
    public List<Aggregation> page(long afterId, int limit) {
        return jdbc.query(SELECT + " WHERE id > ? ORDER BY id LIMIT ?", ROW, afterId, limit);
    }

    private static final RowMapper<Aggregation> ROW = (rs, row) -> new Aggregation(rs.getLong("id"),
            UnitKind.valueOf(rs.getString("parent_kind")), rs.getString("parent_id"), UnitKind.valueOf(rs.getString("child_kind")),
            rs.getString("child_id"), instant(rs, "valid_from"), instant(rs, "valid_to"));
}
