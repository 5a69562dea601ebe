package org.openrfid.trace.service.registry.jdbc;

import org.openrfid.trace.service.testsupport.Stores;
import org.openrfid.trace.service.testsupport.RegistryStores;
import org.openrfid.trace.service.passage.jdbc.JdbcPassageQueries;
import org.openrfid.trace.service.passage.jdbc.PassageStoreContractTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.service.passage.LocatedPassage;
import org.openrfid.trace.service.passage.PassageCursor;
import org.openrfid.trace.service.passage.PassageQueries;
import org.openrfid.trace.service.passage.TagWindow;
import org.openrfid.trace.service.passage.TimeOrder;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.registry.binding.NewBinding;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.Tag;
import org.openrfid.trace.service.registry.binding.TagBinding;
import org.openrfid.trace.service.registry.vehicle.Vehicle;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The behaviour every registry and query store must have, whatever the database. Subclasses supply
 * a fresh, empty database: H2GIS in memory and a PostGIS schema of its own.
 */
abstract class RegistryStoreContractTests {

    private static final Instant T0 = Instant.parse("2025-06-02T08:00:00Z");
    private static final String EPC_A = "3416451DA400000005F5E100";
    private static final String EPC_B = "3416451DA400000005F5E101";

    protected RegistryStores registry;
    protected Stores stores;

    protected abstract DataSource freshDatabase();

    protected abstract String vendor();

    protected Flyway flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + vendor()).load();
    }

    @BeforeEach
    void migrateFreshDatabase() {
        DataSource dataSource = freshDatabase();
        flyway(dataSource).migrate();
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        registry = RegistryStores.create(dataSource, tx);
        stores = Stores.create(dataSource, tx, java.time.Clock.systemUTC());
    }

    static Vehicle vehicle(String plate, String vin) {
        return new Vehicle(UUID.randomUUID(), plate, "02", "blue", "K33", vin, "active", "E280689420004159351ECE60");
    }

    @Test
    void vehiclesKeepEveryFieldAndAreFoundByIdPlateAndVin() {
        Vehicle v = vehicle("渝BD941W", "LVSX16564HG669910");
        registry.vehicles().save(List.of(v));

        assertThat(v.plate()).isEqualTo("渝B·D941W");
        assertThat(registry.vehicles().find(v.id())).contains(v);
        assertThat(registry.vehicles().findByPlate("渝b d941w")).contains(v);
        assertThat(registry.vehicles().findByVins(List.of("LVSX16564HG669910", "LVSMPG5S3MS271406"))).containsOnlyKeys("LVSX16564HG669910");

        Vehicle stolen = new Vehicle(v.id(), v.plate(), "02", "blue", "K33", v.vin(), "stolen", null);
        registry.vehicles().save(List.of(stolen));
        assertThat(registry.vehicles().find(v.id())).contains(stolen);
        assertThat(registry.vehicles().count()).isEqualTo(1);
    }

    @Test
    void vehiclePagesAreOrderedByPlateAndContinueAfterTheCursor() {
        registry.vehicles().save(List.of(vehicle("渝C81480", "LVSMPG5S3MS271406"), vehicle("渝BD941W", "LVSX16564HG669910"),
                vehicle("川A12345", "LFVJNERW3HJ253063")));

        List<Vehicle> first = registry.vehicles().page(null, 2);
        List<Vehicle> rest = registry.vehicles().page(first.get(1).plate(), 2);

        // Code point order: 川 (U+5DDD) before 渝 (U+6E1D).
        assertThat(first).extracting(Vehicle::plate).containsExactly("川A·12345", "渝B·D941W");
        assertThat(rest).extracting(Vehicle::plate).containsExactly("渝C·81480");
    }

    @Test
    void aBindingHoldsFromItsStartAndReBindingClosesTheOldInterval() {
        registry.tags().save(List.of(new Tag(RawEpc.ofHex(EPC_A), "E280689420004159351ECE60"), new Tag(RawEpc.ofHex(EPC_B), null)));
        assertThat(registry.tags().find(EPC_A)).hasValueSatisfying(t -> assertThat(t.tid()).isEqualTo("E280689420004159351ECE60"));

        assertThat(registry.bindings().bind(List.of(new NewBinding(EPC_A, ObjectKind.VEHICLE, "car-1", T0)))).isEqualTo(1);
        // The same binding again changes nothing.
        assertThat(registry.bindings().bind(List.of(new NewBinding(EPC_A, ObjectKind.VEHICLE, "car-1", T0.plusSeconds(5))))).isZero();
        // The tag moves to another car an hour later.
        registry.bindings().bind(List.of(new NewBinding(EPC_A, ObjectKind.VEHICLE, "car-2", T0.plusSeconds(3600))));

        assertThat(registry.bindings().at(EPC_A, T0.minusMillis(1))).isEmpty();
        assertThat(registry.bindings().at(EPC_A, T0)).hasValueSatisfying(b -> assertThat(b.objectId()).isEqualTo("car-1"));
        assertThat(registry.bindings().at(EPC_A, T0.plusSeconds(3599))).hasValueSatisfying(b -> assertThat(b.objectId()).isEqualTo("car-1"));
        assertThat(registry.bindings().at(EPC_A, T0.plusSeconds(3600))).hasValueSatisfying(b -> assertThat(b.objectId()).isEqualTo("car-2"));
        assertThat(registry.bindings().ofTag(EPC_A)).extracting(TagBinding::validTo).containsExactly(T0.plusSeconds(3600), null);

        // car-2 gets a new windscreen tag: its old tag is released at that moment.
        registry.bindings().bind(List.of(new NewBinding(EPC_B, ObjectKind.VEHICLE, "car-2", T0.plusSeconds(7200))));
        assertThat(registry.bindings().at(EPC_A, T0.plusSeconds(7200))).isEmpty();
        assertThat(registry.bindings().ofObject(ObjectKind.VEHICLE, "car-2")).extracting(TagBinding::epcHex).containsExactly(EPC_A, EPC_B);
        assertThat(registry.bindings().everBound(List.of(EPC_A, EPC_B, "30F4257BF4000000000000FF"))).containsExactlyInAnyOrder(EPC_A, EPC_B);
    }

    @Test
    void historyIsNotRewrittenAndUnknownTagsAreRefused() {
        registry.tags().save(List.of(new Tag(RawEpc.ofHex(EPC_A), null)));
        registry.bindings().bind(List.of(new NewBinding(EPC_A, ObjectKind.VEHICLE, "car-1", T0)));

        assertThatThrownBy(() -> registry.bindings().bind(List.of(new NewBinding(EPC_A, ObjectKind.GOODS, "case-1", T0.minusSeconds(1)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlaps");
        assertThatThrownBy(() -> registry.bindings().bind(List.of(new NewBinding(EPC_B, ObjectKind.VEHICLE, "car-9", T0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not registered");
        assertThat(registry.bindings().unbind(EPC_A, T0.plusSeconds(60))).isTrue();
        assertThat(registry.bindings().unbind(EPC_A, T0.plusSeconds(90))).isFalse();
        assertThatThrownBy(() -> registry.bindings().bind(List.of(new NewBinding(EPC_A, ObjectKind.VEHICLE, "car-3", T0.plusSeconds(30)))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(registry.bindings().ofTag(EPC_A)).singleElement().satisfies(b -> assertThat(b.validTo()).isEqualTo(T0.plusSeconds(60)));
    }

    @Test
    void locationsAreFoundInAnAreaNearAPointAndWithTheirChildren() {
        Locations locations = stores.locations();
        locations.save(List.of(
                new Location("CQ-CP-001", "Chaotianmen", "checkpoint", 29.588, 106.594, null),
                new Location("CQ-CP-001-L1", "lane 1", "lane", 29.5879, 106.5939, "CQ-CP-001"),
                new Location("CQ-CP-002", "Far", "checkpoint", 29.70, 106.70, null)));
        GeometryFactory gf = new GeometryFactory();
        var box = gf.createPolygon(new Coordinate[] {new Coordinate(106.5, 29.5), new Coordinate(106.6, 29.5),
                new Coordinate(106.6, 29.6), new Coordinate(106.5, 29.6), new Coordinate(106.5, 29.5)});

        assertThat(locations.within(box)).extracting(Location::id).containsExactly("CQ-CP-001", "CQ-CP-001-L1");
        // The lane is about 14 m from the checkpoint, the other checkpoint about 16 km.
        assertThat(locations.near(29.588, 106.594, 20)).extracting(Location::id).containsExactly("CQ-CP-001", "CQ-CP-001-L1");
        assertThat(locations.near(29.588, 106.594, 5)).extracting(Location::id).containsExactly("CQ-CP-001");
        assertThat(locations.withDescendants(List.of("CQ-CP-001"))).containsExactlyInAnyOrder("CQ-CP-001", "CQ-CP-001-L1");
        assertThat(locations.page(null, 2)).extracting(Location::id).containsExactly("CQ-CP-001", "CQ-CP-001-L1");
        assertThat(locations.page("CQ-CP-001-L1", 2)).extracting(Location::id).containsExactly("CQ-CP-002");
    }

    @Test
    void aDeletedLocationIsGoneFromEveryQuestionAndOnlyItIs() {
        Locations locations = stores.locations();
        locations.save(List.of(
                new Location("CQ-CP-001", "Chaotianmen", "checkpoint", 29.588, 106.594, null),
                new Location("CQ-CP-001-L1", "lane 1", "lane", 29.5879, 106.5939, "CQ-CP-001")));

        assertThat(locations.delete("CQ-CP-001-L1")).isTrue();
        assertThat(locations.delete("CQ-CP-001-L1")).as("a second delete finds nothing").isFalse();

        assertThat(locations.find("CQ-CP-001-L1")).isEmpty();
        assertThat(locations.all()).extracting(Location::id).containsExactly("CQ-CP-001");
        assertThat(locations.near(29.5879, 106.5939, 5)).extracting(Location::id).doesNotContain("CQ-CP-001-L1");
        assertThat(locations.withDescendants(List.of("CQ-CP-001"))).containsExactly("CQ-CP-001");
        // the id is free again
        locations.save(List.of(new Location("CQ-CP-001-L1", "lane 1 again", "lane", 29.5879, 106.5939, "CQ-CP-001")));
        assertThat(locations.find("CQ-CP-001-L1")).map(Location::name).contains("lane 1 again");
    }

    @Test
    void areaLocationsKeepTheirShapeAndAreFoundWhereverTheyTouchTheQuestion() throws Exception {
        Locations locations = stores.locations();
        // A warehouse yard 0.01 degrees wide (about 1 km) with a courtyard hole, an L-shaped car park
        // whose centroid lies outside it, and a gate point.
        var yard = new org.locationtech.jts.io.WKTReader().read(
                "POLYGON ((106.50 29.50, 106.51 29.50, 106.51 29.51, 106.50 29.51, 106.50 29.50),"
                        + " (106.504 29.504, 106.506 29.504, 106.506 29.506, 106.504 29.506, 106.504 29.504))");
        var carPark = new org.locationtech.jts.io.WKTReader().read(
                "MULTIPOLYGON (((106.60 29.60, 106.62 29.60, 106.62 29.601, 106.601 29.601, 106.601 29.62, 106.60 29.62, 106.60 29.60)))");
        locations.save(List.of(
                Location.of("WH-1", "Bonded warehouse", "warehouse", yard, null),
                Location.of("CAR-PARK", "Car park", "car_park", carPark, null),
                new Location("WH-1-G1", "Yard gate", "gate", 29.5, 106.505, "WH-1")));

        Location wh = locations.find("WH-1").orElseThrow();
        assertThat(wh.isArea()).isTrue();
        assertThat(wh.shape().equalsExact(yard)).as("shape read back %s", wh.shape()).isTrue();
        // The representative point lies on the surface: not in the courtyard hole, in the L of the car park.
        assertThat(yard.contains(gf().createPoint(new Coordinate(wh.lon(), wh.lat())))).isTrue();
        Location park = locations.find("CAR-PARK").orElseThrow();
        assertThat(carPark.contains(gf().createPoint(new Coordinate(park.lon(), park.lat())))).isTrue();
        assertThat(carPark.contains(carPark.getCentroid())).as("the centroid would have been outside").isFalse();
        assertThat(park.lat()).isEqualTo(Location.of("x", null, null, carPark, null).lat());

        // A box overlapping only the yard's eastern edge finds the yard though no point of it is inside.
        assertThat(locations.within(box(106.509, 29.502, 106.52, 29.503))).extracting(Location::id).containsExactly("WH-1");
        // A box inside the courtyard hole touches nothing.
        assertThat(locations.within(box(106.5045, 29.5045, 106.5055, 29.5055))).isEmpty();
        // Radius: 100 m east of the yard's edge finds it with 150 m, not with 50 m.
        double eastLon = 106.51 + Math.toDegrees(100 / 6_371_008.8) / Math.cos(Math.toRadians(29.505));
        assertThat(locations.near(29.505, eastLon, 150)).extracting(Location::id).containsExactly("WH-1");
        assertThat(locations.near(29.505, eastLon, 50)).isEmpty();
        // Inside the yard (not in the hole) is distance 0; the gate on the southern edge is 200 m away.
        assertThat(locations.near(29.502, 106.502, 1)).extracting(Location::id).containsExactly("WH-1");

        // Passages at an area carry its representative point, as trajectories draw it.
        stores.passages().saveAll(List.of(PassageStoreContractTests.passage(EPC_A, "WH-1", T0, 2, -50)));
        LocatedPassage lp = registry.passageQueries().ofTags(List.of(new TagWindow(EPC_A, null, null)), null, TimeOrder.OLDEST_FIRST, 10).get(0);
        assertThat(lp.location().lat()).isEqualTo(wh.lat());
        assertThat(lp.location().lon()).isEqualTo(wh.lon());
    }

    private static GeometryFactory gf() {
        return new GeometryFactory();
    }

    private static org.locationtech.jts.geom.Polygon box(double minLon, double minLat, double maxLon, double maxLat) {
        return gf().createPolygon(new Coordinate[] {new Coordinate(minLon, minLat), new Coordinate(maxLon, minLat),
                new Coordinate(maxLon, maxLat), new Coordinate(minLon, maxLat), new Coordinate(minLon, minLat)});
    }

    @Test
    void passagesOfTagWindowsComeInTimeOrderWithTheirLocationAndPageByCursor() {
        stores.locations().save(List.of(new Location("CP-1", "One", "checkpoint", 29.5, 106.5, null)));
        List<Passage> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            all.add(PassageStoreContractTests.passage(i % 2 == 0 ? EPC_A : EPC_B, i < 5 ? "CP-1" : "CP-2", T0.plusSeconds(60L * i), 2, -50));
        }
        stores.passages().saveAll(all);
        PassageQueries q = registry.passageQueries();

        List<LocatedPassage> ofA = q.ofTags(List.of(new TagWindow(EPC_A, null, null)), null, TimeOrder.OLDEST_FIRST, 100);
        assertThat(ofA).extracting(lp -> lp.passage().firstSeen())
                .containsExactly(T0, T0.plusSeconds(120), T0.plusSeconds(240), T0.plusSeconds(360), T0.plusSeconds(480));
        assertThat(ofA.get(0).location()).isNotNull().extracting(Location::name).isEqualTo("One");
        assertThat(ofA.get(4).location()).isNull();

        // Two windows (as two bindings of one object) and pages of two, newest first.
        List<TagWindow> windows = List.of(new TagWindow(EPC_A, T0, T0.plusSeconds(200)), new TagWindow(EPC_B, T0.plusSeconds(200), null));
        List<Instant> seen = new ArrayList<>();
        PassageCursor cursor = null;
        for (int page = 0; page < 5; page++) {
            List<LocatedPassage> items = q.ofTags(windows, cursor, TimeOrder.NEWEST_FIRST, 2);
            items.forEach(lp -> seen.add(lp.passage().firstSeen()));
            if (items.size() < 2) {
                break;
            }
            Passage last = items.get(items.size() - 1).passage();
            cursor = PassageCursor.decode(new PassageCursor(last.firstSeen(), last.id()).encode());
        }
        assertThat(seen).containsExactly(T0.plusSeconds(540), T0.plusSeconds(420), T0.plusSeconds(300),
                T0.plusSeconds(120), T0);

        assertThat(q.atLocations(List.of("CP-2"), T0.plusSeconds(360), T0.plusSeconds(480), null, TimeOrder.OLDEST_FIRST, 10))
                .extracting(lp -> lp.passage().firstSeen()).containsExactly(T0.plusSeconds(360), T0.plusSeconds(420));
    }

    @Test
    void overlappingWindowsRepeatedLocationsAndManyKeysGiveEachPassageOnce() {
        List<Passage> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            all.add(PassageStoreContractTests.passage(i % 2 == 0 ? EPC_A : EPC_B, i < 3 ? "CP-1" : "CP-2", T0.plusSeconds(60L * i), 2, -50));
        }
        stores.passages().saveAll(all);
        PassageQueries q = registry.passageQueries();
        List<Instant> everyA = List.of(T0, T0.plusSeconds(120), T0.plusSeconds(240));

        List<TagWindow> overlapping = List.of(new TagWindow(EPC_A, T0, T0.plusSeconds(150)), new TagWindow(EPC_A, T0.plusSeconds(100), null));
        assertThat(q.ofTags(overlapping, null, TimeOrder.OLDEST_FIRST, 10)).extracting(lp -> lp.passage().firstSeen())
                .containsExactlyElementsOf(everyA);
        assertThat(q.atLocations(List.of("CP-1", "CP-1"), T0, T0.plusSeconds(600), null, TimeOrder.OLDEST_FIRST, 10)).hasSize(3);

        // Past JdbcPassageQueries.MERGE_KEYS tag windows the query takes its OR form: same answer.
        List<TagWindow> many = new ArrayList<>(overlapping);
        List<String> manyLocations = new ArrayList<>(List.of("CP-2"));
        for (int i = 0; i < JdbcPassageQueries.MERGE_KEYS + 5; i++) {
            many.add(new TagWindow(String.format("3074257BF7194E400000%04X", i), null, null));
            manyLocations.add("NOWHERE-" + i);
        }
        assertThat(q.ofTags(many, null, TimeOrder.OLDEST_FIRST, 10)).extracting(lp -> lp.passage().firstSeen())
                .containsExactlyElementsOf(everyA);
        assertThat(q.atLocations(manyLocations, T0, T0.plusSeconds(600), null, TimeOrder.NEWEST_FIRST, 2))
                .extracting(lp -> lp.passage().firstSeen()).containsExactly(T0.plusSeconds(300), T0.plusSeconds(240));
    }

    @Test
    void passagesWithTheSameFirstSeenPageWithoutLossOrRepeat() {
        Instant t = T0.truncatedTo(ChronoUnit.SECONDS);
        List<Passage> same = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            same.add(PassageStoreContractTests.passage(String.format("3074257BF7194E40000000%02X", i), "CP-1", t, 1, -60));
        }
        stores.passages().saveAll(same);
        List<String> ids = new ArrayList<>();
        PassageCursor cursor = null;
        while (true) {
            List<LocatedPassage> items = registry.passageQueries().atLocations(List.of("CP-1"), t, t.plus(Duration.ofSeconds(1)), cursor, TimeOrder.OLDEST_FIRST, 3);
            items.forEach(lp -> ids.add(lp.passage().id()));
            if (items.size() < 3) {
                break;
            }
            Passage last = items.get(2).passage();
            cursor = new PassageCursor(last.firstSeen(), last.id());
        }
        assertThat(ids).hasSize(7).doesNotHaveDuplicates().isSorted();
    }
}
