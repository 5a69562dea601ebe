package org.openrfid.trace.service.pipeline;


import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.seda.SedaEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageId;
import org.openrfid.trace.pipeline.PipelineEndpoints;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.passage.spool.PassageSpool;
import org.openrfid.trace.service.passage.spool.SpoolingPassageWriter;
import org.openrfid.trace.service.testsupport.TestStores;
import org.openrfid.trace.service.testsupport.PostgisTestDatabase;
import org.openrfid.trace.service.testsupport.TcpProxy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database goes away under load and comes back: a TCP proxy between the store and the shared
 * PostGIS server is cut for a few seconds while a steady stream of passages runs through the real
 * store route. Every passage must end up stored exactly once and the spool empty.
 */
class PassageSpoolIntegrationTests {

    private static final int PASSAGES = 20_000;
    private static final int BATCH = 200;
    private static final long BATCH_EVERY_MILLIS = 100; // 100 batches over ~10 s

    @TempDir
    Path spoolDir;

    private PostgisTestDatabase database;
    private TcpProxy proxy;
    private HikariDataSource throughProxy;
    private SpoolingPassageWriter writer;
    private DefaultCamelContext camel;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void setUp() throws Exception {
        database = PostgisTestDatabase.createSchema();
        Flyway.configure().dataSource(database.dataSource()).schemas(database.schema())
                .locations("classpath:db/migration/postgresql").load().migrate();

        URI upstream = URI.create(PostgisTestDatabase.URL.substring("jdbc:".length()));
        proxy = new TcpProxy(upstream.getHost(), upstream.getPort() < 0 ? 5432 : upstream.getPort());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + proxy.port() + upstream.getPath()
                + "?currentSchema=" + database.schema() + ",public&connectTimeout=2&socketTimeout=5&loginTimeout=2");
        config.setUsername(PostgisTestDatabase.USER);
        config.setPassword(PostgisTestDatabase.PASSWORD);
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(1_000);
        config.setValidationTimeout(500);
        config.setPoolName("spool-test");
        throughProxy = new HikariDataSource(config);
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
        if (throughProxy != null) {
            throughProxy.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        database.drop();
    }

    @Test
    void everyPassageIsStoredExactlyOnceAcrossADatabaseOutage() throws Exception {
        // (Rows land in the default partition: fine for this test.)
        TestStores stores = new TestStores(throughProxy, new TransactionTemplate(new DataSourceTransactionManager(throughProxy)),
                Clock.systemUTC());
        List<Passage> published = new CopyOnWriteArrayList<>();
        writer = new SpoolingPassageWriter(stores.passages, new PassageSpool(spoolDir, 64L * 1024 * 1024),
                Duration.ofMillis(100), Duration.ofMillis(500), published::addAll).start();
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        writer.bindTo(metrics);

        PipelineEndpoints endpoints = PipelineEndpoints.defaults();
        camel = new DefaultCamelContext();
        camel.addRoutes(new PassageStoreRoute(endpoints, writer, 100));
        camel.start();

        AtomicInteger maxSpooled = new AtomicInteger();
        timer.scheduleAtFixedRate(() -> maxSpooled.accumulateAndGet(writer.spool().batches(), Math::max), 0, 20, TimeUnit.MILLISECONDS);
        timer.schedule(proxy::cut, 2_500, TimeUnit.MILLISECONDS);
        AtomicLong restoredAt = new AtomicLong();
        timer.schedule(() -> {
            proxy.restore();
            restoredAt.set(System.nanoTime());
        }, 6_000, TimeUnit.MILLISECONDS);

        Instant base = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        List<Passage> all = new ArrayList<>(PASSAGES);
        ProducerTemplate producer = camel.createProducerTemplate();
        long start = System.nanoTime();
        for (int b = 0; b < PASSAGES / BATCH; b++) {
            List<Passage> batch = new ArrayList<>(BATCH);
            for (int i = b * BATCH; i < (b + 1) * BATCH; i++) {
                batch.add(passage(base, i));
            }
            all.addAll(batch);
            producer.sendBody(endpoints.passages(), batch);
            long next = start + TimeUnit.MILLISECONDS.toNanos((b + 1) * BATCH_EVERY_MILLIS);
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
        assertThat(proxy.isCut()).as("the proxy was restored while passages still flowed").isFalse();

        SedaEndpoint queue = camel.getEndpoint(endpoints.passages(), SedaEndpoint.class);
        await("queue drained, spool replayed, all passages published", Duration.ofSeconds(20),
                () -> queue.getCurrentQueueSize() == 0 && camel.getInflightRepository().size() == 0
                        && writer.spool().isEmpty() && published.size() >= PASSAGES);

        long drainMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restoredAt.get());

        // Read back directly, not through the proxy.
        JdbcTemplate direct = new JdbcTemplate(database.dataSource());
        List<String> stored = direct.queryForList("SELECT id FROM passage", String.class);
        Set<String> expected = new HashSet<>();
        all.forEach(p -> expected.add(p.id()));
        assertThat(expected).hasSize(PASSAGES);
        assertThat(stored).hasSize(PASSAGES);
        assertThat(new HashSet<>(stored.stream().map(String::trim).toList())).isEqualTo(expected);

        assertThat(maxSpooled.get()).as("batches were spooled during the outage").isPositive();
        assertThat(writer.replayedBatches()).isPositive();
        assertThat(writer.storeFailures()).isPositive();
        assertThat(writer.spool().isEmpty()).isTrue();
        assertThat(writer.spool().corruptBatches()).isZero();
        assertThat(published).hasSize(PASSAGES); // each batch told once, after it was stored
        assertThat(metrics.get("rfid.spool.batches").gauge().value()).isZero();
        assertThat(metrics.get("rfid.spool.bytes").gauge().value()).isZero();
        assertThat(metrics.get("rfid.spool.replayed").functionCounter().count()).isEqualTo(writer.replayedBatches());
        assertThat(metrics.get("rfid.store.failures").functionCounter().count()).isPositive();
        System.out.printf("spool test: %d passages, at most %d batches spooled, %d replayed, %d store failures, all stored %d ms after restore%n",
                PASSAGES, maxSpooled.get(), writer.replayedBatches(), writer.storeFailures(), drainMillis);
    }

    @Test
    void smallPassageListsAreGatheredIntoFewStoreWritesBySizeOrLinger() throws Exception {
        TestStores stores = new TestStores(throughProxy, new TransactionTemplate(new DataSourceTransactionManager(throughProxy)),
                Clock.systemUTC());
        List<Integer> writes = new CopyOnWriteArrayList<>();
        org.openrfid.trace.service.passage.PassageStore counting = new org.openrfid.trace.service.passage.PassageStore() {
            @Override
            public int saveEnriched(java.util.Collection<org.openrfid.trace.service.passage.EnrichedPassage> passages) {
                writes.add(passages.size());
                return stores.passages.saveEnriched(passages);
            }

            @Override
            public List<Passage> latest(org.openrfid.trace.service.privacy.Scope scope, int limit) {
                return stores.passages.latest(scope, limit);
            }

            @Override
            public java.util.Optional<Passage> find(String id) {
                return stores.passages.find(id);
            }

            @Override
            public java.util.Optional<org.openrfid.trace.service.passage.EnrichedPassage> findEnriched(String id) {
                return stores.passages.findEnriched(id);
            }

            @Override
            public long count() {
                return stores.passages.count();
            }
        };
        writer = new SpoolingPassageWriter(counting, new PassageSpool(spoolDir, 64L * 1024 * 1024),
                Duration.ofMillis(100), Duration.ofMillis(500), p -> { }).start();
        PipelineEndpoints endpoints = PipelineEndpoints.defaults();
        camel = new DefaultCamelContext();
        // At most 50 passages per write, waiting up to 2 s to fill one.
        camel.addRoutes(new PassageStoreRoute(endpoints, writer, 100, 50, Duration.ofSeconds(2)));
        camel.start();

        Instant base = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        ProducerTemplate producer = camel.createProducerTemplate();
        for (int i = 0; i < 120; i++) {
            producer.sendBody(endpoints.passages(), List.of(passage(base, i)));
        }

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> stores.passages.count() == 120);
        assertThat(writes).as("120 lists of one passage in writes of at most 50, the last one closed by the linger")
                .hasSizeBetween(3, 4).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(50));
        assertThat(writes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(120);
    }

    private static Passage passage(Instant base, int n) {
        RawEpc epc = RawEpc.ofHex(String.format("30740000000000%010X", n));
        String location = "CP-" + (n % 5);
        Instant first = base.plusMillis(n);
        return new Passage(PassageId.of(epc, location, Instants.toMicros(first)), epc, null, location, "reader-1", 1,
                first, first.plusSeconds(1), 3, -55.0, Direction.NONE);
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) {
        org.awaitility.Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(20)).until(condition::getAsBoolean);
    }
}
