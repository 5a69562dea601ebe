package org.openrfid.trace.service.passage.jdbc;

import org.openrfid.trace.service.testsupport.Stores;
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
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.service.passage.LocatedPassage;
import org.openrfid.trace.service.passage.TagWindow;
import org.openrfid.trace.service.passage.TimeOrder;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageId;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The behaviour every passage store must have, whatever the database. Subclasses supply a fresh,
 * empty database: H2GIS in memory and a PostGIS schema of its own.
 */
public abstract class PassageStoreContractTests {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final String TID_A = "E2801160200000000000001F";
    private static final String TID_B = "E2801160200000000000003E";

    protected Stores stores;
    private DataSource dataSource;

    /** A data source on a database (or schema) no other test uses. */
    protected abstract DataSource freshDatabase();

    /** Flyway's migration folder for this database. */
    protected abstract String vendor();

    protected Flyway flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + vendor()).load();
    }

    @BeforeEach
    void migrateFreshDatabase() {
        dataSource = freshDatabase();
        flyway(dataSource).migrate();
        stores = Stores.create(dataSource,
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
    void storesLaneReadPointsAndBoundObjectAndReadsThemBack() {
        Passage trail = withTrail(passage("3074257BF7194E4000001A85", "CP-1", NOW, 9, -48.5), 2,
                List.of("gantry-1/2", "gantry-1/1", "odd \"reader\", with\\comma/3"));
        EnrichedPassage bound = new EnrichedPassage(trail, new BoundObject(ObjectKind.VEHICLE, "V-42"), null);
        EnrichedPassage unbound = EnrichedPassage.bare(passage("3074257BF7194E4000001A86", "CP-1", NOW, 1, -60));

        assertThat(stores.passages().saveEnriched(List.of(bound, unbound))).isEqualTo(2);

        assertThat(stores.passages().findEnriched(trail.id())).contains(bound);
        assertThat(stores.passages().find(trail.id())).hasValueSatisfying(p -> {
            assertThat(p.lane()).isEqualTo(2);
            assertThat(p.readPoints()).containsExactly("gantry-1/2", "gantry-1/1", "odd \"reader\", with\\comma/3");
        });
        assertThat(stores.passages().findEnriched(unbound.passage().id())).hasValueSatisfying(e -> {
            assertThat(e.object()).isNull();
            assertThat(e.passage().readPoints()).isEmpty();
        });
        assertThat(stores.passages().latest(2)).contains(trail);
    }

    @Test
    void storesTheTidsAndReadsThemBackThroughStoreAndQueries() {
        Passage one = passage("3074257BF7194E4000001A85", "CP-1", NOW, 4, -50).withTid(TID_A, null);
        Passage cloned = passage("3074257BF7194E4000001A86", "CP-1", NOW.minusSeconds(1), 9, -52).withTid(TID_A, TID_B);
        Passage none = passage("3074257BF7194E4000001A87", "CP-1", NOW.minusSeconds(2), 2, -58);

        assertThat(stores.passages().saveAll(List.of(one, cloned, none))).isEqualTo(3);

        assertThat(stores.passages().find(one.id())).contains(one);
        assertThat(stores.passages().find(cloned.id())).hasValueSatisfying(p -> {
            assertThat(p.tid()).isEqualTo(TID_A);
            assertThat(p.otherTid()).isEqualTo(TID_B);
        });
        assertThat(stores.passages().find(none.id())).hasValueSatisfying(p -> {
            assertThat(p.tid()).isNull();
            assertThat(p.otherTid()).isNull();
        });
        assertThat(stores.passages().latest(3)).extracting(Passage::tid).containsExactly(TID_A, TID_A, null);

        List<LocatedPassage> found = new JdbcPassageQueries(new JdbcTemplate(dataSource)).ofTags(
                List.of(new TagWindow(cloned.epc().toHex(), NOW.minusSeconds(60), NOW.plusSeconds(60))), null, TimeOrder.OLDEST_FIRST, 10);
        assertThat(found).singleElement().satisfies(lp -> {
            assertThat(lp.passage().tid()).isEqualTo(TID_A);
            assertThat(lp.passage().otherTid()).isEqualTo(TID_B);
        });
    }

    /** Large batches take the bulk path on PostGIS (COPY, {@code copy-min-batch} 256): same fields, same idempotency. */
    @Test
    void aLargeBatchKeepsEveryFieldAndWrittenTwiceIsStoredOnce() {
        List<EnrichedPassage> batch = new ArrayList<>();
        for (int i = 0; i < Stores.DEFAULT_COPY_MIN_BATCH + 44; i++) {
            Passage p = withTrail(passage(String.format("3074257BF7194E40000%05X", i), "CP-" + (i % 4), NOW.minusSeconds(i), 1 + i % 9, -40 - i % 20),
                    i % 4, List.of("rdr-" + i + "/1", "rdr-" + i + "/2"));
            if (i % 3 != 2) { // TIDs on two in three, a second TID on every fifth of those: COPY carries them and their absence
                p = p.withTid(String.format("E28011602000%012X", i), i % 5 == 0 ? String.format("E28011602000%012X", i + 1_000_000) : null);
            }
            batch.add(new EnrichedPassage(p, i % 3 == 0 ? null : new BoundObject(ObjectKind.values()[i % 4], "OBJ-" + i), null));
        }

        assertThat(stores.passages().saveEnriched(batch)).isEqualTo(batch.size());
        assertThat(stores.passages().saveEnriched(batch)).isZero();

        assertThat(stores.passages().count()).isEqualTo(batch.size());
        for (EnrichedPassage e : List.of(batch.get(0), batch.get(1), batch.get(2), batch.get(5), batch.get(batch.size() - 1))) {
            assertThat(stores.passages().findEnriched(e.passage().id())).contains(e);
        }
        assertThat(stores.passages().find(batch.get(0).passage().id())).hasValueSatisfying(p -> {
            assertThat(p.tid()).isEqualTo("E28011602000000000000000");
            assertThat(p.otherTid()).isEqualTo("E280116020000000000F4240");
        });
        assertThat(stores.passages().find(batch.get(2).passage().id())).hasValueSatisfying(p -> assertThat(p.tid()).isNull());
    }

    private static Passage withTrail(Passage p, int lane, List<String> readPoints) {
        return new Passage(p.id(), p.epc(), p.tagUri(), p.locationId(), p.readerId(), p.antenna(), p.firstSeen(), p.lastSeen(),
                p.reads(), p.peakRssiDbm(), p.direction(), lane, readPoints);
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

    public static Passage passage(String epcHex, String location, Instant firstSeen, int reads, double rssi) {
        RawEpc epc = RawEpc.ofHex(epcHex);
        return new Passage(PassageId.of(epc, location, Instants.toMicros(firstSeen)), epc, "urn:epc:tag:test:" + epcHex,
                location, "rdr-" + location, 1, firstSeen, firstSeen.plusMillis(1500), reads, rssi, Direction.IN);
    }
}
