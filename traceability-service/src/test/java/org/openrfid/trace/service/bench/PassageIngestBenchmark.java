package org.openrfid.trace.service.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageId;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.passage.jdbc.PostgisCopyPassageWriter;
import org.openrfid.trace.service.testsupport.TestStores;
import org.openrfid.trace.service.testsupport.PostgisTestDatabase;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ingest into PostGIS with all the passage indexes (PK, two B-trees, time B-tree, BRIN) into day
 * partitions, in one run: {@code COPY} straight into the day partition
 * ({@link PostgisCopyPassageWriter#copyNew}), the idempotent {@code COPY} (staging table, then
 * {@code INSERT ... SELECT ... ON CONFLICT DO NOTHING}, {@link PostgisCopyPassageWriter#write}), the
 * store's batched INSERT ({@code PassageStore.saveAll}) and row-by-row auto-committed INSERTs. Then,
 * with {@code --duration}, a sustained COPY run that prints a line every 30 s.
 *
 * <p>Each method starts from an empty passage table in a fresh schema of {@code rfid_test} (dropped at
 * the end unless {@code --keep}). Rows/s are wall clock: a generator thread makes passages (time order,
 * 100,000 vehicles, 214 lanes) into a queue and {@code --connections} writer threads, one connection
 * each, write batches of {@code --batch}. Server settings are left as they are; the only session
 * setting is {@code synchronous_commit}, {@code on} unless {@code --synchronous-commit off}. Not a
 * surefire test: run {@code scripts/bench-postgis-ingest.sh}, or
 *
 * <pre>
 * PassageIngestBenchmark [--rows 2000000] [--row-by-row-rows 20000] [--batch 10000] [--days 2] [--connections 2]
 *                        [--duration PT10M] [--synchronous-commit on|off] [--skip-compare] [--keep]
 * </pre>
 */
public final class PassageIngestBenchmark {

    static final LocalDate START = LocalDate.of(2025, 6, 2);
    static final int LOCATIONS = 214;
    static final int VEHICLES = 100_000;
    static final long REPORT_NANOS = 30_000_000_000L;

    enum Method {
        COPY_DIRECT("COPY into day partition (copyNew)", true),
        COPY_STAGED("COPY via staging + INSERT ON CONFLICT (write)", true),
        BATCHED("batched INSERT (PassageStore.saveAll)", true),
        ROW("row-by-row INSERT (autocommit)", false);

        final String label;
        final boolean parallel;

        Method(String label, boolean parallel) {
            this.label = label;
            this.parallel = parallel;
        }
    }

    record Options(long rows, long rowByRow, int batch, int days, int connections, Duration duration, boolean synchronousCommit,
                   boolean compare, boolean keep) {
    }

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        PostgisTestDatabase db = PostgisTestDatabase.createSchema();
        System.out.printf(Locale.ROOT, "schema %s in %s; %,d passages per method over %d day partition(s), batches of %,d, %d connection(s),"
                        + " synchronous_commit %s%n", db.schema(), PostgisTestDatabase.URL, o.rows(), o.days(), o.batch(), o.connections(),
                o.synchronousCommit() ? "on" : "off");
        DataSource ds = db.dataSource();
        try {
            Flyway.configure().dataSource(ds).schemas(db.schema()).locations("classpath:db/migration/postgresql").load().migrate();
            if (o.compare()) {
                List<String[]> table = new ArrayList<>();
                for (Method m : Method.values()) {
                    long rows = m == Method.ROW ? Math.min(o.rowByRow(), o.rows()) : o.rows();
                    int connections = m.parallel ? o.connections() : 1;
                    table.add(run(m, ds, o, new Generator(rows, o.days()), rows, connections, null));
                }
                System.out.println();
                System.out.printf(Locale.ROOT, "| %-46s | %5s | %12s | %9s | %10s |%n", "method", "conns", "rows", "seconds", "rows/s");
                System.out.printf(Locale.ROOT, "|%s|%s|%s|%s|%s|%n", "-".repeat(48), "-".repeat(7), "-".repeat(14), "-".repeat(11), "-".repeat(12));
                for (String[] r : table) {
                    System.out.printf(Locale.ROOT, "| %-46s | %5s | %12s | %9s | %10s |%n", (Object[]) r);
                }
                System.out.println();
            }
            if (o.duration() != null) {
                // Enough rows that the generator never runs out; they spread over the days in time order.
                long budget = Math.max(o.rows(), o.duration().toSeconds() * 400_000L);
                String[] r = run(Method.COPY_DIRECT, ds, o, new Generator(budget, o.days()), budget, o.connections(), o.duration());
                System.out.printf(Locale.ROOT, "sustained %s, %s connection(s): %s rows in %s s = %s rows/s%n", r[0], r[1], r[2], r[3], r[4]);
            }
        } finally {
            if (!o.keep()) {
                db.drop();
            }
        }
    }

    static Options parse(String[] args) {
        long rows = 2_000_000;
        long rowByRow = 20_000;
        int batch = 10_000;
        int days = 2;
        int connections = 2;
        Duration duration = null;
        boolean synchronousCommit = true;
        boolean compare = true;
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i].replace("_", ""));
                case "--row-by-row-rows" -> rowByRow = Long.parseLong(args[++i].replace("_", ""));
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--days" -> days = Integer.parseInt(args[++i]);
                case "--connections" -> connections = Integer.parseInt(args[++i]);
                case "--duration" -> duration = Duration.parse(args[++i]);
                case "--synchronous-commit" -> synchronousCommit = !"off".equals(args[++i]);
                case "--skip-compare" -> compare = false;
                case "--keep" -> keep = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: --rows N --row-by-row-rows N"
                        + " --batch N --days N --connections N --duration PT10M --synchronous-commit on|off --skip-compare --keep");
            }
        }
        return new Options(rows, rowByRow, batch, days, connections, duration, synchronousCommit, compare, keep);
    }

    private record Batch(List<Passage> passages) {
    }

    private static final Batch END = new Batch(List.of());

    /**
     * Writes {@code rows} passages (or until {@code duration} is over) with {@code method} on
     * {@code connections} threads, from an empty passage table; returns the table row.
     */
    static String[] run(Method method, DataSource ds, Options o, Generator gen, long rows, int connections, Duration duration)
            throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE passage");
            for (int d = -1; d <= gen.days; d++) {
                LocalDate day = START.plusDays(d);
                s.execute("CREATE TABLE IF NOT EXISTS " + partition(day) + " PARTITION OF passage FOR VALUES FROM ('"
                        + day + " 00:00:00+00') TO ('" + day.plusDays(1) + " 00:00:00+00')");
            }
            // Start each method from a clean slate; costs the shared server one checkpoint.
            s.execute("CHECKPOINT");
        }
        String name = method.label;
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(connections * 2);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong written = new AtomicLong();
        Thread producer = new Thread(() -> {
            try {
                long step = Math.max(1, gen.total / rows);
                for (long index = 0; index < rows && !stop.get(); ) {
                    int n = (int) Math.min(o.batch(), rows - index);
                    List<Passage> passages = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        passages.add(gen.passage((index + i) * step));
                    }
                    queue.put(new Batch(passages));
                    index += n;
                }
                for (int i = 0; i < connections; i++) {
                    queue.put(END);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "generator");
        producer.setDaemon(true);
        ExecutorService writers = Executors.newFixedThreadPool(connections);
        List<Future<?>> done = new ArrayList<>();
        long t0 = System.nanoTime();
        producer.start();
        for (int w = 0; w < connections; w++) {
            done.add(writers.submit(() -> {
                writer(method, ds, o, queue, written, stop);
                return null;
            }));
        }
        writers.shutdown();
        long deadline = duration == null ? Long.MAX_VALUE : t0 + duration.toNanos();
        long lastReport = t0;
        long lastRows = 0;
        long reportEvery = duration == null ? Math.max(1, rows / 5) : Long.MAX_VALUE;
        long nextRowsReport = reportEvery;
        while (!writers.awaitTermination(200, TimeUnit.MILLISECONDS)) {
            long now = System.nanoTime();
            long n = written.get();
            if (now >= deadline) {
                stop.set(true);
                queue.clear();
            }
            if (duration != null && now - lastReport >= REPORT_NANOS) {
                System.out.printf(Locale.ROOT, "  %s %5.0f s: %,.0f rows/s last %.0f s, %,.0f rows/s overall, passage table %,d rows%n",
                        Instant.now(), (now - t0) / 1e9, (n - lastRows) / ((now - lastReport) / 1e9), (now - lastReport) / 1e9,
                        n / ((now - t0) / 1e9), tableTotal(ds));
                lastReport = now;
                lastRows = n;
            } else if (n >= nextRowsReport) {
                System.out.printf(Locale.ROOT, "  %s: %,d rows, %,.0f rows/s so far%n", name, n, n / ((now - t0) / 1e9));
                nextRowsReport += reportEvery;
            }
            if (stop.get()) {
                // The queue was drained; unblock writers waiting for the next batch.
                for (int i = 0; i < connections; i++) {
                    queue.offer(END);
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        for (Future<?> f : done) {
            f.get();
        }
        long inserted = written.get();
        long total = tableTotal(ds);
        if (total != inserted || (duration == null && inserted != rows)) {
            throw new IllegalStateException(name + ": wrote " + inserted + " of " + rows + ", table holds " + total);
        }
        return new String[] {name, String.valueOf(connections), String.format(Locale.ROOT, "%,d", inserted),
                String.format(Locale.ROOT, "%.1f", seconds), String.format(Locale.ROOT, "%,.0f", inserted / seconds)};
    }

    private static long tableTotal(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM passage")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void writer(Method method, DataSource ds, Options o, BlockingQueue<Batch> queue, AtomicLong written, AtomicBoolean stop)
            throws Exception {
        try (Connection c = ds.getConnection()) {
            if (!o.synchronousCommit()) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET synchronous_commit = off");
                }
            }
            SingleConnectionDataSource one = new SingleConnectionDataSource(c, true);
            TestStores stores = new TestStores(one, new TransactionTemplate(new DataSourceTransactionManager(one)), Clock.systemUTC());
            for (Batch b = queue.take(); b != END && !stop.get(); b = queue.take()) {
                long n = switch (method) {
                    case COPY_DIRECT -> copyIntoDays(c, b.passages());
                    case COPY_STAGED -> {
                        c.setAutoCommit(false);
                        int inserted = PostgisCopyPassageWriter.write(c, b.passages());
                        c.commit();
                        c.setAutoCommit(true);
                        yield inserted;
                    }
                    case BATCHED -> stores.passages.saveAll(b.passages());
                    case ROW -> rowByRow(c, b.passages());
                };
                written.addAndGet(n);
            }
        }
    }

    /** One COPY (its own transaction) per day the batch touches, straight into that day's partition. */
    private static long copyIntoDays(Connection c, List<Passage> passages) throws SQLException {
        Map<LocalDate, List<Passage>> byDay = new LinkedHashMap<>();
        for (Passage p : passages) {
            byDay.computeIfAbsent(LocalDate.ofInstant(p.firstSeen(), ZoneOffset.UTC), d -> new ArrayList<>()).add(p);
        }
        long n = 0;
        for (Map.Entry<LocalDate, List<Passage>> e : byDay.entrySet()) {
            n += PostgisCopyPassageWriter.copyNew(c, partition(e.getKey()), e.getValue());
        }
        return n;
    }

    static String partition(LocalDate day) {
        return "passage_" + day.toString().replace("-", "");
    }

    private static int rowByRow(Connection c, List<Passage> passages) throws SQLException {
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement(
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
     * arrives), 100,000 vehicles (GIAI-96 EPCs of the sample world), 214 checkpoint lanes. EPCs and
     * names are made once, so the generator thread stays well ahead of the database.
     */
    static final class Generator {
        final long total;
        final int days;
        final long startMicros;
        final long spanMicros;
        private final RawEpc[] epcs = new RawEpc[VEHICLES];
        private final String[] uris = new String[VEHICLES];
        private final String[] locations = new String[LOCATIONS];
        private final String[] readers = new String[LOCATIONS];

        Generator(long total, int days) {
            this.total = total;
            this.days = days;
            this.startMicros = Instants.toMicros(START.atStartOfDay(ZoneOffset.UTC).toInstant());
            this.spanMicros = days * 86_400_000_000L;
            for (int v = 0; v < VEHICLES; v++) {
                epcs[v] = RawEpc.ofHex(String.format(Locale.ROOT, "3416451DA4000000%08X", 100_000_000 + v));
                uris[v] = "urn:epc:tag:giai-96:0.9521001." + (100_000_000 + v);
            }
            for (int lane = 0; lane < LOCATIONS; lane++) {
                locations[lane] = String.format(Locale.ROOT, "CQ-CP-%03d-L%d", lane / 5 + 1, lane % 5 + 1);
                readers[lane] = "rdr-CQ-CP-" + String.format(Locale.ROOT, "%03d", lane / 5 + 1);
            }
        }

        Passage passage(long i) {
            long mix = i * 0x9E3779B97F4A7C15L;
            int vehicle = (int) Long.remainderUnsigned(mix >>> 7, VEHICLES);
            int lane = (int) Long.remainderUnsigned(mix >>> 29, LOCATIONS);
            long micros = startMicros + (long) ((double) i / total * spanMicros) + Long.remainderUnsigned(mix >>> 40, 1000);
            Instant first = Instants.ofMicros(micros);
            return new Passage(PassageId.of(epcs[vehicle], locations[lane], micros), epcs[vehicle], uris[vehicle], locations[lane],
                    readers[lane], 1 + (int) (i & 1), first, first.plusMillis(1500 + (i % 1000)), 10 + (int) (i % 30),
                    -40.0 - (i % 300) / 10.0, (i & 2) == 0 ? Direction.IN : Direction.OUT);
        }
    }
}
