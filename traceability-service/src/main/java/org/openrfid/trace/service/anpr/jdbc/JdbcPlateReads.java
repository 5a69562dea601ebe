package org.openrfid.trace.service.anpr.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrfid.trace.service.anpr.PlateRead;
import org.openrfid.trace.service.anpr.PlateReadQuery;
import org.openrfid.trace.service.anpr.PlateReads;
import org.openrfid.trace.service.platform.sql.SqlColumn;
import org.openrfid.trace.service.platform.sql.SqlDialect;
import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.service.privacy.jdbc.ScopeSql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plate reads over JDBC, the same SQL on H2GIS and PostGIS but for the idempotent insert (the dialect's).
 * A read names its vehicle by plate only: where the registry is needed (the privacy scope, retention of
 * watchlisted vehicles) the plate is turned into the registry's display form ({@code 渝A12345} →
 * {@code 渝A·12345}) so the vehicle table's unique plate index finds it.
 */
final class JdbcPlateReads implements PlateReads {

    private static final String COLUMNS = "id, camera_id, location_id, plate, plate_colour, confidence, read_at, direction, received_at";
    private static final List<SqlColumn> INSERT = List.of(SqlColumn.bound("id", "BIGINT"), SqlColumn.bound("camera_id", "VARCHAR"),
            SqlColumn.bound("location_id", "VARCHAR"), SqlColumn.bound("plate", "VARCHAR"), SqlColumn.bound("plate_colour", "VARCHAR"),
            SqlColumn.bound("confidence", "DOUBLE PRECISION"), SqlColumn.bound("read_at", "TIMESTAMP WITH TIME ZONE"),
            SqlColumn.bound("direction", "VARCHAR"), SqlColumn.bound("received_at", "TIMESTAMP WITH TIME ZONE"));
    /** The registry's display form of a read's plate: province and letter, a middle dot, the rest. */
    static final String DISPLAY_PLATE = "(SUBSTRING(pr.plate, 1, 2) || '\u00B7' || SUBSTRING(pr.plate, 3))";
    private static final String VEHICLE_OF_READ = "(SELECT CAST(v.id AS VARCHAR(64)) FROM vehicle v WHERE v.plate = " + DISPLAY_PLATE + ")";

    private static final RowMapper<PlateRead> ROW = JdbcPlateReads::row;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final SqlDialect dialect;
    private final String insert;

    JdbcPlateReads(JdbcTemplate jdbc, TransactionTemplate tx, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.dialect = dialect;
        this.insert = dialect.insertIfAbsent("plate_read", List.of("id"), INSERT);
    }

    @Override
    public List<PlateRead> saveAll(Collection<PlateRead> reads) {
        Map<Long, PlateRead> unique = new LinkedHashMap<>();
        for (PlateRead r : reads) {
            if (r.id() == 0) {
                throw new IllegalArgumentException("a plate read needs its id (PlateReadIds) before it is stored");
            }
            unique.putIfAbsent(r.id(), r);
        }
        if (unique.isEmpty()) {
            return List.of();
        }
        List<PlateRead> batch = new ArrayList<>(unique.values());
        int[][] counts = tx.execute(status -> jdbc.batchUpdate(insert, batch, 500, (ps, r) -> {
            ps.setLong(1, r.id());
            ps.setString(2, r.cameraId());
            ps.setString(3, r.locationId());
            ps.setString(4, r.plate());
            ps.setString(5, r.plateColour());
            if (Double.isNaN(r.confidence())) {
                ps.setNull(6, Types.DOUBLE);
            } else {
                ps.setDouble(6, r.confidence());
            }
            ps.setTimestamp(7, Timestamp.from(r.timestamp()));
            ps.setString(8, r.direction());
            ps.setTimestamp(9, r.receivedAt() == null ? Timestamp.from(r.timestamp()) : Timestamp.from(r.receivedAt()));
        }));
        List<PlateRead> fresh = new ArrayList<>();
        int i = 0;
        for (int[] chunk : counts) {
            for (int n : chunk) {
                // A driver that cannot tell (SUCCESS_NO_INFO) is taken at its word that the row went in.
                if (n != 0) {
                    fresh.add(batch.get(i));
                }
                i++;
            }
        }
        return fresh;
    }

    @Override
    public List<PlateRead> find(PlateReadQuery q, Scope scope, PageKey after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + prefixed() + " FROM plate_read pr WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.plate() != null) {
            sql.append(" AND pr.plate = ?");
            args.add(q.plate());
        }
        if (q.locationId() != null) {
            sql.append(" AND pr.location_id = ?");
            args.add(q.locationId());
        }
        if (q.from() != null) {
            sql.append(" AND pr.read_at >= ?");
            args.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            sql.append(" AND pr.read_at < ?");
            args.add(Timestamp.from(q.to()));
        }
        if (after != null) {
            Timestamp t = Timestamp.from(after.timestamp());
            sql.append(" AND (pr.read_at < ? OR (pr.read_at = ? AND pr.id < ?))");
            args.add(t);
            args.add(t);
            args.add(after.id());
        }
        // A plate is a vehicle: the caller's vehicle scope applies (places, restricted vehicles).
        ScopeSql.restrictTo(scope, "'VEHICLE'", VEHICLE_OF_READ, "pr.location_id", sql, args);
        sql.append(" ORDER BY pr.read_at DESC, pr.id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    @Override
    public long deleteOlderThan(Instant cutoff, Instant watchlistedCutoff, Instant now) {
        if (watchlistedCutoff.isAfter(cutoff)) {
            throw new IllegalArgumentException("watchlisted reads are kept at least as long as the others");
        }
        Timestamp at = Timestamp.from(now);
        String watchlisted = "EXISTS (SELECT 1 FROM vehicle v JOIN watchlist_entry w ON w.object_kind = 'VEHICLE'"
                + " AND w.object_id = CAST(v.id AS VARCHAR(64)) WHERE v.plate = " + DISPLAY_PLATE.replace("pr.", "plate_read.")
                + " AND w.valid_from <= ? AND (w.valid_to IS NULL OR w.valid_to > ?))";
        Long n = tx.execute(status -> {
            if (dialect == SqlDialect.POSTGIS) {
                // Like passage retention: a long-neglected table may take longer than the statement timeout.
                jdbc.execute("SET LOCAL statement_timeout = 0");
            }
            long plain = jdbc.update("DELETE FROM plate_read WHERE read_at < ? AND NOT " + watchlisted, Timestamp.from(cutoff), at, at);
            long watched = jdbc.update("DELETE FROM plate_read WHERE read_at < ?", Timestamp.from(watchlistedCutoff));
            return plain + watched;
        });
        return n == null ? 0 : n;
    }

    private static String prefixed() {
        return "pr." + COLUMNS.replace(", ", ", pr.");
    }

    private static PlateRead row(ResultSet rs, int n) throws SQLException {
        double confidence = rs.getDouble("confidence");
        if (rs.wasNull()) {
            confidence = Double.NaN;
        }
        return new PlateRead(rs.getLong("id"), rs.getString("camera_id"), rs.getString("location_id"), rs.getString("plate"),
                rs.getString("plate_colour"), confidence, rs.getTimestamp("read_at").toInstant(), rs.getString("direction"),
                rs.getTimestamp("received_at").toInstant());
    }
}
