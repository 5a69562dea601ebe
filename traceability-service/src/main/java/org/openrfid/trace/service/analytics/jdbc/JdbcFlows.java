package org.openrfid.trace.service.analytics.jdbc;

import static org.openrfid.trace.service.analytics.jdbc.AnalyticsSql.BINDING;
import static org.openrfid.trace.service.analytics.jdbc.AnalyticsSql.KIND;
import static org.openrfid.trace.service.analytics.jdbc.AnalyticsSql.OBJECT_KEY;
import static org.openrfid.trace.service.analytics.jdbc.AnalyticsSql.locationJoin;
import static org.openrfid.trace.service.analytics.jdbc.AnalyticsSql.period;
import static org.openrfid.trace.service.analytics.jdbc.AnalyticsSql.place;
import static org.openrfid.trace.service.platform.sql.Sql.marks;
import static org.openrfid.trace.service.analytics.jdbc.AnalyticsSql.seconds;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.openrfid.trace.service.analytics.Analytics.TooManyRowsException;
import org.openrfid.trace.service.analytics.FlowQuery;
import org.openrfid.trace.service.analytics.FlowRow;
import org.openrfid.trace.service.platform.sql.SqlDialect;
import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.service.privacy.jdbc.ScopeSql;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Flows: passages and distinct objects per interval, place, kind and (optionally) vehicle type. One
 * scan of the period, O(N) plus the grouping; the intervals are counted from the period's start in
 * exact seconds, so buckets do not drift whatever the interval.
 */
final class JdbcFlows {

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

    JdbcFlows(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    List<FlowRow> flows(FlowQuery q, Scope scope) {
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
            sql.append(" AND ").append(place(q.level())).append(" IN (").append(marks(q.places().size())).append(')');
            args.addAll(q.places().stream().sorted().toList());
        }
        ScopeSql.kinds(scope, "b.object_kind", "p.location_id", sql, args);
        sql.append(") x GROUP BY bucket, place, kind, vt ORDER BY bucket, ").append(dialect.codePointOrder("place"))
                .append(", ").append(dialect.codePointOrder("kind")).append(", ").append(dialect.codePointOrder("vt"))
                .append(" NULLS LAST LIMIT ?");
        // One row more than allowed tells that the answer would be cut.
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
}
