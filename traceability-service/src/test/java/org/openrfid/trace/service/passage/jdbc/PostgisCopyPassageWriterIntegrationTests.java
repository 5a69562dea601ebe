package org.openrfid.trace.service.passage.jdbc;

import org.openrfid.trace.service.testsupport.Stores;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageId;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.testsupport.PostgisTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** COPY ingest on PostGIS keeps the passage store's contract: every field read back equal, idempotent on the id. */
class PostgisCopyPassageWriterIntegrationTests {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    private PostgisTestDatabase database;
    private DataSource dataSource;
    private Stores stores;
    private PostgisCopyPassageWriter writer;

    @BeforeEach
    void freshSchema() {
        database = PostgisTestDatabase.createSchema();
        dataSource = database.dataSource();
        Flyway.configure().dataSource(dataSource).schemas(database.schema()).locations("classpath:db/migration/postgresql").load().migrate();
        stores = Stores.create(dataSource, new TransactionTemplate(new DataSourceTransactionManager(dataSource)), Clock.systemUTC());
        stores.ensurePartitions();
        writer = new PostgisCopyPassageWriter(dataSource);
    }

    @AfterEach
    void dropSchema() {
        database.drop();
    }

    @Test
    void copiedPassagesReadBackEqualAndASecondCopyInsertsNothing() {
        List<Passage> batch = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            batch.add(passage(String.format("3074257BF7194E40%08X", i), "CP-" + (i % 7), NOW.minusSeconds(i * 37L), 3 + i % 20, -40 - (i % 300) / 7.0));
        }
        // Awkward values: quotes and commas in text, no RSSI, no reader, no tag URI, a 10-bit EPC, a day far back (default partition).
        RawEpc odd = new RawEpc(new byte[] {(byte) 0xAB, (byte) 0xC0}, 10);
        batch.add(new Passage(PassageId.of(odd, "CP-\"1\",x", 1), odd, "urn:epc:tag:\"odd\",1", "CP-\"1\",x", null, 0,
                Instant.parse("2020-01-01T00:00:00.000001Z"), Instant.parse("2020-01-01T00:00:02Z"), 1, Double.NaN, Direction.NONE));
        batch.add(new Passage(PassageId.of(odd, "", 2), odd, "", "", "", 2, NOW, NOW.plusMillis(1), 1, -0.1, Direction.OUT));
        // A duplicate inside the batch is kept once.
        batch.add(batch.get(0));

        assertThat(writer.write(batch)).isEqualTo(batch.size() - 1);
        for (Passage p : batch) {
            assertThat(stores.passages().find(p.id())).contains(p);
        }
        assertThat(stores.passages().count()).isEqualTo(batch.size() - 1);

        assertThat(writer.write(batch)).isZero();
        assertThat(stores.passages().count()).isEqualTo(batch.size() - 1);
        // And against rows stored by the ordinary INSERT path.
        Passage viaInsert = passage("3074257BF7194E40FFFFFFFF", "CP-9", NOW, 5, -50);
        assertThat(stores.passages().saveAll(List.of(viaInsert))).isEqualTo(1);
        assertThat(writer.write(List.of(viaInsert, batch.get(1)))).isZero();
    }

    @Test
    void rowsLandInTheirDayPartitionsAndTheStagingTableIsLeftEmpty() throws Exception {
        assertThat(writer.write(List.of(passage("3074257BF7194E4000000001", "CP-1", NOW, 3, -50)))).isEqualTo(1);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String partition = jdbc.queryForObject("SELECT tableoid::regclass::text FROM passage", String.class);
        assertThat(partition).startsWith("passage_2").isNotEqualTo("passage_default");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            assertThat(PostgisCopyPassageWriter.write(c, List.of(passage("3074257BF7194E4000000002", "CP-1", NOW, 3, -50)))).isEqualTo(1);
            assertThat(PostgisCopyPassageWriter.write(c, List.of(passage("3074257BF7194E4000000003", "CP-1", NOW, 3, -50)))).isEqualTo(1);
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM " + PostgisCopyPassageWriter.STAGE)) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
            c.rollback();
        }
        assertThat(stores.passages().count()).isEqualTo(1);
    }

    static Passage passage(String epcHex, String location, Instant firstSeen, int reads, double rssi) {
        RawEpc epc = RawEpc.ofHex(epcHex);
        return new Passage(PassageId.of(epc, location, Instants.toMicros(firstSeen)), epc, "urn:epc:tag:test:" + epcHex,
                location, "rdr-" + location, 1, firstSeen, firstSeen.plusMillis(1500), reads, rssi, Direction.IN);
    }
}
