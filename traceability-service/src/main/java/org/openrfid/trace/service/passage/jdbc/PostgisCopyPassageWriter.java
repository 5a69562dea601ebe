package org.openrfid.trace.service.passage.jdbc;

import org.openrfid.trace.service.passage.PassageStore;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import javax.sql.DataSource;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.passage.Passage;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Bulk ingest of passages into PostGIS with {@code COPY}: a batch is streamed into a session-local
 * staging table ({@code ON COMMIT DELETE ROWS}), then moved into the partitioned passage table with
 * {@code INSERT ... SELECT ... ON CONFLICT (id, first_seen) DO NOTHING}, in one transaction. Idempotent
 * on the passage id like {@link PassageStore#saveAll}: a batch written twice (a replay after a failure)
 * inserts nothing the second time, and duplicates inside one batch are kept once. Rows land in the day
 * partitions that exist ({@code PassagePartitions}), otherwise in the default partition.
 *
 * <p>Each call takes a connection from the data source; use a pooled data source in production.
 */
public final class PostgisCopyPassageWriter {

    static final String STAGE = "passage_copy_stage";
    private static final String COLUMNS = JdbcPassageStore.COLUMNS;
    /** Bytes handed to the driver per write call. */
    private static final int CHUNK = 1 << 16;

    private final DataSource dataSource;

    public PostgisCopyPassageWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Writes passages bound to no object in one transaction.
     *
     * @return how many were new
     */
    public int write(Collection<Passage> passages) {
        return writeEnriched(passages.stream().map(EnrichedPassage::bare).toList());
    }

    /**
     * Writes the passages with their bound objects in one transaction.
     *
     * @return how many were new
     */
    public int writeEnriched(Collection<EnrichedPassage> passages) {
        if (passages.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                int inserted = writeEnriched(c, passages);
                c.commit();
                return inserted;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("COPY of " + passages.size() + " passages failed: " + e.getMessage(), e);
        }
    }

    /** Writes within the caller's transaction on {@code c} (auto-commit must be off); the caller commits. */
    public static int write(Connection c, Collection<Passage> passages) throws SQLException {
        return writeEnriched(c, passages.stream().map(EnrichedPassage::bare).toList());
    }

    /** Writes within the caller's transaction on {@code c} (auto-commit must be off); the caller commits. */
    public static int writeEnriched(Connection c, Collection<EnrichedPassage> passages) throws SQLException {
        try (Statement s = c.createStatement()) {
            // LIKE copies the columns (not the partitioning); the temp table lives as long as the session.
            s.execute("CREATE TEMP TABLE IF NOT EXISTS " + STAGE + " (LIKE passage INCLUDING DEFAULTS) ON COMMIT DELETE ROWS");
        }
        copy(c, STAGE, passages);
        try (Statement s = c.createStatement()) {
            int inserted = s.executeUpdate("INSERT INTO passage (" + COLUMNS + ") SELECT " + COLUMNS + " FROM " + STAGE
                    + " ON CONFLICT (id, first_seen) DO NOTHING");
            s.execute("TRUNCATE " + STAGE);
            return inserted;
        }
    }

    /**
     * Bulk load of passages known to be new (a backfill, a benchmark load): {@code COPY} straight into
     * {@code table} (a day partition, or a table about to be attached as one), no staging table and no
     * conflict check, so a duplicate id fails the whole COPY instead of being skipped. Compared with
     * {@link #write(Connection, Collection)} in {@code PassageIngestBenchmark}.
     *
     * @return rows copied
     */
    public static long copyNew(Connection c, String table, Collection<Passage> passages) throws SQLException {
        return copy(c, table, passages.stream().map(EnrichedPassage::bare).toList());
    }

    private static long copy(Connection c, String table, Collection<EnrichedPassage> passages) throws SQLException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        CopyIn in = copy.copyIn("COPY " + table + " (" + COLUMNS + ") FROM STDIN WITH (FORMAT csv)");
        try {
            StringBuilder sb = new StringBuilder(CHUNK + 1024);
            for (EnrichedPassage p : passages) {
                row(sb, p);
                if (sb.length() >= CHUNK) {
                    flush(in, sb);
                }
            }
            flush(in, sb);
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static void flush(CopyIn in, StringBuilder sb) throws SQLException {
        if (sb.length() > 0) {
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            sb.setLength(0);
        }
    }

    /** One CSV line: text quoted (so an empty text is not NULL), NULL as an empty unquoted field. */
    static void row(StringBuilder sb, EnrichedPassage e) {
        Passage p = e.passage();
        quoted(sb, p.id()).append(',');
        quoted(sb, p.epc().toHex()).append(',');
        sb.append(p.epc().bitLength()).append(',');
        quoted(sb, p.tagUri()).append(',');
        quoted(sb, p.locationId()).append(',');
        quoted(sb, p.readerId()).append(',');
        sb.append(p.antenna()).append(',');
        sb.append(p.firstSeen()).append(',');
        sb.append(p.lastSeen()).append(',');
        sb.append(p.reads()).append(',');
        if (!Double.isNaN(p.peakRssiDbm())) {
            sb.append(p.peakRssiDbm());
        }
        sb.append(',');
        quoted(sb, p.direction().name()).append(',');
        sb.append(p.lane()).append(',');
        quoted(sb, arrayLiteral(p.readPoints())).append(',');
        quoted(sb, e.object() == null ? null : e.object().kind().name()).append(',');
        quoted(sb, e.object() == null ? null : e.object().id()).append(',');
        quoted(sb, p.tid()).append(',');
        quoted(sb, p.otherTid()).append('\n');
    }

    /** A PostgreSQL text[] literal, {@code {"a","b"}}, each element quoted with {@code \\} and {@code "} escaped. */
    static String arrayLiteral(java.util.List<String> items) {
        StringBuilder a = new StringBuilder(2 + items.size() * 16).append('{');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                a.append(',');
            }
            a.append('"');
            String s = items.get(i);
            for (int j = 0; j < s.length(); j++) {
                char ch = s.charAt(j);
                if (ch == '"' || ch == '\\') {
                    a.append('\\');
                }
                a.append(ch);
            }
            a.append('"');
        }
        return a.append('}').toString();
    }

    private static StringBuilder quoted(StringBuilder sb, String s) {
        if (s == null) {
            return sb;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"') {
                sb.append('"');
            }
            sb.append(ch);
        }
        return sb.append('"');
    }
}
