package org.openrfid.trace.service.analytics.jdbc;

import static org.openrfid.trace.service.analytics.jdbc.AnalyticsSql.instant;
import static org.openrfid.trace.service.analytics.jdbc.AnalyticsSql.locationJoin;
import static org.openrfid.trace.service.analytics.jdbc.AnalyticsSql.period;
import static org.openrfid.trace.service.analytics.jdbc.AnalyticsSql.place;
import static org.openrfid.trace.service.platform.sql.Sql.marks;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrfid.trace.service.analytics.CoLocationQuery;
import org.openrfid.trace.service.analytics.Companion;
import org.openrfid.trace.service.analytics.Companion.SharedSighting;
import org.openrfid.trace.service.analytics.Level;
import org.openrfid.trace.service.passage.TagWindow;
import org.openrfid.trace.service.platform.sql.SqlDialect;
import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.service.privacy.jdbc.ScopeSql;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Co-location: the objects seen at the subject's places within ±Δt of it, most shared sightings first,
 * one keyset page at a time. One index range scan of (location_id, first_seen) per subject sighting
 * and lane, O(S·(log N + k)) for S subject sightings and k passages in each ±Δt window.
 */
final class JdbcCompanions {

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

    JdbcCompanions(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    List<Companion> companions(CoLocationQuery q, Scope scope) {
        List<Object> args = new ArrayList<>();
        String matches = sharedSightings(q, scope, args);
        StringBuilder sql = new StringBuilder(matches)
                .append(" SELECT c_kind, c_id, COUNT(DISTINCT s_id) AS shared, COUNT(DISTINCT place) AS places,")
                .append(" MIN(s_time) AS first_shared, MAX(s_time) AS last_shared FROM m");
        excludeSubjectObject(q, sql, args, " WHERE ");
        sql.append(" GROUP BY c_kind, c_id HAVING COUNT(DISTINCT s_id) >= ?");
        args.add(q.minShared());
        if (q.after() != null) {
            sql.append(" AND (COUNT(DISTINCT s_id) < ? OR (COUNT(DISTINCT s_id) = ? AND (").append(text("c_kind")).append(" > ? OR (c_kind = ? AND ")
                    .append(text("c_id")).append(" > ?))))");
            Collections.addAll(args, q.after().shared(), q.after().shared(), q.after().kind(), q.after().kind(), q.after().id());
        }
        sql.append(" ORDER BY COUNT(DISTINCT s_id) DESC, ").append(text("c_kind")).append(", ").append(text("c_id")).append(" LIMIT ?");
        args.add(q.limit() + 1);
        List<Companion> page = jdbc.query(sql.toString(), (rs, n) -> new Companion(rs.getString("c_kind"), rs.getString("c_id"),
                rs.getInt("shared"), rs.getInt("places"), instant(rs, "first_shared"), instant(rs, "last_shared"), List.of()), args.toArray());
        return page.isEmpty() || q.maxSightings() == 0 ? page : withSightings(q, scope, page);
    }

    /** The page's companions with their first shared sightings, each at the companion's closest passage. */
    private List<Companion> withSightings(CoLocationQuery q, Scope scope, List<Companion> page) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder(sharedSightings(q, scope, args))
                .append(", d AS (SELECT c_kind, c_id, s_id, place, s_time, c_time, ROW_NUMBER() OVER (PARTITION BY c_kind, c_id, s_id")
                .append(" ORDER BY ABS(EXTRACT(EPOCH FROM c_time) - EXTRACT(EPOCH FROM s_time)), c_time) AS closest FROM m WHERE ");
        for (int i = 0; i < page.size(); i++) {
            sql.append(i == 0 ? "" : " OR ").append("(c_kind = ? AND c_id = ?)");
            args.add(page.get(i).kind());
            args.add(page.get(i).id());
        }
        sql.append("), e AS (SELECT c_kind, c_id, place, s_time, c_time,")
                .append(" ROW_NUMBER() OVER (PARTITION BY c_kind, c_id ORDER BY s_time, s_id) AS nth FROM d WHERE closest = 1)")
                .append(" SELECT c_kind, c_id, place, s_time, c_time FROM e WHERE nth <= ? ORDER BY c_kind, c_id, nth");
        args.add(q.maxSightings());
        Map<String, List<SharedSighting>> byCompanion = new LinkedHashMap<>();
        jdbc.query(sql.toString(), rs -> {
            byCompanion.computeIfAbsent(rs.getString("c_kind") + ':' + rs.getString("c_id"), k -> new ArrayList<>())
                    .add(new SharedSighting(rs.getString("place"), instant(rs, "s_time"), instant(rs, "c_time")));
        }, args.toArray());
        return page.stream().map(c -> c.withSightings(byCompanion.getOrDefault(c.kind() + ':' + c.id(), List.of()))).toList();
    }

    /**
     * CTEs ending in {@code m}: one row per (subject passage, companion passage) at the same place within
     * ±Δt, the companion resolved through its binding at its passage's time.
     */
    private String sharedSightings(CoLocationQuery q, Scope scope, List<Object> args) {
        boolean rollUp = q.level() == Level.CHECKPOINT;
        StringBuilder sql = new StringBuilder("WITH s AS (SELECT p.id, p.epc_hex, p.first_seen, ").append(place(q.level()))
                .append(" AS place FROM passage p").append(locationJoin(q.level())).append(" WHERE ");
        period(sql, args, q.period());
        sql.append(" AND (");
        subjectWindows(q.subject().windows(), sql, args);
        sql.append("))");
        if (rollUp) {
            // The places' own ids and the ids of their lanes: companions are looked up by location id, on the index.
            sql.append(", cl AS (SELECT DISTINCT place, place AS loc FROM s UNION SELECT DISTINCT s.place, lc.id FROM s")
                    .append(" JOIN location lc ON lc.parent_id = s.place)");
        }
        long deltaMillis = q.delta().toMillis();
        sql.append(", m AS (SELECT s.id AS s_id, s.place, s.first_seen AS s_time, c.first_seen AS c_time,")
                .append(" COALESCE(b.object_kind, 'TAG') AS c_kind, COALESCE(b.object_id, c.epc_hex) AS c_id FROM s")
                .append(rollUp ? " JOIN cl ON cl.place = s.place" : "")
                .append(companionPassages(rollUp ? "cl.loc" : "s.place"))
                .append(" LEFT JOIN tag_binding b ON b.epc_hex = c.epc_hex AND b.valid_from <= c.first_seen")
                .append(" AND (b.valid_to IS NULL OR b.valid_to > c.first_seen) WHERE c.epc_hex <> s.epc_hex");
        args.add(-deltaMillis);
        args.add(deltaMillis);
        List<String> excluded = q.subject().excludedEpcs();
        if (!excluded.isEmpty()) {
            sql.append(" AND c.epc_hex NOT IN (").append(marks(excluded.size())).append(')');
            args.addAll(excluded);
        }
        // Companions of the kinds the caller sees, and never a restricted object: analytics do not name them.
        ScopeSql.kinds(scope, "b.object_kind", "c.location_id", sql, args);
        ScopeSql.neverRestricted("b.object_kind", "b.object_id", sql);
        return sql.append(')').toString();
    }

    /** The subject's passages: each of its tags while it carried it (a window open at either end is unbounded). */
    private static void subjectWindows(List<TagWindow> windows, StringBuilder sql, List<Object> args) {
        for (int i = 0; i < windows.size(); i++) {
            TagWindow w = windows.get(i);
            sql.append(i == 0 ? "" : " OR ").append("(p.epc_hex = ?");
            args.add(w.epcHex());
            if (w.from() != null) {
                sql.append(" AND p.first_seen >= ?");
                args.add(Timestamp.from(w.from()));
            }
            if (w.to() != null) {
                sql.append(" AND p.first_seen < ?");
                args.add(Timestamp.from(w.to()));
            }
            sql.append(')');
        }
    }

    /**
     * The passages at {@code location} within ±Δt of {@code s.first_seen} (two bound parameters). On
     * PostgreSQL as a LATERAL subquery fenced by OFFSET 0, so the planner looks each window up on the
     * (location_id, first_seen) index instead of hashing the whole table; the place is compared in the
     * column's own collation for the same reason. H2 looks up joined indexes by itself.
     */
    private String companionPassages(String location) {
        String window = " AND c.first_seen >= " + dialect.plusMillis("s.first_seen")
                + " AND c.first_seen <= " + dialect.plusMillis("s.first_seen");
        return dialect.passagesAtLocationJoin(location, window);
    }

    private static void excludeSubjectObject(CoLocationQuery q, StringBuilder sql, List<Object> args, String keyword) {
        if (q.subject().objectKind() != null) {
            sql.append(keyword).append("NOT (c_kind = ? AND c_id = ?)");
            args.add(q.subject().objectKind());
            args.add(q.subject().objectId());
        }
    }

    /** Text ordered by code point on both stores, so keyset cursors and pages agree. */
    private String text(String expression) {
        return dialect.codePointOrder(expression);
    }
}
