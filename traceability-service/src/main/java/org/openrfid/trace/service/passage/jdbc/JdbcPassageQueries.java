package org.openrfid.trace.service.passage.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.openrfid.trace.service.passage.LocatedPassage;
import org.openrfid.trace.service.passage.PassageCursor;
import org.openrfid.trace.service.passage.PassageQueries;
import org.openrfid.trace.service.passage.TagWindow;
import org.openrfid.trace.service.passage.TimeOrder;
import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.service.privacy.jdbc.ScopeSql;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Passage queries over JDBC: every one is an equality on the B-tree's leading column (tag or
 * location) with a first-seen range, so both stores answer from the (epc_hex, first_seen) and
 * (location_id, first_seen) indexes. All values are bound parameters.
 *
 * <p>Tag windows (up to {@link #MERGE_KEYS}) are each their own branch ({@code ORDER BY first_seen,
 * id LIMIT n} on the tag index) merged by {@code UNION ALL} in page order, so PostgreSQL reads about
 * a page of the tag's rows instead of its whole history across all day partitions
 * ({@code PassageQueryBenchmark} on 100 M passages); overlapping windows of one tag are merged first,
 * so no passage comes twice. Locations keep one {@code IN} list: with a time range the planner walks
 * the time index of one or two partitions, which measured faster than per-location branches.
 */
public class JdbcPassageQueries implements PassageQueries {

    /** Bound on IN lists and OR branches, well under PostgreSQL's 32767 parameters per statement. */
    static final int MAX_KEYS = 10_000;

    /** Tag windows up to which each gets its own ordered, limited branch. */
    public static final int MERGE_KEYS = 64;

    private static final String COLUMNS = "p.id, p.epc_hex, p.epc_bits, p.tag_uri, p.location_id, p.reader_id, p.antenna,"
            + " p.first_seen, p.last_seen, p.reads, p.peak_rssi, p.direction, p.tid, p.tid_other";
    private static final String LOCATION_COLUMNS =
            " l.id AS l_id, l.name AS l_name, l.kind AS l_kind, l.parent_id AS l_parent, ST_Y(l.anchor) AS l_lat, ST_X(l.anchor) AS l_lon";
    private static final String SELECT = "SELECT " + COLUMNS + "," + LOCATION_COLUMNS
            + " FROM passage p LEFT JOIN location l ON l.id = p.location_id WHERE ";

    private final JdbcTemplate jdbc;

    public JdbcPassageQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<LocatedPassage> ofTags(List<TagWindow> windows, Scope scope, PassageCursor after, TimeOrder order, int limit) {
        if (windows.isEmpty()) {
            return List.of();
        }
        if (windows.size() > MAX_KEYS / 3) {
            throw new IllegalArgumentException("too many tag windows in one query: " + windows.size());
        }
        List<TagWindow> merged = TagWindows.merge(windows);
        if (merged.size() <= MERGE_KEYS) {
            List<Object> keys = new ArrayList<>();
            List<Instant[]> ranges = new ArrayList<>();
            for (TagWindow w : merged) {
                keys.add(w.epcHex());
                ranges.add(new Instant[] {w.from(), w.to()});
            }
            return merged("p.epc_hex", keys, ranges, scope, after, order, limit);
        }
        StringBuilder sql = new StringBuilder(SELECT).append('(');
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            TagWindow w = windows.get(i);
            sql.append(i == 0 ? "" : " OR ").append("(p.epc_hex = ?");
            args.add(w.epcHex());
            range(sql, args, w.from(), w.to());
            sql.append(')');
        }
        sql.append(')');
        scope(sql, args, scope);
        return run(sql, args, after, order, limit);
    }

    @Override
    public List<LocatedPassage> atLocations(Collection<String> locationIds, Instant from, Instant to, Scope scope,
                                            PassageCursor after, TimeOrder order, int limit) {
        if (locationIds.isEmpty()) {
            return List.of();
        }
        if (locationIds.size() > MAX_KEYS) {
            throw new IllegalArgumentException("too many locations in one query: " + locationIds.size() + " (at most " + MAX_KEYS + ")");
        }
        StringBuilder sql = new StringBuilder(SELECT).append("p.location_id IN (")
                .append(String.join(",", Collections.nCopies(locationIds.size(), "?"))).append(')');
        List<Object> args = new ArrayList<>(locationIds);
        range(sql, args, from, to);
        scope(sql, args, scope);
        return run(sql, args, after, order, limit);
    }

    private static void range(StringBuilder sql, List<Object> args, Instant from, Instant to) {
        if (from != null) {
            sql.append(" AND p.first_seen >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" AND p.first_seen < ?");
            args.add(Timestamp.from(to));
        }
    }

    /** Only what the caller sees: by the object stored with each passage (resolved at ingest), its place, restrictions. */
    private static void scope(StringBuilder sql, List<Object> args, Scope scope) {
        ScopeSql.restrictTo(scope, "p.object_kind", "p.object_id", "p.location_id", sql, args);
    }

    private List<LocatedPassage> run(StringBuilder sql, List<Object> args, PassageCursor after, TimeOrder order, int limit) {
        cursor(sql, args, after, order);
        String dir = order == TimeOrder.NEWEST_FIRST ? " DESC" : "";
        sql.append(" ORDER BY p.first_seen").append(dir).append(", p.id").append(dir).append(" LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), PassageRows.LOCATED, args.toArray());
    }

    /**
     * One branch per key ({@code column = key} within its range, after the cursor, in page order,
     * at most {@code limit} rows), merged in page order; the locations are joined to the page only.
     */
    private List<LocatedPassage> merged(String column, List<Object> keys, List<Instant[]> ranges, Scope scope, PassageCursor after,
                                        TimeOrder order, int limit) {
        String dir = order == TimeOrder.NEWEST_FIRST ? " DESC" : "";
        StringBuilder sql = new StringBuilder("SELECT q.*,").append(LOCATION_COLUMNS).append(" FROM (SELECT * FROM (");
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ").append("(SELECT ").append(COLUMNS).append(" FROM passage p WHERE ").append(column)
                    .append(" = ?");
            args.add(keys.get(i));
            range(sql, args, ranges.get(i)[0], ranges.get(i)[1]);
            scope(sql, args, scope);
            cursor(sql, args, after, order);
            sql.append(" ORDER BY p.first_seen").append(dir).append(", p.id").append(dir).append(" LIMIT ?)");
            args.add(limit);
        }
        sql.append(") u ORDER BY u.first_seen").append(dir).append(", u.id").append(dir).append(" LIMIT ?) q")
                .append(" LEFT JOIN location l ON l.id = q.location_id ORDER BY q.first_seen").append(dir).append(", q.id").append(dir);
        args.add(limit);
        return jdbc.query(sql.toString(), PassageRows.LOCATED, args.toArray());
    }

    private static void cursor(StringBuilder sql, List<Object> args, PassageCursor after, TimeOrder order) {
        if (after != null) {
            String cmp = order == TimeOrder.NEWEST_FIRST ? "<" : ">";
            sql.append(" AND (p.first_seen ").append(cmp).append(" ? OR (p.first_seen = ? AND p.id ").append(cmp).append(" ?))");
            Timestamp t = Timestamp.from(after.firstSeen());
            args.add(t);
            args.add(t);
            args.add(after.id());
        }
    }
}
