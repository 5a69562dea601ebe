package org.openrfid.trace.service.analytics;

import org.openrfid.trace.service.testsupport.RegistryStores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.analytics.Companion.SharedSighting;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageId;
import org.openrfid.trace.service.passage.TagWindow;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.registry.binding.NewBinding;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.Tag;
import org.openrfid.trace.service.registry.vehicle.Vehicle;
import org.openrfid.trace.service.analytics.jdbc.AnalyticsStoreConfiguration;
import org.openrfid.trace.service.testsupport.TestStores;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every analytics adapter must answer, whatever the database, on hand-made passages whose answers
 * are worked out in the comments. Subclasses supply a fresh, empty database per test.
 */
abstract class AnalyticsContractTests {

    static final Instant T0 = Instant.parse("2025-06-02T08:00:00Z");
    static final Duration M = Duration.ofMinutes(1);

    static final String S = "AA0000000000000000000001";
    static final String C = "AA0000000000000000000002";
    static final String U = "AA0000000000000000000003";
    static final String U2 = "AA0000000000000000000004";
    static final String F = "AA0000000000000000000005";

    protected Analytics analytics;
    protected RegistryStores registry;
    protected TestStores stores;
    private final List<Passage> passages = new ArrayList<>();
    private Vehicle carS;
    private Vehicle carC;

    protected abstract DataSource freshDatabase();

    protected abstract Flyway flyway(DataSource dataSource);

    @BeforeEach
    void migrateFreshDatabase() {
        DataSource dataSource = freshDatabase();
        flyway(dataSource).migrate();
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        registry = RegistryStores.create(dataSource, tx);
        stores = new TestStores(dataSource, tx, Clock.systemUTC());
        analytics = AnalyticsStoreConfiguration.create(dataSource);
        // Checkpoint CP-1 has two lanes; CP-2 and CP-3 are single places.
        stores.locations.save(List.of(
                new Location("CP-1", "Checkpoint 1", "checkpoint", 29.56, 106.55, null),
                new Location("CP-1-L1", "Checkpoint 1 lane 1", "lane", 29.56, 106.55, "CP-1"),
                new Location("CP-1-L2", "Checkpoint 1 lane 2", "lane", 29.56, 106.55, "CP-1"),
                new Location("CP-2", "Checkpoint 2", "checkpoint", 29.57, 106.56, null),
                new Location("CP-3", "Checkpoint 3", "checkpoint", 29.58, 106.57, null)));
        carS = new Vehicle(UUID.randomUUID(), "渝BD941W", "02", "blue", "K33", "LVSX16564HG669910", "active", null);
        carC = new Vehicle(UUID.randomUUID(), "渝C81480", "02", "yellow", "H11", "LVSMPG5S3MS271406", "active", null);
        registry.vehicles().save(List.of(carS, carC));
        registry.tags().save(List.of(tag(S), tag(C), tag(U), tag(U2), tag(F)));
        registry.bindings().bind(List.of(
                new NewBinding(S, ObjectKind.VEHICLE, carS.id().toString(), T0.minus(Duration.ofDays(1))),
                new NewBinding(C, ObjectKind.VEHICLE, carC.id().toString(), T0.minus(Duration.ofDays(1)))));
    }

    // --- co-location -------------------------------------------------------------------------

    /**
     * The subject car S passes CP-1 lane 1 at T0, CP-2 at T0+10m, CP-3 at T0+20m. With Δ = 2 minutes:
     * car C is at CP-1 lane 2 (+30 s), CP-2 (+60 s), and at CP-3 with a new tag U2 bound from T0+15m
     * (+10 s), while its old tag C, released then, is at CP-3 at −90 s and +100 s as an unbound tag.
     * Tag U is at lane 1 (−60 s), at CP-2 too late (+3 min) and at CP-3 (+30 s). Tag F is at CP-2 ten
     * minutes off.
     */
    private void convoy() {
        registry.bindings().bind(List.of(new NewBinding(U2, ObjectKind.VEHICLE, carC.id().toString(), T0.plus(M.multipliedBy(15)))));
        at(S, "CP-1-L1", T0);
        at(S, "CP-2", T0.plus(M.multipliedBy(10)));
        at(S, "CP-3", T0.plus(M.multipliedBy(20)));
        at(C, "CP-1-L2", T0.plusSeconds(30));
        at(C, "CP-2", T0.plus(M.multipliedBy(10)).plusSeconds(60));
        at(U2, "CP-3", T0.plus(M.multipliedBy(20)).plusSeconds(10));
        at(C, "CP-3", T0.plus(M.multipliedBy(20)).minusSeconds(90));
        at(C, "CP-3", T0.plus(M.multipliedBy(20)).plusSeconds(100));
        at(U, "CP-1-L1", T0.minusSeconds(60));
        at(U, "CP-2", T0.plus(M.multipliedBy(13)));
        at(U, "CP-3", T0.plus(M.multipliedBy(20)).plusSeconds(30));
        at(F, "CP-2", T0);
        save();
    }

    private Subject carSubject() {
        return new Subject(List.of(new TagWindow(S, T0.minus(Duration.ofDays(1)), null)), List.of(), "VEHICLE", carS.id().toString());
    }

    private CoLocationQuery companions(Subject subject, Level level, int minShared, int maxSightings, CompanionCursor after, int limit) {
        return new CoLocationQuery(subject, new Period(T0, T0.plus(Duration.ofHours(1))), Duration.ofMinutes(2), level, minShared,
                maxSightings, after, limit);
    }

    @Test
    void companionsAtTheSameLocationWithinDeltaThroughTheBindingOfTheirTime() {
        convoy();

        List<Companion> found = analytics.companions(companions(carSubject(), Level.LOCATION, 1, 10, null, 10));

        // Two shared each: U (lane 1, CP-3) before car C (CP-2, CP-3 through U2) by kind; tag C once at CP-3.
        assertThat(found).extracting(c -> c.kind() + ":" + c.id() + "=" + c.shared())
                .containsExactly("TAG:" + U + "=2", "VEHICLE:" + carC.id() + "=2", "TAG:" + C + "=1");
        Companion car = found.get(1);
        assertThat(car.places()).isEqualTo(2);
        assertThat(car.firstShared()).isEqualTo(T0.plus(M.multipliedBy(10)));
        assertThat(car.lastShared()).isEqualTo(T0.plus(M.multipliedBy(20)));
        Companion oldTag = found.get(2);
        // Of its two passages at CP-3 the closer one (−90 s) is listed.
        assertThat(oldTag.sightings()).containsExactly(
                new SharedSighting("CP-3", T0.plus(M.multipliedBy(20)), T0.plus(M.multipliedBy(20)).minusSeconds(90)));
    }

    @Test
    void lanesOfOneCheckpointCountAsOnePlaceAtCheckpointLevel() {
        convoy();

        List<Companion> found = analytics.companions(companions(carSubject(), Level.CHECKPOINT, 2, 10, null, 10));

        assertThat(found).extracting(c -> c.id() + "=" + c.shared() + "/" + c.places())
                .containsExactly(carC.id() + "=3/3", U + "=2/2");
        assertThat(found.get(0).sightings()).containsExactly(
                new SharedSighting("CP-1", T0, T0.plusSeconds(30)),
                new SharedSighting("CP-2", T0.plus(M.multipliedBy(10)), T0.plus(M.multipliedBy(10)).plusSeconds(60)),
                new SharedSighting("CP-3", T0.plus(M.multipliedBy(20)), T0.plus(M.multipliedBy(20)).plusSeconds(10)));
        assertThat(found.get(0).firstShared()).isEqualTo(T0);
    }

    @Test
    void minSharedCapsAndPagesAreExplicit() {
        convoy();

        List<Companion> strong = analytics.companions(companions(carSubject(), Level.CHECKPOINT, 3, 2, null, 10));
        assertThat(strong).extracting(Companion::id).containsExactly(carC.id().toString());
        // Three shared sightings, two listed as asked.
        assertThat(strong.get(0).shared()).isEqualTo(3);
        assertThat(strong.get(0).sightings()).extracting(SharedSighting::place).containsExactly("CP-1", "CP-2");

        // One per page (the adapter returns one more to tell a next page exists), continuing after the cursor.
        List<Companion> first = analytics.companions(companions(carSubject(), Level.LOCATION, 1, 0, null, 1));
        assertThat(first).extracting(Companion::id).containsExactly(U, carC.id().toString());
        assertThat(first.get(0).sightings()).isEmpty();
        Companion last = first.get(0);
        List<Companion> second = analytics.companions(companions(carSubject(), Level.LOCATION, 1, 0,
                new CompanionCursor(last.shared(), last.kind(), last.id()), 1));
        assertThat(second).extracting(Companion::id).containsExactly(carC.id().toString(), C);
        Companion two = second.get(0);
        List<Companion> third = analytics.companions(companions(carSubject(), Level.LOCATION, 1, 0,
                new CompanionCursor(two.shared(), two.kind(), two.id()), 1));
        assertThat(third).extracting(Companion::id).containsExactly(C);
    }

    @Test
    void aTagSubjectLeavesOutItselfAndFindsTheSameCompanions() {
        convoy();

        Subject tag = new Subject(List.of(new TagWindow(S, null, null)), List.of(S), null, null);
        List<Companion> found = analytics.companions(companions(tag, Level.LOCATION, 2, 0, null, 10));

        assertThat(found).extracting(Companion::id).containsExactly(U, carC.id().toString());
    }

    @Test
    void companionsOutsideDeltaAreNotCompanions() {
        convoy();

        // With Δ = 20 s only U2 (+10 s) is close enough: car C once, nobody else.
        List<Companion> found = analytics.companions(new CoLocationQuery(carSubject(), new Period(T0, T0.plus(Duration.ofHours(1))),
                Duration.ofSeconds(20), Level.CHECKPOINT, 1, 10, null, 10));

        assertThat(found).extracting(c -> c.id() + "=" + c.shared()).containsExactly(carC.id() + "=1");
    }

    // --- flows -------------------------------------------------------------------------------

    /** Car S twice and tag U once at lane 1, car C at lane 2 in the first quarter hour; car C at CP-2 in the second. */
    private void traffic() {
        at(S, "CP-1-L1", T0.plus(M));
        at(S, "CP-1-L1", T0.plus(M.multipliedBy(5)));
        at(U, "CP-1-L1", T0.plus(M.multipliedBy(2)));
        at(C, "CP-1-L2", T0.plus(M.multipliedBy(3)));
        at(C, "CP-2", T0.plus(M.multipliedBy(20)));
        at(C, "CP-2", T0.plus(Duration.ofHours(2)));
        save();
    }

    private FlowQuery flows(Level level, Set<String> places, boolean byType, int maxRows) {
        return new FlowQuery(new Period(T0, T0.plus(Duration.ofHours(1))), Duration.ofMinutes(15), level, places, byType, maxRows);
    }

    @Test
    void flowsCountPassagesAndDistinctObjectsPerPlaceIntervalAndKind() {
        traffic();

        assertThat(analytics.flows(flows(Level.LOCATION, Set.of(), false, 100))).containsExactly(
                new FlowRow(T0, "CP-1-L1", "TAG", null, 1, 1),
                new FlowRow(T0, "CP-1-L1", "VEHICLE", null, 2, 1),
                new FlowRow(T0, "CP-1-L2", "VEHICLE", null, 1, 1),
                new FlowRow(T0.plus(M.multipliedBy(15)), "CP-2", "VEHICLE", null, 1, 1));
        assertThat(analytics.flows(flows(Level.CHECKPOINT, Set.of(), true, 100))).containsExactly(
                new FlowRow(T0, "CP-1", "TAG", null, 1, 1),
                new FlowRow(T0, "CP-1", "VEHICLE", "H11", 1, 1),
                new FlowRow(T0, "CP-1", "VEHICLE", "K33", 2, 1),
                new FlowRow(T0.plus(M.multipliedBy(15)), "CP-2", "VEHICLE", "H11", 1, 1));
        assertThat(analytics.flows(flows(Level.CHECKPOINT, Set.of("CP-2"), false, 100))).containsExactly(
                new FlowRow(T0.plus(M.multipliedBy(15)), "CP-2", "VEHICLE", null, 1, 1));
    }

    @Test
    void flowsRefuseMoreRowsThanStated() {
        traffic();

        assertThatThrownBy(() -> analytics.flows(flows(Level.LOCATION, Set.of(), false, 3)))
                .isInstanceOf(Analytics.TooManyRowsException.class).hasMessageStartingWith("interval:");
    }

    // --- travel times ------------------------------------------------------------------------

    /**
     * From CP-1 to CP-2: 100, 200, 300 (from lane 2), 400 s; one goes by CP-3 first, one takes three
     * hours, and one passes lane 1 then lane 2 before taking 500 s from lane 2.
     */
    private void journeys() {
        String[] t = new String[8];
        for (int i = 1; i < t.length; i++) {
            t[i] = "BB00000000000000000000" + String.format("%02d", i);
        }
        trip(t[1], "CP-1-L1", 0, "CP-2", 100);
        trip(t[2], "CP-1-L1", 10, "CP-2", 210);
        trip(t[3], "CP-1-L2", 20, "CP-2", 320);
        trip(t[4], "CP-1-L1", 30, "CP-2", 430);
        trip(t[5], "CP-1-L1", 40, "CP-3", 100);
        at(t[5], "CP-2", T0.plusSeconds(200));
        trip(t[6], "CP-1-L1", 50, "CP-2", 50 + 3 * 3600);
        trip(t[7], "CP-1-L1", 60, "CP-1-L2", 90);
        at(t[7], "CP-2", T0.plusSeconds(590));
        save();
    }

    private TravelQuery travel(Level level, String a, String kind, Duration width) {
        return new TravelQuery(new Period(T0, T0.plus(Duration.ofHours(1))), a, "CP-2", level, Duration.ofHours(2), kind, width, 1000);
    }

    @Test
    void travelTimesHavePercentilesAndAHistogram() {
        journeys();

        TravelTimes times = analytics.travelTimes(travel(Level.CHECKPOINT, "CP-1", null, Duration.ofMinutes(4)));

        assertThat(times.count()).isEqualTo(5);
        assertThat(times.minSeconds()).isCloseTo(100, within(1e-6));
        assertThat(times.maxSeconds()).isCloseTo(500, within(1e-6));
        assertThat(times.meanSeconds()).isCloseTo(300, within(1e-6));
        // Linear interpolation: p10 at rank 0.4 between 100 and 200, p90 at rank 3.6 between 400 and 500.
        assertThat(times.p10Seconds()).isCloseTo(140, within(1e-6));
        assertThat(times.p50Seconds()).isCloseTo(300, within(1e-6));
        assertThat(times.p90Seconds()).isCloseTo(460, within(1e-6));
        assertThat(times.bucketWidthSeconds()).isEqualTo(240);
        assertThat(times.histogram()).containsExactly(new TravelTimes.Bin(0, 240, 2), new TravelTimes.Bin(240, 480, 2),
                new TravelTimes.Bin(480, 720, 1));
    }

    @Test
    void travelTimesAtLocationLevelTakeOnlyDirectPassagesFromTheLane() {
        journeys();

        TravelTimes times = analytics.travelTimes(travel(Level.LOCATION, "CP-1-L1", null, null));

        assertThat(times.count()).isEqualTo(3);
        assertThat(times.p50Seconds()).isCloseTo(200, within(1e-6));
        // A round width for 100..400 s in about 20 bins: 15 s, bins 6 (90..105) to 26 (390..405).
        assertThat(times.bucketWidthSeconds()).isEqualTo(15);
        assertThat(times.histogram()).hasSize(21);
        assertThat(times.histogram()).filteredOn(b -> b.count() > 0).extracting(TravelTimes.Bin::fromSeconds).containsExactly(90.0, 195.0, 390.0);
    }

    @Test
    void travelTimesOfAKindWithNoneAreEmpty() {
        journeys();

        TravelTimes none = analytics.travelTimes(travel(Level.CHECKPOINT, "CP-1", "VEHICLE", null));

        assertThat(none.count()).isZero();
        assertThat(none.p50Seconds()).isNull();
        assertThat(none.histogram()).isEmpty();
        assertThat(analytics.travelTimes(travel(Level.CHECKPOINT, "CP-1", "TAG", null)).count()).isEqualTo(5);
    }

    // --- origin-destination ------------------------------------------------------------------

    /**
     * X: lane 1, CP-2, CP-3, then two hours later CP-3, lane 2 (two trips). Y: lane 2, then CP-3 45
     * minutes later (two single-sighting trips). Z: lane 1, CP-3 24 minutes later (one trip).
     */
    private void trips() {
        String x = "CC0000000000000000000001";
        String y = "CC0000000000000000000002";
        String z = "CC0000000000000000000003";
        at(x, "CP-1-L1", T0);
        at(x, "CP-2", T0.plus(M.multipliedBy(10)));
        at(x, "CP-3", T0.plus(M.multipliedBy(20)));
        at(x, "CP-3", T0.plus(M.multipliedBy(140)));
        at(x, "CP-1-L2", T0.plus(M.multipliedBy(160)));
        at(y, "CP-1-L2", T0.plus(M.multipliedBy(5)));
        at(y, "CP-3", T0.plus(M.multipliedBy(50)));
        at(z, "CP-1-L1", T0.plus(M));
        at(z, "CP-3", T0.plus(M.multipliedBy(25)));
        save();
    }

    private OdQuery od(Level level, boolean singles, int maxRows) {
        return new OdQuery(new Period(T0, T0.plus(Duration.ofDays(1))), Duration.ofMinutes(30), level, null, singles, maxRows);
    }

    @Test
    void originDestinationSplitsTripsAtGaps() {
        trips();

        OdMatrix m = analytics.originDestination(od(Level.LOCATION, false, 100));
        assertThat(m.rows()).containsExactly(new OdMatrix.Cell("CP-1-L1", "CP-3", 2), new OdMatrix.Cell("CP-3", "CP-1-L2", 1));
        assertThat(m.trips()).isEqualTo(3);
        assertThat(m.objects()).isEqualTo(2);

        OdMatrix withSingles = analytics.originDestination(od(Level.LOCATION, true, 100));
        assertThat(withSingles.rows()).containsExactly(new OdMatrix.Cell("CP-1-L1", "CP-3", 2), new OdMatrix.Cell("CP-1-L2", "CP-1-L2", 1),
                new OdMatrix.Cell("CP-3", "CP-1-L2", 1), new OdMatrix.Cell("CP-3", "CP-3", 1));
        assertThat(withSingles.trips()).isEqualTo(5);
        assertThat(withSingles.objects()).isEqualTo(3);
    }

    @Test
    void originDestinationRollsLanesUpAndRefusesMoreCellsThanStated() {
        trips();

        assertThat(analytics.originDestination(od(Level.CHECKPOINT, false, 100)).rows())
                .containsExactly(new OdMatrix.Cell("CP-1", "CP-3", 2), new OdMatrix.Cell("CP-3", "CP-1", 1));
        assertThatThrownBy(() -> analytics.originDestination(od(Level.CHECKPOINT, false, 1)))
                .isInstanceOf(Analytics.TooManyRowsException.class);
    }

    // --- fixtures ----------------------------------------------------------------------------

    private void trip(String epc, String from, long atSecond, String to, long arriveSecond) {
        at(epc, from, T0.plusSeconds(atSecond));
        at(epc, to, T0.plusSeconds(arriveSecond));
    }

    private void at(String epcHex, String location, Instant firstSeen) {
        RawEpc epc = RawEpc.ofHex(epcHex);
        passages.add(new Passage(PassageId.of(epc, location, Instants.toMicros(firstSeen)), epc, null, location, "rdr-" + location, 1,
                firstSeen, firstSeen.plusMillis(1500), 3, -60, Direction.IN));
    }

    private void save() {
        stores.passages.saveAll(passages);
        passages.clear();
    }

    private static Tag tag(String hex) {
        return new Tag(RawEpc.ofHex(hex), null);
    }
}
