package org.openrfid.trace.service.passage.jdbc;

import org.openrfid.trace.service.passage.PassageStore;
import org.openrfid.trace.service.platform.sql.SqlColumn;
import org.openrfid.trace.service.platform.sql.SqlDialect;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Collection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.service.privacy.jdbc.ScopeSql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The passage store over JDBC; the dialect decides the idempotent insert (H2GIS MERGE, PostGIS
 * ON CONFLICT DO NOTHING). Batches go in one transaction so a failed batch leaves nothing behind
 * and can simply be retried. On PostGIS, batches of at least {@code copyMinBatch} passages go
 * through {@link PostgisCopyPassageWriter} ({@code COPY} is several times faster than batched
 * inserts for large batches, and slower to set up for small ones).
 */
class JdbcPassageStore implements PassageStore {

    static final String COLUMNS = "id, epc_hex, epc_bits, tag_uri, location_id, reader_id, antenna, first_seen, last_seen, reads,"
            + " peak_rssi, direction, lane, read_points, object_kind, object_id, tid, tid_other";

    /** {@link #COLUMNS} with the H2 types their bound values are cast to in a MERGE source. */
    private static final List<SqlColumn> INSERT_COLUMNS = List.of(
            SqlColumn.bound("id", "VARCHAR"), SqlColumn.bound("epc_hex", "VARCHAR"), SqlColumn.bound("epc_bits", "INT"),
            SqlColumn.bound("tag_uri", "VARCHAR"), SqlColumn.bound("location_id", "VARCHAR"), SqlColumn.bound("reader_id", "VARCHAR"),
            SqlColumn.bound("antenna", "INT"), SqlColumn.bound("first_seen", "TIMESTAMP WITH TIME ZONE"),
            SqlColumn.bound("last_seen", "TIMESTAMP WITH TIME ZONE"), SqlColumn.bound("reads", "INT"),
            SqlColumn.bound("peak_rssi", "DOUBLE PRECISION"), SqlColumn.bound("direction", "VARCHAR"), SqlColumn.bound("lane", "INT"),
            SqlColumn.bound("read_points", "VARCHAR(128) ARRAY"), SqlColumn.bound("object_kind", "VARCHAR"),
            SqlColumn.bound("object_id", "VARCHAR"), SqlColumn.bound("tid", "VARCHAR"), SqlColumn.bound("tid_other", "VARCHAR"));

    /**
     * The idempotent insert of one passage, by id; on PostGIS the primary key also holds {@code first_seen}, the
     * partition column (an id fixes the first-seen time, so the two keys are equally unique).
     */
    static String insertStatement(SqlDialect dialect) {
        return dialect.insertIfAbsent("passage", List.of("id"), List.of("first_seen"), INSERT_COLUMNS);
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final SqlDialect dialect;
    private final String insert;
    private final PostgisCopyPassageWriter copy;
    private final int copyMinBatch;

    JdbcPassageStore(JdbcTemplate jdbc, TransactionTemplate tx, SqlDialect dialect) {
        this(jdbc, tx, dialect, Integer.MAX_VALUE);
    }

    /** @param copyMinBatch the smallest batch written with COPY on PostGIS ({@code Integer.MAX_VALUE}: never) */
    JdbcPassageStore(JdbcTemplate jdbc, TransactionTemplate tx, SqlDialect dialect, int copyMinBatch) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.dialect = dialect;
        this.insert = insertStatement(dialect);
        this.copyMinBatch = Math.max(1, copyMinBatch);
        this.copy = dialect.supportsCopy() ? new PostgisCopyPassageWriter(jdbc.getDataSource()) : null;
    }

    @Override
    public int saveEnriched(Collection<EnrichedPassage> passages) {
        if (passages.isEmpty()) {
            return 0;
        }
        try {
            return write(passages);
        } catch (RuntimeException e) {
            String state = dataState(e);
            if (state != null) {
                throw new RefusedPassagesException("the store refused " + passages.size() + " passages (SQLState " + state + "): "
                        + rootMessage(e), e);
            }
            throw e;
        }
    }

    /** SQLState of a data exception (class 22) or integrity violation (class 23) in the cause chain, else null. */
    static String dataState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("22") || s.getSQLState().startsWith("23"))) {
                return s.getSQLState();
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = String.valueOf(root.getMessage());
        return m.length() > 300 ? m.substring(0, 300) : m;
    }

    private int write(Collection<EnrichedPassage> passages) {
        if (copy != null && passages.size() >= copyMinBatch) {
            return copy.writeEnriched(passages);
        }
        List<EnrichedPassage> batch = List.copyOf(passages);
        int[][] counts = tx.execute(status -> jdbc.batchUpdate(insert, batch, 500, JdbcPassageStore::bind));
        int inserted = 0;
        for (int[] chunk : counts) {
            for (int n : chunk) {
                inserted += n == java.sql.Statement.SUCCESS_NO_INFO ? 1 : Math.max(n, 0);
            }
        }
        return inserted;
    }

    @Override
    public List<Passage> latest(Scope scope, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM passage p WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        ScopeSql.restrictTo(scope, "p.object_kind", "p.object_id", "p.location_id", sql, args);
        args.add(limit);
        return jdbc.query(sql.append(" ORDER BY first_seen DESC, id DESC LIMIT ?").toString(), PassageRows.ENRICHED, args.toArray())
                .stream().map(EnrichedPassage::passage).toList();
    }

    @Override
    public Optional<Passage> find(String id) {
        return findEnriched(id).map(EnrichedPassage::passage);
    }

    @Override
    public Optional<EnrichedPassage> findEnriched(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM passage WHERE id = ?", PassageRows.ENRICHED, id).stream().findFirst();
    }

    @Override
    public long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM passage", Long.class);
        return n == null ? 0 : n;
    }

    private static void bind(PreparedStatement ps, EnrichedPassage e) throws SQLException {
        Passage p = e.passage();
        ps.setString(1, p.id());
        ps.setString(2, p.epc().toHex());
        ps.setInt(3, p.epc().bitLength());
        ps.setString(4, p.tagUri());
        ps.setString(5, p.locationId());
        ps.setString(6, p.readerId());
        ps.setInt(7, p.antenna());
        ps.setTimestamp(8, Timestamp.from(p.firstSeen()));
        ps.setTimestamp(9, Timestamp.from(p.lastSeen()));
        ps.setInt(10, p.reads());
        if (Double.isNaN(p.peakRssiDbm())) {
            ps.setNull(11, Types.DOUBLE);
        } else {
            ps.setDouble(11, p.peakRssiDbm());
        }
        ps.setString(12, p.direction().name());
        ps.setInt(13, p.lane());
        ps.setArray(14, ps.getConnection().createArrayOf("varchar", p.readPoints().toArray()));
        ps.setString(15, e.object() == null ? null : e.object().kind().name());
        ps.setString(16, e.object() == null ? null : e.object().id());
        ps.setString(17, p.tid());
        ps.setString(18, p.otherTid());
    }
}
