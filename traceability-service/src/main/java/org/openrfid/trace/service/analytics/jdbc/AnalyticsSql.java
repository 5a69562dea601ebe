package org.openrfid.trace.service.analytics.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.openrfid.trace.service.analytics.Level;
import org.openrfid.trace.service.analytics.Period;

/**
 * The SQL every analytics query shares, alike on both stores: how a passage finds its object (the
 * binding valid at its first-seen time, or the tag itself), its place at a level, the period filter,
 * and the conversions of bound values and result columns. What differs between the stores is asked
 * of {@link org.openrfid.trace.service.platform.sql.SqlDialect} by the queries themselves.
 */
final class AnalyticsSql {

    /** The binding valid when passage {@code p} was first seen; none for a tag bound to nothing. */
    static final String BINDING = " LEFT JOIN tag_binding b ON b.epc_hex = p.epc_hex AND b.valid_from <= p.first_seen"
            + " AND (b.valid_to IS NULL OR b.valid_to > p.first_seen)";
    /** The passage's object kind, {@code TAG} for an unbound tag. */
    static final String KIND = "COALESCE(b.object_kind, 'TAG')";
    /** One key per object (an unbound tag is its own object), for counting and partitioning. */
    static final String OBJECT_KEY = "COALESCE(b.object_kind || ':' || b.object_id, 'TAG:' || p.epc_hex)";
    /** A window over each object's passages in time order (the id breaks ties, so the order is total). */
    static final String BY_OBJECT = " OVER (PARTITION BY " + OBJECT_KEY + " ORDER BY p.first_seen, p.id)";

    private AnalyticsSql() {
    }

    /** Passage {@code p}'s place at {@code level}; needs {@link #locationJoin(Level)}. */
    static String place(Level level) {
        return level == Level.CHECKPOINT ? "COALESCE(l.parent_id, p.location_id)" : "p.location_id";
    }

    /** The join {@link #place(Level)} needs: the location's parent at checkpoint level, nothing otherwise. */
    static String locationJoin(Level level) {
        return level == Level.CHECKPOINT ? " LEFT JOIN location l ON l.id = p.location_id" : "";
    }

    /** Passages first seen in the half-open {@code period} (two bound parameters). */
    static void period(StringBuilder sql, List<Object> args, Period period) {
        sql.append("p.first_seen >= ? AND p.first_seen < ?");
        args.add(Timestamp.from(period.from()));
        args.add(Timestamp.from(period.to()));
    }

    /** Only objects of {@code kind}, when one is asked for. */
    static void kind(StringBuilder sql, List<Object> args, String kind) {
        if (kind != null) {
            sql.append(" AND ").append(KIND).append(" = ?");
            args.add(kind);
        }
    }

    /** Exact seconds since the epoch: bucket arithmetic in the database must not lose the nanoseconds. */
    static BigDecimal seconds(Instant t) {
        return BigDecimal.valueOf(t.getEpochSecond()).add(BigDecimal.valueOf(t.getNano(), 9));
    }

    static BigDecimal seconds(Duration d) {
        return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** A nullable number column: an aggregate over no rows is NULL, not 0. */
    static Double number(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
