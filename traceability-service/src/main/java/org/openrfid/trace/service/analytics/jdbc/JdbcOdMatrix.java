package org.openrfid.trace.service.analytics.jdbc;

import static org.openrfid.trace.service.analytics.jdbc.AnalyticsSql.BINDING;
import static org.openrfid.trace.service.analytics.jdbc.AnalyticsSql.BY_OBJECT;
import static org.openrfid.trace.service.analytics.jdbc.AnalyticsSql.OBJECT_KEY;
import static org.openrfid.trace.service.analytics.jdbc.AnalyticsSql.kind;
import static org.openrfid.trace.service.analytics.jdbc.AnalyticsSql.locationJoin;
import static org.openrfid.trace.service.analytics.jdbc.AnalyticsSql.period;
import static org.openrfid.trace.service.analytics.jdbc.AnalyticsSql.place;

import java.util.ArrayList;
import java.util.List;
import org.openrfid.trace.service.analytics.Analytics.TooManyRowsException;
import org.openrfid.trace.service.analytics.OdMatrix;
import org.openrfid.trace.service.analytics.OdQuery;
import org.openrfid.trace.service.platform.sql.SqlDialect;
import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.service.privacy.jdbc.ScopeSql;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The origin-destination matrix: trips counted by where they began and ended, and the totals. One scan
 * of the period sorted by object, O(N log N), for the cells and again for the totals.
 */
final class JdbcOdMatrix {

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

    JdbcOdMatrix(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    OdMatrix originDestination(OdQuery q, Scope scope) {
        List<Object> args = new ArrayList<>();
        String trips = tripsCte(q, scope, args);
        // One row more than allowed tells that the answer would be cut.
        args.add(q.maxRows() + 1);
        List<OdMatrix.Cell> cells = jdbc.query(trips + " SELECT origin, destination, COUNT(*) AS trips FROM counted GROUP BY origin, destination"
                        + " ORDER BY COUNT(*) DESC, " + dialect.codePointOrder("origin") + ", " + dialect.codePointOrder("destination")
                        + " LIMIT ?",
                (rs, n) -> new OdMatrix.Cell(rs.getString("origin"), rs.getString("destination"), rs.getLong("trips")),
                args.toArray());
        if (cells.size() > q.maxRows()) {
            throw new TooManyRowsException("level: the matrix has more than " + q.maxRows()
                    + " origin-destination pairs (rfid.analytics.max-rows): use level=checkpoint, a shorter range or a kind");
        }
        List<Object> totalArgs = new ArrayList<>();
        String again = tripsCte(q, scope, totalArgs);
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
    private String tripsCte(OdQuery q, Scope scope, List<Object> args) {
        String place = place(q.level());
        StringBuilder sql = new StringBuilder("WITH seq AS (SELECT ").append(OBJECT_KEY).append(" AS okey, ").append(place)
                .append(" AS place, p.id, p.first_seen, p.last_seen, LAG(p.last_seen)").append(BY_OBJECT).append(" AS prev_last, LEAD(p.first_seen)")
                .append(BY_OBJECT).append(" AS next_first FROM passage p").append(locationJoin(q.level())).append(BINDING).append(" WHERE ");
        period(sql, args, q.period());
        kind(sql, args, q.kind());
        ScopeSql.kinds(scope, "b.object_kind", "p.location_id", sql, args);
        sql.append("), flagged AS (SELECT okey, place, id, first_seen,")
                .append(" CASE WHEN prev_last IS NULL OR first_seen > ").append(dialect.plusMillis("prev_last"))
                .append(" THEN 1 ELSE 0 END AS starts,")
                .append(" CASE WHEN next_first IS NULL OR next_first > ").append(dialect.plusMillis("last_seen"))
                .append(" THEN 1 ELSE 0 END AS ends FROM seq)")
                .append(", trips AS (SELECT okey, place, starts, ends, SUM(starts) OVER (PARTITION BY okey ORDER BY first_seen, id")
                .append(" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS trip FROM flagged)")
                .append(", counted AS (SELECT okey, MAX(CASE WHEN starts = 1 THEN place END) AS origin,")
                .append(" MAX(CASE WHEN ends = 1 THEN place END) AS destination FROM trips GROUP BY okey, trip")
                .append(q.includeSingles() ? "" : " HAVING COUNT(*) >= 2").append(')');
        args.add(q.tripGap().toMillis());
        args.add(q.tripGap().toMillis());
        return sql.toString();
    }
}
