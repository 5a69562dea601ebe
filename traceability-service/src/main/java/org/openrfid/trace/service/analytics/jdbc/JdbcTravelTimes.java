package org.openrfid.trace.service.analytics.jdbc;

import static org.openrfid.trace.service.analytics.jdbc.AnalyticsSql.BINDING;
import static org.openrfid.trace.service.analytics.jdbc.AnalyticsSql.BY_OBJECT;
import static org.openrfid.trace.service.analytics.jdbc.AnalyticsSql.kind;
import static org.openrfid.trace.service.analytics.jdbc.AnalyticsSql.locationJoin;
import static org.openrfid.trace.service.analytics.jdbc.AnalyticsSql.number;
import static org.openrfid.trace.service.analytics.jdbc.AnalyticsSql.period;
import static org.openrfid.trace.service.analytics.jdbc.AnalyticsSql.place;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrfid.trace.service.analytics.Histograms;
import org.openrfid.trace.service.analytics.Period;
import org.openrfid.trace.service.analytics.TravelQuery;
import org.openrfid.trace.service.analytics.TravelTimes;
import org.openrfid.trace.service.platform.sql.SqlDialect;
import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.service.privacy.jdbc.ScopeSql;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Travel times from place A to place B: the statistics ({@code PERCENTILE_CONT}) in one statement and
 * the histogram in a second, both over each object's next sighting ({@code LEAD}). One scan of the
 * period sorted by object, O(N log N), per statement.
 */
final class JdbcTravelTimes {

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

    JdbcTravelTimes(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    TravelTimes travelTimes(TravelQuery q, Scope scope) {
        List<Object> args = new ArrayList<>();
        String travel = travelCte(q, scope, args);
        Object[] stats = jdbc.queryForObject(travel + " SELECT COUNT(*) AS n, MIN(secs) AS lo, MAX(secs) AS hi, AVG(secs) AS mean,"
                        + " PERCENTILE_CONT(0.1) WITHIN GROUP (ORDER BY secs) AS p10, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY secs) AS p50,"
                        + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY secs) AS p90 FROM t",
                (rs, n) -> new Object[] {rs.getLong("n"), number(rs, "lo"), number(rs, "hi"), number(rs, "mean"),
                        number(rs, "p10"), number(rs, "p50"), number(rs, "p90")}, args.toArray());
        long count = (Long) stats[0];
        Double min = (Double) stats[1];
        Double max = (Double) stats[2];
        double width = q.bucketWidth() != null ? q.bucketWidth().toMillis() / 1000.0 : Histograms.niceWidth(min, max);
        List<TravelTimes.Bin> histogram = count == 0 ? List.of() : histogram(q, scope, width);
        return new TravelTimes(count, min, (Double) stats[4], (Double) stats[5], (Double) stats[6], max, (Double) stats[3], width, histogram);
    }

    private List<TravelTimes.Bin> histogram(TravelQuery q, Scope scope, double width) {
        List<Object> args = new ArrayList<>();
        String sql = travelCte(q, scope, args) + " SELECT bin, COUNT(*) AS n FROM (SELECT FLOOR(secs / CAST(? AS NUMERIC(24,6))) AS bin FROM t) h"
                + " GROUP BY bin ORDER BY bin";
        args.add(BigDecimal.valueOf(width));
        Map<Long, Long> counts = new LinkedHashMap<>();
        jdbc.query(sql, rs -> {
            counts.put(rs.getLong("bin"), rs.getLong("n"));
        }, args.toArray());
        return Histograms.dense(counts, width);
    }

    /** CTEs ending in {@code t(secs)}: each sighting at A whose object's next sighting is at B within maxGap. */
    private String travelCte(TravelQuery q, Scope scope, List<Object> args) {
        String place = place(q.level());
        StringBuilder sql = new StringBuilder("WITH seq AS (SELECT ").append(place).append(" AS place, p.first_seen, LEAD(").append(place)
                .append(')').append(BY_OBJECT).append(" AS next_place, LEAD(p.first_seen)").append(BY_OBJECT)
                .append(" AS next_first FROM passage p").append(locationJoin(q.level())).append(BINDING).append(" WHERE ");
        // The next sighting of one seen at A just before 'to' may come up to maxGap later.
        period(sql, args, new Period(q.period().from(), q.period().to().plus(q.maxGap())));
        kind(sql, args, q.kind());
        ScopeSql.kinds(scope, "b.object_kind", "p.location_id", sql, args);
        sql.append("), t AS (SELECT EXTRACT(EPOCH FROM next_first) - EXTRACT(EPOCH FROM first_seen) AS secs FROM seq")
                .append(" WHERE place = ? AND next_place = ? AND first_seen < ? AND next_first <= ")
                .append(dialect.plusMillis("first_seen")).append(')');
        Collections.addAll(args, q.placeA(), q.placeB(), Timestamp.from(q.period().to()), q.maxGap().toMillis());
        return sql.toString();
    }
}
