package org.openrfid.trace.service.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.openrfid.trace.identity.EpcDecoder;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageId;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.sampledata.world.DemoWorld;
import org.openrfid.trace.sampledata.generator.GeneratorOptions;
import org.openrfid.trace.sampledata.generator.Pass;
import org.openrfid.trace.sampledata.generator.PassageSummary;
import org.openrfid.trace.sampledata.generator.ReadSynthesizer;
import org.openrfid.trace.sampledata.generator.StreamingGenerator;
import org.openrfid.trace.sampledata.world.ReadPoint;
import org.openrfid.trace.service.passage.jdbc.PostgisCopyPassageWriter;
import org.openrfid.trace.service.testsupport.TestStores;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the benchmark database ({@code rfid_bench}) for {@link PassageQueryBenchmark}: the demo
 * world's locations, then passages streamed from the sample-data generator (seeded, 100,000 vehicles,
 * time order), one day partition per UTC day from {@link #START}.
 *
 * <p>Bulk-load path: each day's rows are {@code COPY}ed ({@link PostgisCopyPassageWriter#copyNew})
 * into a plain table, which is then attached as the day partition ({@code ATTACH PARTITION} builds
 * the partitioned table's indexes on it, so they always match the migrations) after a VACUUM ANALYZE,
 * on a second connection while the next day is copied. Building indexes after the load is the
 * fastest way to fill history; live ingest (indexes maintained per row) is what
 * {@link PassageIngestBenchmark} measures. Session settings: {@code synchronous_commit = off},
 * {@code maintenance_work_mem = 512MB}. Run via {@code scripts/bench-postgis-queries.sh}:
 *
 * <pre>
 * PassageBenchLoader [--db rfid_bench] [--rows 100000000] [--vehicles 100000] [--days 60] [--seed 42] [--batch 50000] [--fresh]
 * </pre>
 */
public final class PassageBenchLoader {

    static final LocalDate START = LocalDate.of(2025, 6, 2);
    private static final long START_MS = START.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();

    private record Batch(LocalDate day, List<Passage> passages) {
    }

    private static final Batch END = new Batch(null, List.of());

    public static void main(String[] args) throws Exception {
        String database = "rfid_bench";
        long rows = 100_000_000L;
        int vehicles = 100_000;
        int days = 60;
        long seed = 42;
        int batch = 50_000;
        boolean fresh = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--db" -> database = args[++i];
                case "--rows" -> rows = Long.parseLong(args[++i].replace("_", ""));
                case "--vehicles" -> vehicles = Integer.parseInt(args[++i]);
                case "--days" -> days = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--fresh" -> fresh = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; options: --db NAME --rows N --vehicles N --days N --seed N --batch N --fresh");
            }
        }
        DataSource ds = BenchDatabase.prepare(database, fresh);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM passage")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                throw new IllegalStateException(database + " already holds " + rs.getLong(1) + " passages; pass --fresh to reload");
            }
        }
        DemoWorld world = DemoWorld.load();
        TestStores stores = new TestStores(ds, new TransactionTemplate(new DataSourceTransactionManager(ds)), Clock.systemUTC());
        stores.locations.save(world.locations().stream().map(l -> new org.openrfid.trace.service.location.Location(l.id(), l.name(),
                l.kind().csv(), l.lat(), l.lon(), l.parent())).toList());
        System.out.printf(Locale.ROOT, "%s: %d locations; loading %,d passages (seed %d, %,d vehicles, up to %d days from %s), batches of %,d%n",
                database, world.locations().size(), rows, seed, vehicles, days, START, batch);

        GeneratorOptions options = new GeneratorOptions(seed, days * 86_400_000L, 0, vehicles, Math.max(1, vehicles / 5_000),
                GeneratorOptions.Mode.PASSAGES, rows);
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(4);
        AtomicLong generated = new AtomicLong();
        final long limit = rows;
        final int batchSize = batch;
        Thread producer = new Thread(() -> produce(world, options, limit, batchSize, queue, generated), "generator");
        producer.setDaemon(true);
        producer.start();

        ExecutorService attacher = Executors.newSingleThreadExecutor();
        List<Future<?>> attached = new ArrayList<>();
        long t0 = System.nanoTime();
        long copied = 0;
        long lastReport = t0;
        long lastCopied = 0;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET synchronous_commit = off");
            LocalDate current = null;
            for (Batch b = queue.take(); b != END; b = queue.take()) {
                if (!b.day().equals(current)) {
                    if (current != null) {
                        LocalDate done = current;
                        attached.add(attacher.submit(() -> attach(ds, done)));
                    }
                    current = b.day();
                    s.execute("CREATE TABLE " + table(current) + " (LIKE passage INCLUDING DEFAULTS)");
                }
                copied += PostgisCopyPassageWriter.copyNew(c, table(current), b.passages());
                long now = System.nanoTime();
                if (now - lastReport >= 30_000_000_000L) {
                    System.out.printf(Locale.ROOT, "%s  %,d rows copied, %,.0f rows/s overall, %,.0f rows/s last %.0f s, day %s, %d day(s) handed to attach%n",
                            Instant.now(), copied, copied / ((now - t0) / 1e9), (copied - lastCopied) / ((now - lastReport) / 1e9),
                            (now - lastReport) / 1e9, current, attached.size());
                    lastReport = now;
                    lastCopied = copied;
                }
            }
            if (current != null) {
                LocalDate done = current;
                attached.add(attacher.submit(() -> attach(ds, done)));
            }
        }
        double copySeconds = (System.nanoTime() - t0) / 1e9;
        for (Future<?> f : attached) {
            f.get();
        }
        attacher.shutdown();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE passage");
            s.execute("VACUUM ANALYZE location");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%s  done: %,d passages in %d day partitions; COPY %.0f s (%,.0f rows/s), with indexes, attach and vacuum %.0f s (%,.0f rows/s overall)%n",
                Instant.now(), copied, attached.size(), copySeconds, copied / copySeconds, seconds, copied / seconds);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_size_pretty(sum(pg_table_size(c.oid))), pg_size_pretty(sum(pg_indexes_size(c.oid)))"
                     + " FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'passage'::regclass")) {
            rs.next();
            System.out.println("passage partitions: tables " + rs.getString(1) + ", indexes " + rs.getString(2));
        }
    }

    private static String tagUri(RawEpc epc) {
        try {
            return EpcDecoder.decode(epc).tagUri();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String table(LocalDate day) {
        return "passage_" + day.toString().replace("-", "");
    }

    /** Attaches a filled day table as its partition; the CHECK constraint spares PostgreSQL the validation scan. */
    private static Void attach(DataSource ds, LocalDate day) throws SQLException {
        String t = table(day);
        String from = "'" + day + " 00:00:00+00'";
        String to = "'" + day.plusDays(1) + " 00:00:00+00'";
        long started = System.nanoTime();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET maintenance_work_mem = '512MB'");
            s.execute("SET synchronous_commit = off");
            // Statistics and visibility map before it becomes visible: a partition without statistics
            // can make the planner pick a sequential scan for queries running meanwhile.
            s.execute("VACUUM (ANALYZE) " + t);
            s.execute("ALTER TABLE " + t + " ADD CONSTRAINT " + t + "_range CHECK (first_seen >= " + from + " AND first_seen < " + to + ")");
            s.execute("ALTER TABLE passage ATTACH PARTITION " + t + " FOR VALUES FROM (" + from + ") TO (" + to + ")");
            s.execute("ALTER TABLE " + t + " DROP CONSTRAINT " + t + "_range");
        }
        System.out.printf(Locale.ROOT, "%s  attached %s (indexes built, vacuumed) in %.0f s%n", Instant.now(), t, (System.nanoTime() - started) / 1e9);
        return null;
    }

    /** Generator thread: passages in time order, cut into batches that never span two days. */
    private static void produce(DemoWorld world, GeneratorOptions options, long limit, int batchSize, BlockingQueue<Batch> queue, AtomicLong generated) {
        try {
            Map<String, ReadPoint> points = new HashMap<>();
            for (ReadPoint rp : world.readPoints()) {
                points.put(rp.reader() + "/" + rp.antenna(), rp);
            }
            Map<String, String> tagUris = new HashMap<>();
            StreamingGenerator generator = new StreamingGenerator(world, options);
            Iterator<Pass> passes = generator.passes(label -> { });
            ReadSynthesizer synthesizer = generator.synthesizer();
            List<Passage> current = new ArrayList<>(batchSize);
            LocalDate day = null;
            long n = 0;
            while (n < limit && passes.hasNext()) {
                Pass pass = passes.next();
                PassageSummary s = synthesizer.expand(pass, read -> { });
                long firstMs = START_MS + s.firstSeenMs();
                LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(firstMs, 86_400_000L));
                if (!d.equals(day) || current.size() >= batchSize) {
                    if (!current.isEmpty()) {
                        queue.put(new Batch(day, current));
                    }
                    current = new ArrayList<>(batchSize);
                    day = d;
                }
                current.add(passage(s, pass, firstMs, points, tagUris));
                n++;
            }
            if (!current.isEmpty()) {
                queue.put(new Batch(day, current));
            }
            generated.set(n);
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(2);
        }
    }

    private static Passage passage(PassageSummary s, Pass pass, long firstMs, Map<String, ReadPoint> points, Map<String, String> tagUris) {
        RawEpc epc = RawEpc.ofHex(s.epc());
        if (tagUris.size() > 1_000_000) {
            tagUris.clear();
        }
        String uri = tagUris.computeIfAbsent(s.epc(), hex -> tagUri(epc));
        ReadPoint rp = points.get(pass.reader() + "/" + pass.firstAntenna());
        Direction direction = rp == null ? Direction.NONE : Direction.parse(rp.direction());
        long micros = firstMs * 1000;
        Instant first = Instants.ofMicros(micros);
        Instant last = Instant.ofEpochMilli(START_MS + s.lastSeenMs());
        return new Passage(PassageId.of(epc, s.location(), micros), epc, uri, s.location(), pass.reader(), pass.firstAntenna(),
                first, last, s.reads(), s.peakRssiTenths() / 10.0, direction);
    }
}
