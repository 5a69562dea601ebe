package org.openrfid.trace.service.analytics.jdbc;

import org.openrfid.trace.service.platform.sql.SqlDialect;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrfid.trace.service.analytics.Analytics;
import org.openrfid.trace.service.analytics.CoLocationQuery;
import org.openrfid.trace.service.analytics.Companion;
import org.openrfid.trace.service.analytics.Companion.SharedSighting;
import org.openrfid.trace.service.analytics.FlowQuery;
import org.openrfid.trace.service.analytics.FlowRow;
import org.openrfid.trace.service.analytics.Histograms;
import org.openrfid.trace.service.analytics.Level;
import org.openrfid.trace.service.analytics.OdMatrix;
import org.openrfid.trace.service.analytics.OdQuery;
import org.openrfid.trace.service.analytics.Period;
import org.openrfid.trace.service.analytics.TravelQuery;
import org.openrfid.trace.service.analytics.TravelTimes;
import org.openrfid.trace.service.passage.TagWindow;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Analytics in SQL on both stores: window functions ({@code LEAD}, {@code LAG}, running {@code SUM},
 * {@code FIRST_VALUE}, {@code ROW_NUMBER}) and {@code PERCENTILE_CONT} exist alike in H2 2.x and
 * PostgreSQL; only time arithmetic and text ordering differ ({@link SqlDialect}). Every statement
 * returns an aggregate or a bounded page, so the database sorts and counts and the JVM never holds
 * more than one answer's rows.
 *
 * <p>Costs, with N the passages in the period: co-location is one index range scan of
 * (location_id, first_seen) per subject sighting and lane, O(S·(log N + k)) for S subject sightings
 * and k passages in each ±Δt window; flows one scan of the period, O(N) plus the grouping; travel
 * times and origin-destination one scan of the period sorted by object, O(N log N).
 */
class JdbcAnalytics implements Analytics {

    private static final String BINDING = " LEFT JOIN tag_binding b ON b.epc_hex = p.epc_hex AND b.valid_from <= p.first_seen"
            + " AND (b.valid_to IS NULL OR b.valid_to > p.first_seen)";
    private static final String KIND = "COALESCE(b.object_kind, 'TAG')";
    private static final String OBJECT_KEY = "COALESCE(b.object_kind || ':' || b.object_id, 'TAG:' || p.epc_hex)";
    private static final String BY_OBJECT = " OVER (PARTITION BY " + OBJECT_KEY + " ORDER BY p.first_seen, p.id)";

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

    JdbcAnalytics(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    // --- co-location -------------------------------------------------------------------------

    @Override
    public List<Companion> companions(CoLocationQuery q) {
        List<Object> args = new ArrayList<>();
        String matches = sharedSightings(q, args);
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
        return page.isEmpty() || q.maxSightings() == 0 ? page : withSightings(q, page);
    }

    /** The page's companions with their first shared sightings, each at the companion's closest passage. */
    private List<Companion> withSightings(CoLocationQuery q, List<Companion> page) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder(sharedSightings(q, args))
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
    private String sharedSightings(CoLocationQuery q, List<Object> args) {
        boolean rollUp = q.level() == Level.CHECKPOINT;
        StringBuilder sql = new StringBuilder("WITH s AS (SELECT p.id, p.epc_hex, p.first_seen, ").append(place(q.level()))
                .append(" AS place FROM passage p").append(locationJoin(q.level())).append(" WHERE ");
        period(sql, args, q.period());
        sql.append(" AND (");
        List<TagWindow> windows = q.subject().windows();
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
            sql.append(" AND c.epc_hex NOT IN (").append(String.join(",", Collections.nCopies(excluded.size(), "?"))).append(')');
            args.addAll(excluded);
        }
        return sql.append(')').toString();
    }

    /**
     * The passages at {@code location} within ±Δt of {@code s.first_seen} (two bound parameters). On
     * PostgreSQL as a LATERAL subquery fenced by OFFSET 0, so the planner looks each window up on the
     * (location_id, first_seen) index instead of hashing the whole table; the place is compared in the
     * column's own collation for the same reason. H2 looks up joined indexes by itself.
     */
    private String companionPassages(String location) {
        String window = " AND c.first_seen >= " + plusMillis("s.first_seen") + " AND c.first_seen <= " + plusMillis("s.first_seen");
        return dialect.passagesAtLocationJoin(location, window);
    }

    private static void excludeSubjectObject(CoLocationQuery q, StringBuilder sql, List<Object> args, String keyword) {
        if (q.subject().objectKind() != null) {
            sql.append(keyword).append("NOT (c_kind = ? AND c_id = ?)");
            args.add(q.subject().objectKind());
            args.add(q.subject().objectId());
        }
    }

    // --- flows -------------------------------------------------------------------------------

    @Override
    public List<FlowRow> flows(FlowQuery q) {
        List<Object> args = new ArrayList<>();
        BigDecimal origin = seconds(q.period().from());
        BigDecimal step = seconds(q.interval());
        StringBuilder sql = new StringBuilder("SELECT bucket, place, kind, vt, COUNT(*) AS passages, COUNT(DISTINCT okey) AS objects FROM (")
                .append("SELECT FLOOR((EXTRACT(EPOCH FROM p.first_seen) - CAST(? AS NUMERIC(24,6))) / CAST(? AS NUMERIC(24,6))) AS bucket, ")
                .append(place(q.level())).append(" AS place, ").append(KIND).append(" AS kind, ")
                .append(q.byVehicleType() ? "v.vehicle_type" : "CAST(NULL AS VARCHAR(3))").append(" AS vt, ")
                .append(OBJECT_KEY).append(" AS okey FROM passage p").append(locationJoin(q.level())).append(BINDING);
        args.add(origin);
        args.add(step);
        if (q.byVehicleType()) {
            sql.append(" LEFT JOIN vehicle v ON b.object_kind = 'VEHICLE' AND CAST(v.id AS VARCHAR(36)) = b.object_id");
        }
        sql.append(" WHERE ");
        period(sql, args, q.period());
        if (!q.places().isEmpty()) {
            sql.append(" AND ").append(place(q.level())).append(" IN (")
                    .append(String.join(",", Collections.nCopies(q.places().size(), "?"))).append(')');
            args.addAll(q.places().stream().sorted().toList());
        }
        sql.append(") x GROUP BY bucket, place, kind, vt ORDER BY bucket, ").append(text("place")).append(", ").append(text("kind"))
                .append(", ").append(text("vt")).append(" NULLS LAST LIMIT ?");
        args.add(q.maxRows() + 1);
        List<FlowRow> rows = jdbc.query(sql.toString(), (rs, n) -> new FlowRow(
                q.period().from().plus(q.interval().multipliedBy(rs.getLong("bucket"))), rs.getString("place"), rs.getString("kind"),
                rs.getString("vt"), rs.getLong("passages"), rs.getLong("objects")), args.toArray());
        if (rows.size() > q.maxRows()) {
            throw new TooManyRowsException("interval: the flows have more than " + q.maxRows()
                    + " rows (rfid.analytics.max-rows): use a longer interval, a shorter range or fewer locations");
        }
        return rows;
    }

    // --- travel times ------------------------------------------------------------------------

    @Override
    public TravelTimes travelTimes(TravelQuery q) {
        List<Object> args = new ArrayList<>();
        String travel = travelCte(q, args);
        Object[] stats = jdbc.queryForObject(travel + " SELECT COUNT(*) AS n, MIN(secs) AS lo, MAX(secs) AS hi, AVG(secs) AS mean,"
                        + " PERCENTILE_CONT(0.1) WITHIN GROUP (ORDER BY secs) AS p10, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY secs) AS p50,"
                        + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY secs) AS p90 FROM t",
                (rs, n) -> new Object[] {rs.getLong("n"), number(rs, "lo"), number(rs, "hi"), number(rs, "mean"),
                        number(rs, "p10"), number(rs, "p50"), number(rs, "p90")}, args.toArray());
        long count = (Long) stats[0];
        Double min = (Double) stats[1];
        Double max = (Double) stats[2];
        double width = q.bucketWidth() != null ? q.bucketWidth().toMillis() / 1000.0 : Histograms.niceWidth(min, max);
        List<TravelTimes.Bin> histogram = count == 0 ? List.of() : histogram(q, width);
        return new TravelTimes(count, min, (Double) stats[4], (Double) stats[5], (Double) stats[6], max, (Double) stats[3], width, histogram);
    }

    private List<TravelTimes.Bin> histogram(TravelQuery q, double width) {
        List<Object> args = new ArrayList<>();
        String sql = travelCte(q, args) + " SELECT bin, COUNT(*) AS n FROM (SELECT FLOOR(secs / CAST(? AS NUMERIC(24,6))) AS bin FROM t) h"
                + " GROUP BY bin ORDER BY bin";
        args.add(BigDecimal.valueOf(width));
        Map<Long, Long> counts = new LinkedHashMap<>();
        jdbc.query(sql, rs -> {
            counts.put(rs.getLong("bin"), rs.getLong("n"));
        }, args.toArray());
        return Histograms.dense(counts, width);
    }

    /** CTEs ending in {@code t(secs)}: each sighting at A whose object's next sighting is at B within maxGap. */
    private String travelCte(TravelQuery q, List<Object> args) {
        String place = place(q.level());
        StringBuilder sql = new StringBuilder("WITH seq AS (SELECT ").append(place).append(" AS place, p.first_seen, LEAD(").append(place)
                .append(')').append(BY_OBJECT).append(" AS next_place, LEAD(p.first_seen)").append(BY_OBJECT)
                .append(" AS next_first FROM passage p").append(locationJoin(q.level())).append(BINDING).append(" WHERE ");
        // The next sighting of one seen at A just before 'to' may come up to maxGap later.
        period(sql, args, new Period(q.period().from(), q.period().to().plus(q.maxGap())));
        kind(sql, args, q.kind());
        sql.append("), t AS (SELECT EXTRACT(EPOCH FROM next_first) - EXTRACT(EPOCH FROM first_seen) AS secs FROM seq")
                .append(" WHERE place = ? AND next_place = ? AND first_seen < ? AND next_first <= ").append(plusMillis("first_seen")).append(')');
        Collections.addAll(args, q.placeA(), q.placeB(), Timestamp.from(q.period().to()), q.maxGap().toMillis());
        return sql.toString();
    }

    // --- origin-destination ------------------------------------------------------------------

    @Override
    public OdMatrix originDestination(OdQuery q) {
        List<Object> args = new ArrayList<>();
        String trips = tripsCte(q, args);
        List<OdMatrix.Cell> cells = jdbc.query(trips + " SELECT origin, destination, COUNT(*) AS trips FROM counted GROUP BY origin, destination"
                        + " ORDER BY COUNT(*) DESC, " + text("origin") + ", " + text("destination") + " LIMIT ?",
                (rs, n) -> new OdMatrix.Cell(rs.getString("origin"), rs.getString("destination"), rs.getLong("trips")),
                append(args, q.maxRows() + 1).toArray());
        if (cells.size() > q.maxRows()) {
            throw new TooManyRowsException("level: the matrix has more than " + q.maxRows()
                    + " origin-destination pairs (rfid.analytics.max-rows): use level=checkpoint, a shorter range or a kind");
        }
        List<Object> totalArgs = new ArrayList<>();
        String again = tripsCte(q, totalArgs);
        long[] totals = jdbc.queryForObject(again + " SELECT COUNT(*) AS trips, COUNT(DISTINCT okey) AS objects FROM counted",
                (rs, n) -> new long[] {rs.getLong("trips"), rs.getLong("objects")}, totalArgs.toArray());
        return new OdMatrix(cells, totals[0], totals[1]);
    }

    /**
     * CTEs ending in {@code counted(okey, origin, destination)}: one row per trip. A sighting starts a
     * trip when it begins more than tripGap after the previous one ended, and ends one when the next
     * begins more than tripGap after it ended; a running sum of starts numbers the trips. One window
     * ordering throughout, so the database sorts the period once by object and time.
     */
    private String tripsCte(OdQuery q, List<Object> args) {
        String place = place(q.level());
        StringBuilder sql = new StringBuilder("WITH seq AS (SELECT ").append(OBJECT_KEY).append(" AS okey, ").append(place)
                .append(" AS place, p.id, p.first_seen, p.last_seen, LAG(p.last_seen)").append(BY_OBJECT).append(" AS prev_last, LEAD(p.first_seen)")
                .append(BY_OBJECT).append(" AS next_first FROM passage p").append(locationJoin(q.level())).append(BINDING).append(" WHERE ");
        period(sql, args, q.period());
        kind(sql, args, q.kind());
        sql.append("), flagged AS (SELECT okey, place, id, first_seen,")
                .append(" CASE WHEN prev_last IS NULL OR first_seen > ").append(plusMillis("prev_last")).append(" THEN 1 ELSE 0 END AS starts,")
                .append(" CASE WHEN next_first IS NULL OR next_first > ").append(plusMillis("last_seen")).append(" THEN 1 ELSE 0 END AS ends FROM seq)")
                .append(", trips AS (SELECT okey, place, starts, ends, SUM(starts) OVER (PARTITION BY okey ORDER BY first_seen, id")
                .append(" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS trip FROM flagged)")
                .append(", counted AS (SELECT okey, MAX(CASE WHEN starts = 1 THEN place END) AS origin,")
                .append(" MAX(CASE WHEN ends = 1 THEN place END) AS destination FROM trips GROUP BY okey, trip")
                .append(q.includeSingles() ? "" : " HAVING COUNT(*) >= 2").append(')');
        args.add(q.tripGap().toMillis());
        args.add(q.tripGap().toMillis());
        return sql.toString();
    }

    // --- shared pieces -----------------------------------------------------------------------

    private static String place(Level level) {
        return level == Level.CHECKPOINT ? "COALESCE(l.parent_id, p.location_id)" : "p.location_id";
    }

    private static String locationJoin(Level level) {
        return level == Level.CHECKPOINT ? " LEFT JOIN location l ON l.id = p.location_id" : "";
    }

    private static void period(StringBuilder sql, List<Object> args, Period period) {
        sql.append("p.first_seen >= ? AND p.first_seen < ?");
        args.add(Timestamp.from(period.from()));
        args.add(Timestamp.from(period.to()));
    }

    private static void kind(StringBuilder sql, List<Object> args, String kind) {
        if (kind != null) {
            sql.append(" AND ").append(KIND).append(" = ?");
            args.add(kind);
        }
    }

    /** {@code expression} plus a bound number of milliseconds (the next parameter). */
    private String plusMillis(String expression) {
        return dialect.plusMillis(expression);
    }

    /** Text ordered by code point on both stores, so keyset cursors and pages agree. */
    private String text(String expression) {
        return dialect.codePointOrder(expression);
    }

    private static List<Object> append(List<Object> args, Object value) {
        args.add(value);
        return args;
    }

    private static BigDecimal seconds(Instant t) {
        return BigDecimal.valueOf(t.getEpochSecond()).add(BigDecimal.valueOf(t.getNano(), 9));
    }

    private static BigDecimal seconds(Duration d) {
        return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Double number(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
