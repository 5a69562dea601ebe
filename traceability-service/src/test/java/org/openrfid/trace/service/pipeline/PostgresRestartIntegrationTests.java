package org.openrfid.trace.service.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.seda.SedaEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageId;
import org.openrfid.trace.pipeline.PipelineEndpoints;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.passage.spool.PassageSpool;
import org.openrfid.trace.service.passage.spool.PassageStoreHealthIndicator;
import org.openrfid.trace.service.passage.spool.SpoolingPassageWriter;
import org.openrfid.trace.service.testsupport.PrivatePostgresServer;
import org.openrfid.trace.service.testsupport.TestStores;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The real database goes away under load (issue 18): a PostgreSQL server of this test's own (never the
 * shared one) is restarted with {@code pg_ctl restart -m fast} and later stopped for 60 s while a steady
 * stream of passages runs through the real store route; and the spool's disk (a 4 MB tmpfs) fills up
 * while the store is down. Every passage must be stored exactly once, the spool must drain, and health
 * and metrics must say what happened.
 */
class PostgresRestartIntegrationTests {

    private static final int BATCH = 50;
    private static final long BATCH_EVERY_MILLIS = 50; // 1000 passages a second

    /** spring.datasource.hikari.connection-timeout in application-postgis.yml. */
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);

    private static PrivatePostgresServer server;
    private static final AtomicInteger databases = new AtomicInteger();

    @TempDir
    Path temp;

    private String database;
    private HikariDataSource pool;
    private SpoolingPassageWriter writer;
    private DefaultCamelContext camel;
    private Path mounted;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);

    @BeforeAll
    static void startServer() throws Exception {
        server = PrivatePostgresServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        timer.shutdownNow();
        if (camel != null) {
            camel.stop();
        }
        if (writer != null) {
            writer.close();
        }
        if (pool != null) {
            pool.close();
        }
        if (mounted != null) {
            run("umount", mounted.toString());
        }
    }

    /** A fresh database and a pool configured as the application's (application-postgis.yml: Hikari defaults but the connection timeout). */
    private TestStores stores() throws Exception {
        database = "rfid_restart_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        server.createDatabase(database);
        Flyway.configure().dataSource(server.dataSource(database)).locations("classpath:db/migration/postgresql").load().migrate();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl(database));
        config.setUsername("postgres");
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setPoolName("restart-test");
        pool = new HikariDataSource(config);
        return new TestStores(pool, new TransactionTemplate(new DataSourceTransactionManager(pool)), Clock.systemUTC());
    }

    private SpoolingPassageWriter writer(TestStores stores, Path spoolDir, List<Passage> published) {
        // Retry delays as the application's defaults (rfid.pipeline.store-retry-delay 1 s, spool max-retry-delay 30 s).
        return new SpoolingPassageWriter(stores.passages, new PassageSpool(spoolDir, 1L << 30), Duration.ofSeconds(1),
                Duration.ofSeconds(30), published::addAll).start();
    }

    @Test
    void everyPassageIsStoredOnceAcrossAFastRestartAndAMinuteLongOutage() throws Exception {
        TestStores stores = stores();
        List<Passage> published = new CopyOnWriteArrayList<>();
        writer = writer(stores, temp.resolve("spool"), published);
        PassageStoreHealthIndicator health = new PassageStoreHealthIndicator(writer);
        PipelineEndpoints endpoints = PipelineEndpoints.defaults();
        camel = new DefaultCamelContext();
        camel.addRoutes(new PassageStoreRoute(endpoints, writer, 1_000));
        camel.start();

        List<Status> statuses = new CopyOnWriteArrayList<>();
        timer.scheduleAtFixedRate(() -> {
            Status now = health.health().getStatus();
            if (statuses.isEmpty() || !statuses.get(statuses.size() - 1).equals(now)) {
                statuses.add(now);
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
        Load load = new Load(camel.createProducerTemplate(), endpoints.passages());
        load.start();

        Thread.sleep(3_000);
        long failuresBefore = writer.storeFailures();
        server.restartFast();
        Thread.sleep(5_000);
        await("the store takes writes again after the fast restart", Duration.ofSeconds(60), () -> writer.spool().isEmpty());
        long failuresAfterRestart = writer.storeFailures() - failuresBefore;
        int sentAtRestart = load.sent();

        server.stop();
        long stoppedAt = System.nanoTime();
        Thread.sleep(60_000);
        Health duringOutage = health.health();
        long spooledDuringOutage = writer.spool().batches();
        server.startAgain();
        long startedAt = System.nanoTime();
        Thread.sleep(5_000);
        load.stop();

        SedaEndpoint queue = camel.getEndpoint(endpoints.passages(), SedaEndpoint.class);
        await("queue drained, spool replayed, all passages published", Duration.ofSeconds(60),
                () -> queue.getCurrentQueueSize() == 0 && camel.getInflightRepository().size() == 0
                        && writer.spool().isEmpty() && published.size() >= load.sent());
        long drainMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);

        assertStoredOnce(load.all());
        assertThat(published).hasSize(load.sent());
        assertThat(duringOutage.getStatus()).as("health after 60 s without the store: %s", duringOutage.getDetails())
                .isEqualTo(PassageStoreHealthIndicator.DEGRADED);
        assertThat(spooledDuringOutage).isPositive();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(statuses.get(0)).isEqualTo(Status.UP);
        assertThat(statuses).as("UP, then DEGRADED while the store was away, then UP").containsSubsequence(Status.UP,
                PassageStoreHealthIndicator.DEGRADED, Status.UP);
        assertThat(writer.spool().corruptBatches()).isZero();
        System.out.printf("restart test: %d passages (%d by the fast restart, which cost %d failed store attempts), %d batches spooled after"
                        + " 60 s down, all stored %d ms after the start (%d ms outage), %d replayed batches, %d store failures, health %s%n",
                load.sent(), sentAtRestart, failuresAfterRestart, spooledDuringOutage, drainMillis,
                TimeUnit.NANOSECONDS.toMillis(startedAt - stoppedAt), writer.replayedBatches(), writer.storeFailures(), statuses);
    }

    @Test
    void aFullSpoolDiskHoldsThePipelineBackAndLosesNothing() throws Exception {
        TestStores stores = stores();
        mounted = Files.createDirectories(temp.resolve("tmpfs"));
        run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mounted.toString());
        List<Passage> published = new CopyOnWriteArrayList<>();
        writer = writer(stores, mounted.resolve("spool"), published);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        writer.bindTo(metrics);
        PassageStoreHealthIndicator health = new PassageStoreHealthIndicator(writer);
        // A short queue in front of the store route, so the back-pressure reaches the sender soon.
        PipelineEndpoints endpoints = new PipelineEndpoints(PipelineEndpoints.defaults().reads(), "seda:passages-disk?size=20&blockWhenFull=true",
                PipelineEndpoints.defaults().arrivals(), PipelineEndpoints.defaults().tickMillis());
        camel = new DefaultCamelContext();
        camel.addRoutes(new PassageStoreRoute(endpoints, writer, 1_000));
        camel.start();

        server.stop();
        long stoppedAt = System.nanoTime();
        Load load = new Load(camel.createProducerTemplate(), endpoints.passages(), 500, 0);
        load.start();
        await("the first batch spooled", Duration.ofSeconds(60), () -> !writer.spool().isEmpty());
        long firstSpooledMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppedAt);
        SedaEndpoint queue = camel.getEndpoint(endpoints.passages(), SedaEndpoint.class);
        await("the disk refuses the spool, the queue fills and the sender waits", Duration.ofSeconds(90),
                () -> writer.spool().isOutOfSpace() && queue.getQueue().remainingCapacity() == 0 && load.isWaiting());
        Health whenFull = health.health();
        double outOfSpaceGauge = metrics.get("rfid.spool.out.of.space").gauge().value();
        double refusals = metrics.get("rfid.spool.disk.refusals").functionCounter().count();
        long spooledBytes = writer.spool().bytes();
        int sentWhenFull = load.sent();

        load.stop();
        server.startAgain();
        long startedAt = System.nanoTime();
        await("the sender's last batch went in, queue drained, spool replayed", Duration.ofSeconds(60),
                () -> !load.isRunning() && queue.getCurrentQueueSize() == 0 && camel.getInflightRepository().size() == 0
                        && writer.spool().isEmpty() && published.size() >= load.sent());
        long drainMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);

        assertThat(whenFull.getStatus()).as("health with the spool's disk full: %s", whenFull.getDetails()).isEqualTo(Status.DOWN);
        assertThat(whenFull.getDetails()).containsEntry("outOfSpace", true);
        assertThat(outOfSpaceGauge).isEqualTo(1.0);
        assertThat(refusals).isPositive();
        assertThat(spooledBytes).as("the spool held less than its 1 GB bound: the disk was what filled").isLessThan(4L << 20);
        assertStoredOnce(load.all());
        assertThat(published).hasSize(load.sent());
        assertThat(metrics.get("rfid.spool.out.of.space").gauge().value()).isZero();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(writer.spool().corruptBatches()).isZero();
        System.out.printf("disk-full test: first batch spooled %d ms after the store stopped; %d passages sent, %d when the sender was held"
                        + " (spool %d bytes on a 4 MB tmpfs, %.0f refused writes), all stored once %d ms after the store came back%n",
                firstSpooledMillis, load.sent(), sentWhenFull, spooledBytes, refusals, drainMillis);
    }

    private void assertStoredOnce(List<Passage> all) {
        JdbcTemplate direct = new JdbcTemplate(server.dataSource(database));
        List<String> stored = direct.queryForList("SELECT id FROM passage", String.class);
        Set<String> expected = new HashSet<>();
        all.forEach(p -> expected.add(p.id()));
        assertThat(expected).hasSize(all.size());
        assertThat(stored).hasSize(all.size());
        assertThat(new HashSet<>(stored.stream().map(String::trim).toList())).isEqualTo(expected);
    }

    /** A steady sender of passage batches into the store route's queue; blocks, as readers do, when it is full. */
    private static final class Load {

        private final ProducerTemplate producer;
        private final String endpoint;
        private final int batch;
        private final long everyMillis;
        private final List<Passage> all = new CopyOnWriteArrayList<>();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Thread thread;
        private final Instant base = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MILLIS);

        Load(ProducerTemplate producer, String endpoint) {
            this(producer, endpoint, BATCH, BATCH_EVERY_MILLIS);
        }

        Load(ProducerTemplate producer, String endpoint, int batch, long everyMillis) {
            this.producer = producer;
            this.endpoint = endpoint;
            this.batch = batch;
            this.everyMillis = everyMillis;
            this.thread = new Thread(this::run, "passage-load");
        }

        void start() {
            thread.start();
        }

        private void run() {
            long start = System.nanoTime();
            for (int b = 0; !stop.get(); b++) {
                List<Passage> passages = new ArrayList<>(batch);
                for (int i = b * batch; i < (b + 1) * batch; i++) {
                    passages.add(passage(base, i));
                }
                all.addAll(passages);
                producer.sendBody(endpoint, passages);
                long wait = start + TimeUnit.MILLISECONDS.toNanos((b + 1) * everyMillis) - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }

        /** Stops after the batch being sent (which may wait for room). */
        void stop() {
            stop.set(true);
        }

        boolean isRunning() {
            return thread.isAlive();
        }

        /** Blocked handing a batch to the full queue. */
        boolean isWaiting() {
            Thread.State state = thread.getState();
            return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
        }

        int sent() {
            return all.size();
        }

        List<Passage> all() {
            return all;
        }
    }

    private static Passage passage(Instant base, int n) {
        RawEpc epc = RawEpc.ofHex(String.format("30740000000000%010X", n));
        String location = "CP-" + (n % 5);
        Instant first = base.plusMillis(n);
        return new Passage(PassageId.of(epc, location, Instants.toMicros(first)), epc, null, location, "reader-1", 1,
                first, first.plusSeconds(1), 3, -55.0, Direction.NONE);
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static void await(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
        Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(20)).until(condition::getAsBoolean);
    }
}
