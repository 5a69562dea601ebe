package org.openrfid.trace.passage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.TagRead;

/**
 * Scripted read sequences from the field: what a gantry, a red light, two lanes, neighbouring dock
 * doors and a reader coming back from an outage produce, and the passages they must become.
 */
class SmoothingScenarioUnitTests {

    private static final long T0 = 1_700_000_000_000_000L;
    private static final long MS = 1_000L;
    private static final RawEpc CAR = RawEpc.ofHex("3034257BF7194E4000001A85");
    private static final RawEpc TRUCK = RawEpc.ofHex("3034257BF7194E4000001A86");
    private static final RawEpc PALLET = RawEpc.ofHex("3174257BF7194E4000001A87");

    private final ReadPointDirectory readPoints = new ReadPointDirectory();
    private final PassageSmootherUnitTests.Recorder recorder = new PassageSmootherUnitTests.Recorder();

    SmoothingScenarioUnitTests() {
        // A two-lane gantry: per lane an approach (entry) and a departure (exit) antenna.
        readPoints.put(new ReadPoint("gantry", 1, "CP-1", Direction.NONE, 1, ReadPointRole.ENTRY));
        readPoints.put(new ReadPoint("gantry", 2, "CP-1", Direction.NONE, 1, ReadPointRole.EXIT));
        readPoints.put(new ReadPoint("gantry", 3, "CP-1", Direction.NONE, 2, ReadPointRole.ENTRY));
        readPoints.put(new ReadPoint("gantry", 4, "CP-1", Direction.NONE, 2, ReadPointRole.EXIT));
        readPoints.put(ReadPoint.wholeReader("door-1", "DOCK-1"));
        readPoints.put(ReadPoint.wholeReader("door-2", "DOCK-2"));
        readPoints.put(ReadPoint.wholeReader("remote", "CP-2"));
    }

    private PassageSmoother smoother() {
        SmoothingPolicy policy = SmoothingPolicy.of(Duration.ofSeconds(2))
                .withKinds(Map.of("dock_door", Duration.ofSeconds(10)), Map.of("DOCK-1", "dock_door", "DOCK-2", "dock_door"));
        return new PassageSmoother(policy, readPoints, epc -> null);
    }

    @Test
    void carAt60KmhUnderTwoAntennaGantryIsOnePassageInward() {
        // 60 km/h = 16.7 m/s: the approach antenna covers the 6 m before the gantry, the departure
        // antenna the 6 m after, with a metre of overlap; a read every 8 ms per antenna.
        List<TagRead> reads = new ArrayList<>();
        for (long t = 0; t <= 420 * MS; t += 8 * MS) {
            reads.add(read("gantry", 1, CAR, T0 + t, -6500 + (int) (t / MS) * 5));
        }
        for (long t = 360 * MS; t <= 780 * MS; t += 8 * MS) {
            reads.add(read("gantry", 2, CAR, T0 + t + 3, -4400 - (int) ((t - 360 * MS) / MS) * 5));
        }
        play(smoother(), reads, T0 + 10_000 * MS);

        assertThat(recorder.passages).singleElement().satisfies(p -> {
            assertThat(p.direction()).isEqualTo(Direction.IN);
            assertThat(p.lane()).isEqualTo(1);
            assertThat(p.reads()).isEqualTo(reads.size());
            assertThat(p.readPoints()).containsExactly("gantry/1", "gantry/2");
            assertThat(p.readerId()).isEqualTo("gantry");
            assertThat(p.antenna()).isEqualTo(1);
            assertThat(p.firstSeen()).isEqualTo(Instants.ofMicros(T0));
            assertThat(p.id()).isEqualTo(PassageId.of(CAR, "CP-1", T0));
        });
        assertThat(recorder.arrivals).containsExactly("CP-1");
    }

    @Test
    void carDrivingTheWrongWayIsOutward() {
        List<TagRead> reads = new ArrayList<>();
        for (long t = 0; t <= 400 * MS; t += 10 * MS) {
            reads.add(read("gantry", 2, CAR, T0 + t, -5000));
            reads.add(read("gantry", 1, CAR, T0 + 350 * MS + t, -5000));
        }
        play(smoother(), reads, T0 + 10_000 * MS);

        assertThat(recorder.passages).singleElement().satisfies(p -> {
            assertThat(p.direction()).isEqualTo(Direction.OUT);
            assertThat(p.readPoints()).containsExactly("gantry/2", "gantry/1");
        });
    }

    @Test
    void truckStoppedNinetySecondsAtRedLightIsOnePassageWithLongDwell() {
        List<TagRead> reads = new ArrayList<>();
        // Rolls up on the approach antenna ...
        for (long t = 0; t < 1_000 * MS; t += 20 * MS) {
            reads.add(read("gantry", 1, TRUCK, T0 + t, -6000));
        }
        // ... waits 90 s under the gantry: the windscreen tag fades in and out, with gaps up to 1.8 s ...
        long t = 1_000 * MS;
        int i = 0;
        while (t < 91_000 * MS) {
            reads.add(read("gantry", i % 3 == 0 ? 2 : 1, TRUCK, T0 + t, -5800));
            t += (i % 7 == 0) ? 1_800 * MS : 150 * MS;
            i++;
        }
        // ... and drives off under the departure antenna.
        for (long d = 0; d < 600 * MS; d += 20 * MS) {
            reads.add(read("gantry", 2, TRUCK, T0 + 91_000 * MS + d, -5500));
        }
        play(smoother(), reads, T0 + 100_000 * MS);

        assertThat(recorder.passages).singleElement().satisfies(p -> {
            assertThat(Duration.between(p.firstSeen(), p.lastSeen())).isGreaterThan(Duration.ofSeconds(91));
            assertThat(p.direction()).isEqualTo(Direction.IN);
            assertThat(p.reads()).isEqualTo(reads.size());
        });
    }

    @Test
    void twoLanesSideBySideKeepTheirOwnLane() {
        List<TagRead> reads = new ArrayList<>();
        for (long t = 0; t <= 500 * MS; t += 10 * MS) {
            // Each car is strong on its own lane's antennas and cross-read weakly by the other lane's.
            reads.add(read("gantry", t < 300 * MS ? 1 : 2, CAR, T0 + t, -4500));
            reads.add(read("gantry", t < 300 * MS ? 3 : 4, CAR, T0 + t + 1, -7200));
            reads.add(read("gantry", t < 250 * MS ? 3 : 4, TRUCK, T0 + t + 2, -4300));
            reads.add(read("gantry", t < 250 * MS ? 1 : 2, TRUCK, T0 + t + 3, -7400));
        }
        play(smoother(), reads, T0 + 10_000 * MS);

        assertThat(recorder.passages).hasSize(2);
        Passage car = recorder.passages.stream().filter(p -> p.epc().equals(CAR)).findFirst().orElseThrow();
        Passage truck = recorder.passages.stream().filter(p -> p.epc().equals(TRUCK)).findFirst().orElseThrow();
        assertThat(car.lane()).isEqualTo(1);
        assertThat(truck.lane()).isEqualTo(2);
        assertThat(car.direction()).isEqualTo(Direction.IN);
        assertThat(truck.direction()).isEqualTo(Direction.IN);
    }

    @Test
    void tagBouncingBetweenNeighbouringDockDoorsIsOnePresencePerDoor() {
        // A pallet staged between two doors: each door's reader catches it in turns, with gaps of up to
        // 6 s at one door. Dock doors have a 10 s silence by kind, so neither presence breaks up.
        List<TagRead> reads = new ArrayList<>();
        for (long t = 0; t < 60_000 * MS; t += 500 * MS) {
            boolean near1 = (t / (3_000 * MS)) % 2 == 0;
            reads.add(read(near1 ? "door-1" : "door-2", 1, PALLET, T0 + t, near1 ? -5000 : -6000));
        }
        play(smoother(), reads, T0 + 100_000 * MS);

        assertThat(recorder.passages).extracting(Passage::locationId).containsExactlyInAnyOrder("DOCK-1", "DOCK-2");
        assertThat(recorder.passages).extracting(Passage::reads).containsOnly(60);
        assertThat(recorder.arrivals).hasSize(2);
    }

    @Test
    void readerReplayingFiveMinutesOfBufferedReadsIsPlacedByItsOwnTimestamps() {
        PassageSmoother smoother = smoother();
        long wall = T0;
        // Live until the outage: one car.
        List<TagRead> live = car("gantry", CAR, T0);
        for (TagRead r : live) {
            smoother.accept(r, wall + (r.lastSeenMicros() - T0), recorder);
        }
        // Outage from t = 10 s to t = 310 s; another reader elsewhere keeps going, and ticks keep coming.
        long outageStart = T0 + 10_000 * MS;
        List<TagRead> buffered = new ArrayList<>();
        for (int car = 0; car < 10; car++) {
            RawEpc epc = RawEpc.ofHex(String.format("3034257BF7194E40000020%02X", car));
            buffered.addAll(car("gantry", epc, outageStart + 20_000 * MS + car * 28_000L * MS));
        }
        for (long t = outageStart; t < outageStart + 300_000 * MS; t += 250 * MS) {
            smoother.accept(read("remote", 1, TRUCK, t, -5000), t, recorder);
            smoother.advance(t, recorder);
        }
        assertThat(recorder.passages).filteredOn(p -> p.locationId().equals("CP-1")).hasSize(1);

        // Back online at t = 310 s: the reader sends what it buffered, in batches of 100, within a second.
        long back = outageStart + 300_000 * MS;
        for (int i = 0; i < buffered.size(); i++) {
            smoother.accept(buffered.get(i), back + i, recorder);
            if (i % 100 == 99) {
                smoother.advance(back + i, recorder);
            }
        }
        smoother.advance(back + 20_000 * MS, recorder);

        List<Passage> atGantry = recorder.passages.stream().filter(p -> p.locationId().equals("CP-1"))
                .sorted(Comparator.comparing(Passage::firstSeen)).toList();
        assertThat(atGantry).hasSize(11);
        assertThat(smoother.lateReads()).isZero();
        for (int car = 0; car < 10; car++) {
            Passage p = atGantry.get(car + 1);
            long expectedFirst = outageStart + 20_000 * MS + car * 28_000L * MS;
            assertThat(p.firstSeen()).isEqualTo(Instants.ofMicros(expectedFirst));
            assertThat(p.id()).isEqualTo(PassageId.of(p.epc(), "CP-1", expectedFirst));
            assertThat(p.direction()).isEqualTo(Direction.IN);
        }
    }

    @Test
    void readsLaterThanTheAllowedLatenessAreCountedNotMerged() {
        PassageSmoother smoother = new PassageSmoother(SmoothingPolicy.of(Duration.ofSeconds(2)).withAllowedLateness(Duration.ofMillis(500)),
                readPoints, epc -> null);
        smoother.accept(read("gantry", 1, CAR, T0 + 1_000 * MS, -5000), T0, recorder);
        smoother.accept(read("gantry", 1, CAR, T0 + 700 * MS, -5000), T0, recorder);  // 300 ms late: placed
        smoother.accept(read("gantry", 1, CAR, T0 + 300 * MS, -4000), T0, recorder);  // 700 ms late: counted
        smoother.flush(recorder);

        assertThat(smoother.lateReads()).isEqualTo(1);
        assertThat(recorder.passages).singleElement().satisfies(p -> {
            assertThat(p.reads()).isEqualTo(2);
            assertThat(p.firstSeen()).isEqualTo(Instants.ofMicros(T0 + 700 * MS));
            assertThat(p.peakRssiDbm()).isEqualTo(-50.0);
        });
    }

    @Test
    void silenceComesFromLocationThenKindThenDefault() {
        SmoothingPolicy policy = new SmoothingPolicy(Duration.ofSeconds(2), Map.of("DOCK-2", Duration.ofSeconds(60)),
                Map.of("dock_door", Duration.ofSeconds(10)), Map.of("DOCK-1", "dock_door", "DOCK-2", "dock_door"),
                Duration.ZERO, Map.of());

        assertThat(policy.silenceMicros("DOCK-2")).isEqualTo(60_000_000L);
        assertThat(policy.silenceMicros("DOCK-1")).isEqualTo(10_000_000L);
        assertThat(policy.silenceMicros("CP-1")).isEqualTo(2_000_000L);
    }

    /** The registry's location kinds, changeable as an import would change them. */
    static final class RegistryKinds implements LocationKinds {
        final Map<String, String> kinds = new java.util.concurrent.ConcurrentHashMap<>();
        volatile long version;

        @Override
        public String kindOf(String locationId) {
            return kinds.get(locationId);
        }

        @Override
        public long version() {
            return version;
        }
    }

    @Test
    void aLocationRegisteredAsDockDoorGetsTheDockDoorSilenceWithoutAnyLocationProperty() {
        RegistryKinds registry = new RegistryKinds();
        registry.kinds.put("DOCK-1", "dock_door");
        registry.kinds.put("DOCK-2", "checkpoint");
        SmoothingPolicy policy = SmoothingPolicy.of(Duration.ofSeconds(2))
                .withKinds(Map.of("dock_door", Duration.ofSeconds(10)), Map.of("DOCK-2", "dock_door")) // property overrides the registry
                .withRegistryKinds(registry);
        PassageSmoother smoother = new PassageSmoother(policy, readPoints, epc -> null);

        // A forklift pauses 6 s in each door: one passage in a dock door, two at a 2-second location.
        play(smoother, List.of(read("door-1", 1, PALLET, T0, -5000), read("door-1", 1, PALLET, T0 + 6_000 * MS, -5000),
                read("door-2", 1, TRUCK, T0, -5000), read("door-2", 1, TRUCK, T0 + 6_000 * MS, -5000),
                read("remote", 1, CAR, T0, -5000), read("remote", 1, CAR, T0 + 6_000 * MS, -5000)), T0 + 30_000 * MS);

        assertThat(policy.silenceMicros("DOCK-1")).isEqualTo(10_000_000L);
        assertThat(recorder.passages.stream().filter(p -> p.locationId().equals("DOCK-1"))).hasSize(1);
        assertThat(recorder.passages.stream().filter(p -> p.locationId().equals("DOCK-2"))).as("the property's kind wins").hasSize(1);
        assertThat(recorder.passages.stream().filter(p -> p.locationId().equals("CP-2"))).as("unknown kind: the default").hasSize(2);
    }

    @Test
    void aKindChangedInTheRegistryAppliesToALocationAlreadySeen() {
        RegistryKinds registry = new RegistryKinds();
        PassageSmoother smoother = new PassageSmoother(SmoothingPolicy.of(Duration.ofSeconds(2))
                .withKinds(Map.of("dock_door", Duration.ofSeconds(10)), Map.of()).withRegistryKinds(registry), readPoints, epc -> null);
        play(smoother, List.of(read("door-1", 1, PALLET, T0, -5000), read("door-1", 1, PALLET, T0 + 6_000 * MS, -5000)), T0 + 20_000 * MS);
        assertThat(recorder.passages).as("not a dock door yet: 2 s").hasSize(2);

        registry.kinds.put("DOCK-1", "dock_door");
        registry.version++;
        long t1 = T0 + 60_000 * MS;
        play(smoother, List.of(read("door-1", 1, TRUCK, t1, -5000), read("door-1", 1, TRUCK, t1 + 6_000 * MS, -5000)), t1 + 30_000 * MS);

        assertThat(recorder.passages.stream().filter(p -> p.epc().equals(TRUCK))).hasSize(1);
    }

    @Test
    void rolesCanComeFromThePolicyWhenReadPointsCarryNone() {
        ReadPointDirectory plain = new ReadPointDirectory();
        plain.put(new ReadPoint("g", 1, "CP-7", Direction.OUT, 3));
        plain.put(new ReadPoint("g", 2, "CP-7", Direction.OUT, 3));
        PassageSmoother smoother = new PassageSmoother(SmoothingPolicy.of(Duration.ofSeconds(2))
                .withRoles(Map.of("g/1", ReadPointRole.ENTRY, "g/2", ReadPointRole.EXIT)), plain, epc -> null);
        smoother.accept(read("g", 1, CAR, T0, -5000), T0, recorder);
        smoother.accept(read("g", 2, CAR, T0 + 300 * MS, -5000), T0, recorder);
        smoother.flush(recorder);

        // Entry before exit is the way the lane faces, here OUT (e.g. the outbound carriageway).
        assertThat(recorder.passages).singleElement().satisfies(p -> {
            assertThat(p.direction()).isEqualTo(Direction.OUT);
            assertThat(p.lane()).isEqualTo(3);
        });
    }

    /** A car through lane 1 inward: 400 ms on the approach antenna, then 400 ms on the departure one. */
    private static List<TagRead> car(String reader, RawEpc epc, long start) {
        List<TagRead> reads = new ArrayList<>();
        for (long t = 0; t < 800 * MS; t += 20 * MS) {
            reads.add(read(reader, t < 400 * MS ? 1 : 2, epc, start + t, -5500));
        }
        return reads;
    }

    /** Feeds reads in time order with the wall clock in step, checking quiet presences every 250 ms. */
    private void play(PassageSmoother smoother, List<TagRead> reads, long until) {
        List<TagRead> sorted = new ArrayList<>(reads);
        sorted.sort(Comparator.comparingLong(TagRead::lastSeenMicros));
        long nextTick = T0;
        for (TagRead read : sorted) {
            while (nextTick <= read.lastSeenMicros()) {
                smoother.advance(nextTick, recorder);
                nextTick += 250 * MS;
            }
            smoother.accept(read, read.lastSeenMicros(), recorder);
        }
        for (; nextTick <= until; nextTick += 250 * MS) {
            smoother.advance(nextTick, recorder);
        }
        assertThat(smoother.openPresences()).as("everything closed by %s", until).isZero();
    }

    private static TagRead read(String reader, int antenna, RawEpc epc, long micros, int rssiCdbm) {
        return PassageSmootherUnitTests.read(reader, antenna, epc, micros, rssiCdbm);
    }
}
