package org.openrfid.trace.sampledata.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.sampledata.epc.Gs1CheckDigit;

class DemoWorldUnitTests {
    private static DemoWorld world;

    @BeforeAll
    static void load() {
        world = DemoWorld.load();
    }

    @Test
    void committedWorldFilesAreExactlyWhatTheBuilderProduces() throws IOException {
        for (Map.Entry<String, String> file : WorldCsv.render(new WorldBuilder(DemoFiles.WORLD_SEED).build()).entrySet()) {
            try (InputStream in = DemoWorld.open(file.getKey())) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as(file.getKey()).isEqualTo(file.getValue());
            }
        }
    }

    @Test
    void hasAtLeastFortyCheckpointsWithTwoToSixLanesAndTwoAntennasPerLane() {
        List<Location> checkpoints = world.locations().stream().filter(l -> l.kind() == LocationKind.CHECKPOINT).toList();
        assertThat(checkpoints).hasSizeGreaterThanOrEqualTo(40);
        assertThat(checkpoints).allSatisfy(c -> {
            assertThat(c.id()).matches("CQ-CP-\\d{3}");
            assertThat(c.lat()).isBetween(29.3, 29.9);
            assertThat(c.lon()).isBetween(106.2, 106.8);
            long lanes = world.locations().stream().filter(l -> l.parent().equals(c.id()) && l.kind() == LocationKind.LANE).count();
            assertThat(lanes).isBetween(2L, 6L);
            assertThat(world.readPoints().stream().filter(r -> r.location().equals(c.id()))).hasSize((int) lanes * 2)
                    .allSatisfy(r -> assertThat(r.reader()).isEqualTo("rdr-" + c.id()));
        });
    }

    @Test
    void readPointsNameExistingNonLaneLocationsAndValidDirections() {
        Map<String, Location> byId = world.locations().stream().collect(Collectors.toMap(Location::id, l -> l));
        assertThat(world.readPoints()).allSatisfy(r -> {
            assertThat(byId).containsKey(r.location());
            assertThat(byId.get(r.location()).kind()).isNotEqualTo(LocationKind.LANE);
            assertThat(r.direction()).isIn("IN", "OUT", "");
            assertThat(r.antenna()).isPositive();
        });
        assertThat(world.locations()).allSatisfy(l -> assertThat(l.parent().isEmpty() || byId.containsKey(l.parent())).isTrue());
        assertThat(world.locations().stream().map(Location::kind).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(LocationKind.values());
    }

    @Test
    void roadGraphConnectsEveryCheckpoint() {
        Set<String> reached = new HashSet<>(Set.of("CQ-CP-001"));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (RoadLink link : world.roadLinks()) {
                if (reached.contains(link.from()) != reached.contains(link.to())) {
                    reached.add(link.from());
                    reached.add(link.to());
                    grew = true;
                }
            }
        }
        assertThat(reached).hasSize((int) world.locations().stream().filter(l -> l.kind() == LocationKind.CHECKPOINT).count());
        assertThat(world.roadLinks()).allSatisfy(l -> assertThat(l.distanceMetres()).isBetween(200, 60_000));
    }

    @Test
    void vehiclesHaveUniquePlatesTagsAndChipsWithValidVins() {
        List<Vehicle> vehicles = world.vehicles();
        assertThat(vehicles).hasSizeGreaterThanOrEqualTo(5_000);
        assertThat(vehicles.stream().map(Vehicle::plate).distinct()).hasSize(vehicles.size());
        assertThat(vehicles.stream().map(Vehicle::epc).distinct()).hasSize(vehicles.size());
        assertThat(vehicles.stream().map(Vehicle::tid).distinct()).hasSize(vehicles.size());
        assertThat(vehicles).allSatisfy(v -> {
            assertThat(v.epc()).matches("34[0-9A-F]{22}");
            assertThat(v.tid()).matches("E2[0-9A-F]{22}");
            assertThat(Vin.withCheckDigit(v.vin())).isEqualTo(v.vin());
            String serial = v.plate().substring(2);
            switch (v.plateColour()) {
                case "green" -> assertThat(serial).matches("[DF][A-HJ-NP-Z0-9]\\d{4}");
                case "yellow_green" -> assertThat(serial).matches("\\d{5}[DF]");
                default -> assertThat(serial).matches("[A-HJ-NP-Z0-9]{5}");
            }
        });
        assertThat(vehicles.stream().map(v -> v.plate().substring(0, 1)).collect(Collectors.toSet())).contains("渝", "川", "贵");
        assertThat(vehicles.stream().map(Vehicle::status).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Vehicle.ACTIVE, Vehicle.STOLEN, Vehicle.INSPECTION_EXPIRED);
    }

    @Test
    void goodsCarryValidGs1KeysAndAggregateIntoPalletsAndContainers() {
        assertThat(world.goods()).allSatisfy(g -> {
            assertThat(g.epc()).startsWith("30").hasSize(24);
            assertThat(Gs1CheckDigit.append(g.gtin().substring(0, 13))).isEqualTo(g.gtin());
        });
        assertThat(world.pallets()).allSatisfy(p -> {
            assertThat(p.epc()).startsWith("31").hasSize(24);
            assertThat(Gs1CheckDigit.append(p.sscc().substring(0, 17))).isEqualTo(p.sscc());
        });
        assertThat(world.aggregation().stream().filter(a -> a.level().equals(Aggregation.PALLET_CASE))).hasSize(world.goods().size());
        assertThat(world.aggregation().stream().filter(a -> a.level().equals(Aggregation.CONTAINER_PALLET))).hasSize(world.pallets().size());
        assertThat(world.consignments()).allSatisfy(c -> assertThat(ContainerNumber.withCheckDigit(c.container().substring(0, 4),
                Integer.parseInt(c.container().substring(4, 10)))).isEqualTo(c.container()));
    }

    @Test
    void libraryHasTwoThousandTaggedItemsSomeOnLoan() {
        assertThat(world.libraryItems()).hasSizeGreaterThanOrEqualTo(2_000)
                .allSatisfy(i -> assertThat(i.uri()).isEqualTo("urn:epc:id:giai:9521002." + i.barcode()));
        assertThat(world.libraryItems().stream().filter(i -> i.status().equals(LibraryItem.ON_LOAN)))
                .hasSizeGreaterThan(100).allSatisfy(i -> assertThat(i.dueDate()).isNotEmpty());
    }

    @Test
    void watchlistCoversStolenExpiredAndHeldGoods() {
        assertThat(world.watchlist().stream().map(WatchlistEntry::list).collect(Collectors.toSet())).containsExactlyInAnyOrder(
                WatchlistEntry.STOLEN_VEHICLE, WatchlistEntry.INSPECTION_EXPIRED, WatchlistEntry.CUSTOMS_HOLD);
        Set<String> stolen = world.vehicles().stream().filter(v -> v.status().equals(Vehicle.STOLEN)).map(Vehicle::epc).collect(Collectors.toSet());
        assertThat(world.watchlist().stream().filter(w -> w.list().equals(WatchlistEntry.STOLEN_VEHICLE)).map(WatchlistEntry::epc))
                .containsExactlyInAnyOrderElementsOf(stolen);
    }
}
