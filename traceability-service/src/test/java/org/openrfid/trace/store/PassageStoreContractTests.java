package org.openrfid.trace.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.location.Location;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageId;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.reader.RawEpc;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The behaviour every passage store must have, whatever the database. Subclasses supply a fresh,
 * empty database: H2GIS in memory and a PostGIS schema of its own.
 */
abstract class PassageStoreContractTests {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    protected StoreConfiguration.Stores stores;

    /** A data source on a database (or schema) no other test uses. */
    protected abstract DataSource freshDatabase();

    /** Flyway's migration folder for this database. */
    protected abstract String vendor();

    protected Flyway flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + vendor()).load();
    }

    @BeforeEach
    void migrateFreshDatabase() {
        DataSource dataSource = freshDatabase();
        flyway(dataSource).migrate();
        stores = StoreConfiguration.Stores.create(dataSource,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), Clock.systemUTC());
        stores.ensurePartitions();
    }

    @Test
    void storesEveryFieldAndReadsItBack() {
        Passage odd = passage("3074257BF7194E4000001A85", "CP-1", NOW, 17, -61.25);
        Passage bits = new Passage(PassageId.of(new RawEpc(new byte[] {(byte) 0xAB, (byte) 0xC0}, 10), "CP-2", 1),
                new RawEpc(new byte[] {(byte) 0xAB, (byte) 0xC0}, 10), null, "CP-2", null, 0,
                NOW.minusSeconds(5), NOW, 1, Double.NaN, Direction.NONE);

        assertThat(stores.passages().saveAll(List.of(odd, bits))).isEqualTo(2);

        assertThat(stores.passages().find(odd.id())).contains(odd);
        assertThat(stores.passages().find(bits.id())).hasValueSatisfying(p -> {
            assertThat(p.epc()).isEqualTo(bits.epc());
            assertThat(p.epc().bitLength()).isEqualTo(10);
            assertThat(p.peakRssiDbm()).isNaN();
            assertThat(p.tagUri()).isNull();
        });
    }

    @Test
    void storingTheSamePassageTwiceKeepsOne() {
        Passage p = passage("3074257BF7194E4000001A85", "CP-1", NOW, 3, -50);

        assertThat(stores.passages().saveAll(List.of(p))).isEqualTo(1);
        assertThat(stores.passages().saveAll(List.of(p, passage("3074257BF7194E4000001A86", "CP-1", NOW, 3, -50)))).isEqualTo(1);

        assertThat(stores.passages().count()).isEqualTo(2);
    }

    @Test
    void latestIsNewestFirstAndHonoursTheLimit() {
        List<Passage> day = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            day.add(passage(String.format("3074257BF7194E40000000%02X", i), "CP-" + (i % 3), NOW.minus(Duration.ofMinutes(i)), 5, -55));
        }
        stores.passages().saveAll(day);

        List<Passage> latest = stores.passages().latest(5);

        assertThat(latest).hasSize(5);
        assertThat(latest).extracting(Passage::firstSeen)
                .containsExactly(NOW, NOW.minusSeconds(60), NOW.minusSeconds(120), NOW.minusSeconds(180), NOW.minusSeconds(240));
    }

    @Test
    void keepsPassagesOfAnyDayIncludingOldReplays() {
        Instant lastYear = NOW.minus(Duration.ofDays(400));
        Instant yesterday = NOW.minus(Duration.ofDays(1));
        Instant nextWeek = NOW.plus(Duration.ofDays(6));

        stores.passages().saveAll(List.of(
                passage("3074257BF7194E4000000001", "CP-1", lastYear, 1, -70),
                passage("3074257BF7194E4000000002", "CP-1", yesterday, 1, -70),
                passage("3074257BF7194E4000000003", "CP-1", nextWeek, 1, -70)));

        assertThat(stores.passages().count()).isEqualTo(3);
        assertThat(stores.passages().latest(3)).extracting(Passage::firstSeen).containsExactly(nextWeek, yesterday, lastYear);
    }

    @Test
    void locationsKeepTheirPositionAndAreReplacedById() {
        stores.locations().save(List.of(
                new Location("CQ-CP-001", "Jiefangbei", "checkpoint", 29.5586, 106.5770, null),
                new Location("CQ-LANE-1", "Lane 1", "lane", 29.5587, 106.5771, "CQ-CP-001")));
        stores.locations().save(List.of(new Location("CQ-CP-001", "Jiefangbei Square", "checkpoint", 29.5590, 106.5775, null)));

        assertThat(stores.locations().all()).hasSize(2);
        assertThat(stores.locations().find("CQ-CP-001")).hasValueSatisfying(l -> {
            assertThat(l.name()).isEqualTo("Jiefangbei Square");
            assertThat(l.lat()).isCloseTo(29.5590, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(l.lon()).isCloseTo(106.5775, org.assertj.core.data.Offset.offset(1e-9));
        });
        assertThat(stores.locations().find("CQ-LANE-1")).hasValueSatisfying(l -> assertThat(l.parent()).isEqualTo("CQ-CP-001"));
    }

    static Passage passage(String epcHex, String location, Instant firstSeen, int reads, double rssi) {
        RawEpc epc = RawEpc.ofHex(epcHex);
        return new Passage(PassageId.of(epc, location, Instants.toMicros(firstSeen)), epc, "urn:epc:tag:test:" + epcHex,
                location, "rdr-" + location, 1, firstSeen, firstSeen.plusMillis(1500), reads, rssi, Direction.IN);
    }
}
