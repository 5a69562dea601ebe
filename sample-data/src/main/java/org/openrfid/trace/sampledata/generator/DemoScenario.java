package org.openrfid.trace.sampledata.generator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.openrfid.trace.sampledata.world.DemoFiles;
import org.openrfid.trace.sampledata.world.DemoWorld;
import org.openrfid.trace.sampledata.csv.AsciiRowWriter;
import org.openrfid.trace.sampledata.world.Aggregation;
import org.openrfid.trace.sampledata.world.Consignment;
import org.openrfid.trace.sampledata.world.LibraryItem;
import org.openrfid.trace.sampledata.world.Pallet;
import org.openrfid.trace.sampledata.world.Vehicle;
import org.openrfid.trace.sampledata.world.VehicleFactory;
import org.openrfid.trace.sampledata.world.WorldBuilder;

/**
 * The committed ten-minute demo: morning traffic at the twelve checkpoints nearest Jiefangbei, goods
 * moving dock door → bonded warehouse → port gate, library visits, and one of each labelled
 * anomaly. Small enough to loop forever in the simulator, built in memory so a test can compare it
 * byte for byte with the committed files.
 */
public final class DemoScenario {
    public static final long DURATION_MS = 10 * 60_000L;
    public static final int BUSY_CHECKPOINTS = 12;
    /** World vehicles 0 .. TRAFFIC_VEHICLES-1 drive; later ones are free for the scripted anomalies. */
    public static final int TRAFFIC_VEHICLES = 4_800;
    private static final long START_OF_DAY_MS = 8 * DayProfile.HOUR_MS;

    /** The three generated files as text. */
    /**
     * The generated files; {@code declarations}, {@code shipments} and {@code gateChecks} are the
     * customs and logistics documents and what each gate check must find ({@link TradeDocuments}).
     */
    public record Output(String scenario, String groundTruth, String anomalies, int reads, int passages, String declarations,
                         String shipments, String gateChecks) {
    }

    private record Tagged(Read read, int pass) {
    }

    private final DemoWorld world;
    private final long seed;
    private final List<Pass> passes = new ArrayList<>();
    private final List<Anomaly> anomalies = new ArrayList<>();
    private final SplittableRandom random;
    private final RoadGraph graph;

    public DemoScenario(DemoWorld world, long seed) {
        this.world = world;
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.graph = RoadGraph.of(world);
    }

    public static Output generate() {
        return new DemoScenario(DemoWorld.load(), DemoFiles.DEMO_SEED).build();
    }

    public Output build() {
        int[] busy = busyCheckpoints();
        Set<Integer> busySet = new HashSet<>();
        for (int node : busy) {
            busySet.add(node);
        }
        new TrafficSimulation(graph, new VehicleFactory(DemoFiles.WORLD_SEED), TRAFFIC_VEHICLES, 0, seed,
                START_OF_DAY_MS, DURATION_MS, busySet::contains, anomalies::add).forEachRemaining(passes::add);
        scriptedVehicles(busy);
        goods();
        library();
        passes.sort(Comparator.comparingLong(Pass::startMs).thenComparing(Pass::epc).thenComparing(Pass::location));

        ReadSynthesizer synthesizer = new ReadSynthesizer(seed ^ 0x5EADL);
        List<Tagged> reads = new ArrayList<>();
        for (int i = 0; i < passes.size(); i++) {
            int pass = i;
            synthesizer.expand(passes.get(i), read -> reads.add(new Tagged(read, pass)));
        }
        List<Tagged> played = outage(reads, graph.readers[busy[1]], graph.ids[busy[1]], 240_000L, 300_000L);
        return write(played);
    }

    /** The twelve checkpoints closest to the centre: the bridges and tunnels of Yuzhong and its banks. */
    private int[] busyCheckpoints() {
        List<Integer> nodes = new ArrayList<>();
        for (int i = 0; i < graph.size(); i++) {
            nodes.add(i);
        }
        nodes.sort(Comparator.comparingDouble(i -> graph.centreDistance[i]));
        return nodes.subList(0, BUSY_CHECKPOINTS).stream().mapToInt(Integer::intValue).toArray();
    }

    /** A stolen car, and a cloned plate: the original here, its copy far away half a minute later on another chip. */
    private void scriptedVehicles(int[] busy) {
        List<Vehicle> vehicles = world.vehicles();
        Vehicle stolen = firstFrom(vehicles, Vehicle.STOLEN, "02");
        vehicleAt(busy[0], 150_000L, stolen.epc(), stolen.tid(), 1);
        anomalies.add(new Anomaly(150_000L, Anomaly.STOLEN_VEHICLE, stolen.epc(), graph.ids[busy[0]],
                "vehicle reported stolen"));

        Vehicle original = firstFrom(vehicles, Vehicle.ACTIVE, "02");
        int near = busy[2];
        int far = busy[0];
        for (int node : busy) {
            if (graph.centreDistance[node] > graph.centreDistance[far]) {
                far = node;
            }
        }
        String copiedTid = new VehicleFactory(DemoFiles.WORLD_SEED).tid(2_000_000_000L);
        vehicleAt(near, 200_000L, original.epc(), original.tid(), 1);
        vehicleAt(far, 230_000L, original.epc(), copiedTid, 1);
        anomalies.add(new Anomaly(230_000L, Anomaly.CLONED_PLATE, original.epc(), graph.ids[far],
                "seen at " + graph.ids[near] + " 30 s earlier; TID " + copiedTid + " is not the registered " + original.tid()));
    }

    private Vehicle firstFrom(List<Vehicle> vehicles, String status, String plateType) {
        for (int i = TRAFFIC_VEHICLES; i < vehicles.size(); i++) {
            Vehicle v = vehicles.get(i);
            if (v.status().equals(status) && v.plateType().equals(plateType) && !used.contains(v.epc())) {
                used.add(v.epc());
                return v;
            }
        }
        throw new IllegalStateException("no spare " + status + " vehicle with plate type " + plateType);
    }

    private final Set<String> used = new HashSet<>();
    private final List<TradeDocuments.GateVisit> portGate = new ArrayList<>();
    private final List<TradeDocuments.GateVisit> dockLoads = new ArrayList<>();

    private void vehicleAt(int node, long startMs, String epc, String tid, int lane) {
        int antenna = graph.laneFirstAntennas[node][0][Math.min(lane, graph.laneFirstAntennas[node][0].length) - 1];
        passes.add(new Pass(startMs, epc, tid, graph.ids[node], graph.readers[node], antenna, antenna + 1, 2_000, TagProfile.VEHICLE));
    }

    /**
     * A cleared consignment's pallets leave the hub through dock door 1, enter the bonded warehouse
     * and leave through the port gate on a truck; a held consignment leaves through the port gate too.
     * Drives are compressed to minutes so all three steps fit the ten-minute loop.
     */
    private void goods() {
        Consignment cleared = consignment(Consignment.CLEARED);
        Consignment held = consignment(Consignment.HOLD);
        List<Pallet> clearedPallets = pallets(cleared, 4);
        for (int p = 0; p < clearedPallets.size(); p++) {
            palletThrough(clearedPallets.get(p), WorldBuilder.LOGISTICS_HUB + "-D01", 1, 20_000L + p * 25_000L, 3_000);
            palletThrough(clearedPallets.get(p), WorldBuilder.BONDED_WAREHOUSE + "-D02", 1, 300_000L + p * 25_000L, 3_000);
        }
        Vehicle truck = firstFrom(world.vehicles(), Vehicle.ACTIVE, "01");
        truckThroughPortGate(truck, clearedPallets, 5, 520_000L);
        portGate.add(new TradeDocuments.GateVisit(520_000L, WorldBuilder.PORT_GATE, truck, cleared, clearedPallets));
        for (int p = 0; p < clearedPallets.size(); p++) {
            dockLoads.add(new TradeDocuments.GateVisit(20_000L + p * 25_000L, WorldBuilder.LOGISTICS_HUB + "-D01", null, cleared,
                    List.of(clearedPallets.get(p))));
            dockLoads.add(new TradeDocuments.GateVisit(300_000L + p * 25_000L, WorldBuilder.BONDED_WAREHOUSE + "-D02", null, cleared,
                    List.of(clearedPallets.get(p))));
        }

        List<Pallet> heldPallets = pallets(held, 3);
        Vehicle heldTruck = firstFrom(world.vehicles(), Vehicle.ACTIVE, "01");
        truckThroughPortGate(heldTruck, heldPallets, 7, 560_000L);
        portGate.add(new TradeDocuments.GateVisit(560_000L, WorldBuilder.PORT_GATE, heldTruck, held, heldPallets));
        for (Pallet pallet : heldPallets) {
            anomalies.add(new Anomaly(560_000L, Anomaly.CUSTOMS_HOLD_EXIT, pallet.epc(), WorldBuilder.PORT_GATE,
                    "pallet SSCC " + pallet.sscc() + " of " + held.id() + " (customs hold) leaving on truck EPC " + heldTruck.epc()));
        }
    }

    private Consignment consignment(String status) {
        return world.consignments().stream().filter(c -> c.customsStatus().equals(status)).findFirst().orElseThrow();
    }

    private List<Pallet> pallets(Consignment consignment, int limit) {
        return world.pallets().stream().filter(p -> p.consignment().equals(consignment.id())).limit(limit).toList();
    }

    private List<String> casesOn(Pallet pallet) {
        return world.aggregation().stream()
                .filter(a -> a.level().equals(Aggregation.PALLET_CASE) && a.parent().equals(pallet.epc()))
                .map(Aggregation::child).toList();
    }

    /** Case tags start being read a little after the pallet label, as the forklift turns into the door. */
    private void palletThrough(Pallet pallet, String location, int firstAntenna, long startMs, int durationMs) {
        String reader = "rdr-" + location;
        passes.add(new Pass(startMs, pallet.epc(), "", location, reader, firstAntenna, firstAntenna + 1, durationMs, TagProfile.PALLET));
        for (String caseEpc : casesOn(pallet)) {
            passes.add(new Pass(startMs + random.nextInt(400), caseEpc, "", location, reader, firstAntenna,
                    firstAntenna + 1, durationMs, TagProfile.GOODS_CASE));
        }
    }

    /** A loaded truck at 10 km/h in an outbound lane: its windscreen tag and every pallet and case on the flatbed. */
    private void truckThroughPortGate(Vehicle truck, List<Pallet> pallets, int firstAntenna, long startMs) {
        String reader = "rdr-" + WorldBuilder.PORT_GATE;
        passes.add(new Pass(startMs, truck.epc(), truck.tid(), WorldBuilder.PORT_GATE, reader, firstAntenna,
                firstAntenna + 1, 6_500, TagProfile.VEHICLE));
        for (Pallet pallet : pallets) {
            palletThrough(pallet, WorldBuilder.PORT_GATE, firstAntenna, startMs + 500 + random.nextInt(1_000), 5_000);
        }
    }

    /** Patrons walk out with loans or bring them back; one carries out an item nobody checked out. */
    private void library() {
        List<LibraryItem> onLoan = world.libraryItems().stream().filter(i -> i.status().equals(LibraryItem.ON_LOAN)).toList();
        int next = 0;
        for (int visit = 0; visit < 60; visit++) {
            long startMs = 5_000L + visit * 9_500L + random.nextInt(3_000);
            String gate = WorldBuilder.LIBRARY + "-G" + (1 + visit % 2);
            int items = 1 + random.nextInt(3);
            for (int k = 0; k < items; k++) {
                LibraryItem item = onLoan.get(next++);
                passes.add(new Pass(startMs + random.nextInt(300), item.epc(), "", gate, "rdr-" + gate, 1, 2,
                        1_000 + random.nextInt(800), TagProfile.LIBRARY_ITEM));
            }
        }
        LibraryItem unchecked = world.libraryItems().stream().filter(i -> i.status().equals(LibraryItem.ON_SHELF))
                .skip(100).findFirst().orElseThrow();
        String gate = WorldBuilder.LIBRARY + "-G1";
        passes.add(new Pass(410_000L, unchecked.epc(), "", gate, "rdr-" + gate, 1, 2, 1_400, TagProfile.LIBRARY_ITEM));
        anomalies.add(new Anomaly(410_000L, Anomaly.LIBRARY_UNCHECKED_EXIT, unchecked.epc(), gate,
                "item barcode " + unchecked.barcode() + " is on the shelf, not checked out"));
    }

    /**
     * The reader loses its network link: it keeps inventorying but reports nothing until the link
     * returns, then replays its buffer 1 ms per read in original order. The scenario has only
     * delivery offsets, so the replayed reads carry the replay time.
     */
    private List<Tagged> outage(List<Tagged> reads, String reader, String location, long fromMs, long untilMs) {
        List<Tagged> played = new ArrayList<>(reads.size());
        long replayAt = untilMs;
        int buffered = 0;
        reads.sort(Comparator.comparingLong((Tagged t) -> t.read().offsetMs()).thenComparingLong(t -> t.read().sequence()));
        for (Tagged t : reads) {
            Read r = t.read();
            if (r.reader().equals(reader) && r.offsetMs() >= fromMs && r.offsetMs() < untilMs) {
                played.add(new Tagged(new Read(replayAt++, r.reader(), r.antenna(), r.epc(), r.tid(), r.rssiTenths(), r.sequence()), t.pass()));
                buffered++;
            } else {
                played.add(t);
            }
        }
        anomalies.add(new Anomaly(fromMs, Anomaly.READER_OUTAGE, "", location, "reader " + reader + " offline "
                + fromMs + "-" + untilMs + " ms; " + buffered + " buffered reads replayed from " + untilMs + " ms"));
        played.sort(Comparator.comparingLong((Tagged t) -> t.read().offsetMs()).thenComparingLong(t -> t.read().sequence()));
        return played;
    }

    /**
     * Summarises each pass from the reads as played. A pass that straddles the start of the outage
     * comes out as two passages, the reads delivered before the link dropped and the replayed rest,
     * because that is what a pipeline receiving this stream sees.
     */
    private Output write(List<Tagged> played) {
        Map<Integer, long[]> open = new HashMap<>(); // pass -> first, last, count, peak
        List<PassageSummary> passages = new ArrayList<>();
        for (Tagged t : played) {
            long offset = t.read().offsetMs();
            long[] s = open.get(t.pass());
            if (s != null && offset - s[1] > PassageRule.SILENCE_MS) {
                passages.add(summary(t.pass(), s));
                s = null;
            }
            if (s == null) {
                s = new long[] {offset, offset, 0, Integer.MIN_VALUE};
                open.put(t.pass(), s);
            }
            s[1] = offset;
            s[2]++;
            s[3] = Math.max(s[3], t.read().rssiTenths());
        }
        open.forEach((pass, s) -> passages.add(summary(pass, s)));
        passages.sort(PassageRule.ORDER);
        anomalies.sort(Comparator.comparingLong(Anomaly::offsetMs).thenComparing(Anomaly::kind).thenComparing(Anomaly::epc));

        String scenario = render(out -> {
            ScenarioCsv.header(out, ScenarioCsv.SCENARIO);
            played.forEach(t -> ScenarioCsv.read(out, t.read()));
        });
        String groundTruth = render(out -> {
            ScenarioCsv.header(out, ScenarioCsv.PASSAGES);
            passages.forEach(p -> ScenarioCsv.passage(out, p));
        });
        String labels = render(out -> {
            ScenarioCsv.header(out, ScenarioCsv.ANOMALIES);
            anomalies.forEach(a -> ScenarioCsv.anomaly(out, a));
        });
        TradeDocuments.Files trade = new TradeDocuments(world).render(portGate, dockLoads);
        return new Output(scenario, groundTruth, labels, played.size(), passages.size(), trade.declarations(), trade.shipments(),
                trade.gateChecks());
    }

    private PassageSummary summary(int pass, long[] s) {
        return new PassageSummary(passes.get(pass).epc(), passes.get(pass).location(), s[0], s[1], (int) s[2], (int) s[3]);
    }

    private static String render(Consumer<AsciiRowWriter> body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AsciiRowWriter out = new AsciiRowWriter(bytes);
        body.accept(out);
        out.flush();
        return bytes.toString(StandardCharsets.US_ASCII);
    }
}
