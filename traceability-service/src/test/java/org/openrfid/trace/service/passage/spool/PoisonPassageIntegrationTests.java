package org.openrfid.trace.service.passage.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageId;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.enrichment.PassageEnricher;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.service.passage.PassageStore;
import org.openrfid.trace.service.testsupport.PostgisTestDatabase;
import org.openrfid.trace.service.testsupport.Stores;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A poison row (issue 18): a passage whose location id is longer than its column fails its whole batch
 * on every retry. Before, that batch went to the spool and was retried for ever while every later batch
 * queued behind it; now the batch is split until the bad passage is alone, the rest is stored, and the
 * bad one is set aside. On both stores, through INSERT batches and (PostGIS) COPY.
 */
class PoisonPassageIntegrationTests {

    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    @TempDir
    Path spoolDir;

    private PostgisTestDatabase postgis;
    private SpoolingPassageWriter writer;
    private final List<String> setAside = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() {
        if (writer != null) {
            writer.close();
        }
        if (postgis != null) {
            postgis.drop();
        }
    }

    @Test
    void onH2gisTheRestOfTheBatchIsStoredAndTheBadPassageSetAside() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:poison-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/h2").load().migrate();
        poisonIsIsolated(store(ds, Stores.DEFAULT_COPY_MIN_BATCH), 9);
    }

    @Test
    void onPostgisWithInsertBatchesToo() throws Exception {
        poisonIsIsolated(store(postgis(), Stores.DEFAULT_COPY_MIN_BATCH), 9);
    }

    @Test
    void onPostgisThroughCopy() throws Exception {
        poisonIsIsolated(store(postgis(), 2), 9);
    }

    private void poisonIsIsolated(PassageStore store, int good) throws Exception {
        writer = new SpoolingPassageWriter(store, new PassageSpool(spoolDir, 64L << 20), Duration.ofMillis(10), Duration.ofMillis(100),
                PassageEnricher.NONE, stored -> { }, (bad, reason) -> setAside.add(bad.passage().id() + " " + reason)).start();
        Passage poison = passage(999, "X".repeat(80)); // location_id is VARCHAR(64)
        List<Passage> batch = new java.util.ArrayList<>();
        for (int i = 0; i < good; i++) {
            batch.add(passage(i, "CP-1"));
            if (i == good / 2) {
                batch.add(poison);
            }
        }
        writer.write(batch);
        writer.write(List.of(passage(1000, "CP-2"))); // a later batch is not held up

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(store.count()).isEqualTo(good + 1);
            assertThat(writer.spool().isEmpty()).isTrue();
        });
        assertThat(setAside).hasSize(1);
        assertThat(setAside.get(0)).startsWith(poison.id()).contains("SQLState 22");
        assertThat(writer.refusedPassages()).isEqualTo(1);
        assertThat(store.find(poison.id())).isEmpty();
    }

    private DataSource postgis() {
        postgis = PostgisTestDatabase.createSchema();
        Flyway.configure().dataSource(postgis.dataSource()).schemas(postgis.schema()).locations("classpath:db/migration/postgresql").load()
                .migrate();
        return postgis.dataSource();
    }

    private static PassageStore store(DataSource ds, int copyMinBatch) {
        return Stores.create(ds, new TransactionTemplate(new DataSourceTransactionManager(ds)), Clock.systemUTC(), copyMinBatch).passages();
    }

    static Passage passage(int n, String location) {
        RawEpc epc = RawEpc.ofHex(String.format("3074257BF7194E40%08X", n));
        Instant at = T0.plusSeconds(n);
        return new Passage(PassageId.of(epc, location, Instants.toMicros(at)), epc, null, location, "rdr-1", 1, at, at.plusSeconds(1), 2,
                -50, Direction.IN);
    }
}
