package org.openrfid.trace.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageId;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.store.PostgisCopyPassageWriter;
import org.openrfid.trace.store.TestStores;
import org.openrfid.trace.testsupport.PostgisTestDatabase;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ingest into PostGIS with all the passage indexes (PK, two B-trees, time B-tree, BRIN) into day
 * partitions: {@code COPY} via {@link PostgisCopyPassageWriter} vs the store's batched INSERT
 * ({@code PassageStore.saveAll}, 500 statements per JDBC batch) vs row-by-row auto-committed INSERTs.
 * Each method starts from an empty passage table in a fresh schema of {@code rfid_test}; time is the
 * database time only (passages are generated before each batch is timed). Not a surefire test: run
 *
 * <pre>
 * mvn -o -q -pl traceability-service test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -cp traceability-service/target/classes:traceability-service/target/test-classes:$(cat /tmp/cp.txt) \
 *     org.openrfid.trace.bench.PassageIngestBenchmark [--rows 2000000] [--row-by-row-rows 20000] [--batch 10000] [--days 2] [--keep]
 * </pre>
 */
public final class PassageIngestBenchmark {

    static final LocalDate START = LocalDate.of(2025, 6, 2);
    static final int LOCATIONS = 214;
    static final int VEHICLES = 100_000;

    public static void main(String[] args) throws Exception {
        long rows = 2_000_000;
        long rowByRow = 20_000;
        int batch = 10_000;
        int days = 2;
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i].replace("_", ""));
                case "--row-by-row-rows" -> rowByRow = Long.parseLong(args[++i].replace("_", ""));
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--days" -> days = Integer.parseInt(args[++i]);
                case "--keep" -> keep = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; options: --rows N --row-by-row-rows N --batch N --days N --keep");
            }
        }
        PostgisTestDatabase db = PostgisTestDatabase.createSchema();
        System.out.printf(Locale.ROOT, "schema %s in %s; %,d passages over %d day partition(s), batches of %,d%n",
                db.schema(), PostgisTestDatabase.URL, rows, days, batch);
        SingleConnectionDataSource ds = new SingleConnectionDataSource(db.dataSource().getConnection(), true);
        try {
            Flyway.configure().dataSource(ds).schemas(db.schema()).locations("classpath:db/migration/postgresql").load().migrate();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                for (int d = -1; d <= days; d++) {
                    LocalDate day = START.plusDays(d);
                    s.execute("CREATE TABLE IF NOT EXISTS passage_" + day.toString().replace("-", "") + " PARTITION OF passage FOR VALUES FROM ('"
                            + day + " 00:00:00+00') TO ('" + day.plusDays(1) + " 00:00:00+00')");
                }
            }
            Generator gen = new Generator(rows, days);
            List<String[]> table = new ArrayList<>();
            table.add(run("COPY (staging + INSERT ON CONFLICT)", ds, gen, rows, batch, Method.COPY));
            table.add(run("batched INSERT (PassageStore.saveAll)", ds, gen, rows, batch, Method.BATCHED));
            table.add(run("row-by-row INSERT (autocommit)", ds, gen, Math.min(rowByRow, rows), batch, Method.ROW));
            System.out.println();
            System.out.printf(Locale.ROOT, "| %-38s | %12s | %9s | %10s |%n", "method", "rows", "seconds", "rows/s");
            System.out.printf(Locale.ROOT, "|%s|%s|%s|%s|%n", "-".repeat(40), "-".repeat(14), "-".repeat(11), "-".repeat(12));
            for (String[] r : table) {
                System.out.printf(Locale.ROOT, "| %-38s | %12s | %9s | %10s |%n", (Object[]) r);
            }
        } finally {
            ds.destroy();
            if (!keep) {
                db.drop();
            }
        }
    }

    enum Method { COPY, BATCHED, ROW }

    private static String[] run(String name, SingleConnectionDataSource ds, Generator gen, long rows, int batch, Method method) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE passage");
            s.execute("CHECKPOINT");
        }
        TestStores stores = new TestStores(ds, new TransactionTemplate(new DataSourceTransactionManager(ds)), Clock.systemUTC());
        long nanos = 0;
        long inserted = 0;
        long step = Math.max(1, gen.total / rows);
        long index = 0;
        long reportEvery = Math.max(rows / 10, batch);
        long nextReport = reportEvery;
        while (index < rows) {
            int n = (int) Math.min(batch, rows - index);
            List<Passage> passages = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                passages.add(gen.passage((index + i) * step));
            }
            long t0 = System.nanoTime();
            switch (method) {
                case COPY -> {
                    try (Connection c = ds.getConnection()) {
                        c.setAutoCommit(false);
                        inserted += PostgisCopyPassageWriter.write(c, passages);
                        c.commit();
                        c.setAutoCommit(true);
                    }
                }
                case BATCHED -> inserted += stores.passages.saveAll(passages);
                case ROW -> inserted += rowByRow(ds, passages);
            }
            nanos += System.nanoTime() - t0;
            index += n;
            if (index >= nextReport) {
                System.out.printf(Locale.ROOT, "  %s: %,d rows, %,.0f rows/s so far%n", name, index, index / (nanos / 1e9));
                nextReport += reportEvery;
            }
        }
        double seconds = nanos / 1e9;
        if (inserted != rows) {
            throw new IllegalStateException(name + ": inserted " + inserted + " of " + rows);
        }
        return new String[] {name, String.format(Locale.ROOT, "%,d", rows), String.format(Locale.ROOT, "%.1f", seconds),
                String.format(Locale.ROOT, "%,.0f", rows / seconds)};
    }

    private static int rowByRow(DataSource ds, List<Passage> passages) throws SQLException {
        int n = 0;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO passage (id, epc_hex, epc_bits, tag_uri, location_id, reader_id, antenna, first_seen, last_seen, reads,"
                        + " peak_rssi, direction) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id, first_seen) DO NOTHING")) {
            c.setAutoCommit(true);
            for (Passage p : passages) {
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
                n += ps.executeUpdate();
            }
        }
        return n;
    }

    /**
     * Passage {@code i} of {@code total}, deterministic: time order over the days (as a live feed
     * arrives), 100,000 vehicles (GIAI-96 EPCs of the sample world), 214 checkpoint lanes.
     */
    static final class Generator {
        final long total;
        final long startMicros;
        final long spanMicros;

        Generator(long total, int days) {
            this.total = total;
            this.startMicros = Instants.toMicros(START.atStartOfDay(ZoneOffset.UTC).toInstant());
            this.spanMicros = days * 86_400_000_000L;
        }

        Passage passage(long i) {
            long mix = i * 0x9E3779B97F4A7C15L;
            int vehicle = (int) Long.remainderUnsigned(mix >>> 7, VEHICLES);
            int lane = (int) Long.remainderUnsigned(mix >>> 29, LOCATIONS);
            RawEpc epc = RawEpc.ofHex(String.format(Locale.ROOT, "3416451DA4000000%08X", 100_000_000 + vehicle));
            String location = String.format(Locale.ROOT, "CQ-CP-%03d-L%d", lane / 5 + 1, lane % 5 + 1);
            long micros = startMicros + (long) ((double) i / total * spanMicros) + Long.remainderUnsigned(mix >>> 40, 1000);
            Instant first = Instants.ofMicros(micros);
            return new Passage(PassageId.of(epc, location, micros), epc, "urn:epc:tag:giai-96:0.9521001." + (100_000_000 + vehicle),
                    location, "rdr-CQ-CP-" + String.format(Locale.ROOT, "%03d", lane / 5 + 1), 1 + (int) (i & 1), first,
                    first.plusMillis(1500 + (i % 1000)), 10 + (int) (i % 30), -40.0 - (i % 300) / 10.0, (i & 2) == 0 ? Direction.IN : Direction.OUT);
        }
    }
}
