package org.openrfid.trace.sampledata.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.sampledata.world.DemoFiles;
import org.openrfid.trace.sampledata.world.DemoWorld;
import org.openrfid.trace.sampledata.csv.AsciiRowWriter;
import org.openrfid.trace.sampledata.world.LibraryItem;
import org.openrfid.trace.sampledata.world.VehicleFactory;
import org.openrfid.trace.sampledata.world.WorldBuilder;

/** Goods, library visits, reader outages and cloned EPCs in the streaming generator. */
class StreamingFlowsUnitTests {
    /** One hour from 08:00 at twelve checkpoints, every flow dense enough to show up several times. */
    private static final GeneratorOptions RUN = new GeneratorOptions(5L, 3_600_000L, 8, 4_000, 40,
            GeneratorOptions.Mode.READS, 0, 12,
            new GeneratorOptions.Flows(10 * 60_000L, 5 * 60_000L, 240, 10, 20 * 60_000L, 90_000L));

    private static DemoWorld world;
    private static List<Read> reads;
    private static List<PassageSummary> truth;
    private static List<Anomaly> labels;
    private static int maxBuffered;
    private static int maxHeld;

    @BeforeAll
    static void generate() {
        world = DemoWorld.load();
        StreamingGenerator generator = new StreamingGenerator(world, RUN);
        labels = new ArrayList<>();
        reads = new ArrayList<>();
        truth = new ArrayList<>();
        Iterator<Read> stream = generator.reads(labels::add);
        PassageTracker tracker = generator.groundTruth(truth::add);
        stream.forEachRemaining(r -> {
            reads.add(r);
            tracker.accept(r);
        });
        tracker.finish();
        maxBuffered = ((ReaderOutages) stream).maxBuffered();
        maxHeld = tracker.maxHeld();
    }

    @Test
    void groundTruthIsWhatTheTwoSecondRuleMakesOfTheReadsAsPlayed() {
        assertThat(PassageRule.passages(reads, ScenarioFiles.readerLocations(world))).hasSizeGreaterThan(1_000)
                .containsExactlyElementsOf(truth);
    }

    @Test
    void readsAndLabelsAreInOffsetOrderAndOnlyFromAnnouncedReaders() {
        for (int i = 1; i < reads.size(); i++) {
            assertThat(reads.get(i).offsetMs()).isGreaterThanOrEqualTo(reads.get(i - 1).offsetMs());
        }
        for (int i = 1; i < labels.size(); i++) {
            assertThat(labels.get(i).offsetMs()).isGreaterThanOrEqualTo(labels.get(i - 1).offsetMs());
        }
        Set<String> readers = reads.stream().map(Read::reader).collect(Collectors.toSet());
        assertThat(new StreamingGenerator(world, RUN).readers()).hasSize(17).containsAll(readers);
        assertThat(labels.stream().map(Anomaly::kind).collect(Collectors.toSet())).containsExactlyInAnyOrder(
                Anomaly.CLONED_PLATE, Anomaly.STOLEN_VEHICLE, Anomaly.CUSTOMS_HOLD_EXIT, Anomaly.LIBRARY_UNCHECKED_EXIT,
                Anomaly.READER_OUTAGE);
    }

    @Test
    void palletsGoFromHubToBondedWarehouseToPortGateAndHeldOnesAreLabelled() {
        String pallet = world.pallets().get(0).epc();
        List<String> route = truth.stream().filter(p -> p.epc().equals(pallet)).map(PassageSummary::location).toList();
        assertThat(route).startsWith(GoodsFlow.HUB_DOOR, GoodsFlow.BONDED_DOOR, WorldBuilder.PORT_GATE);
        Set<String> heldPallets = world.pallets().stream()
                .filter(p -> world.consignments().stream().anyMatch(c -> c.id().equals(p.consignment()) && c.customsStatus().equals("hold")))
                .map(p -> p.epc()).collect(Collectors.toSet());
        List<Anomaly> holds = labels.stream().filter(a -> a.kind().equals(Anomaly.CUSTOMS_HOLD_EXIT)).toList();
        assertThat(holds).isNotEmpty().allSatisfy(a -> {
            assertThat(heldPallets).contains(a.epc());
            assertThat(truth.stream().anyMatch(p -> p.epc().equals(a.epc()) && p.location().equals(WorldBuilder.PORT_GATE)
                    && p.firstSeenMs() >= a.offsetMs() && p.firstSeenMs() <= a.offsetMs() + 2_000)).isTrue();
        });
    }

    @Test
    void libraryItemsLeavingUncheckedAreOnTheShelfAndPassAGate() {
        Map<String, String> status = world.libraryItems().stream().collect(Collectors.toMap(LibraryItem::epc, LibraryItem::status));
        List<Anomaly> unchecked = labels.stream().filter(a -> a.kind().equals(Anomaly.LIBRARY_UNCHECKED_EXIT)).toList();
        assertThat(unchecked).hasSizeGreaterThan(5).allSatisfy(a -> {
            assertThat(status.get(a.epc())).isEqualTo(LibraryItem.ON_SHELF);
            assertThat(truth.stream().anyMatch(p -> p.epc().equals(a.epc()) && p.location().equals(a.location())
                    && p.firstSeenMs() == a.offsetMs())).isTrue();
        });
        long gatePassages = truth.stream().filter(p -> p.location().startsWith(WorldBuilder.LIBRARY + "-G")).count();
        assertThat(gatePassages).as("about 240 visits with 1-3 items").isBetween(250L, 800L);
    }

    @Test
    void anOutageSilencesOneReaderThenReplaysItsBufferOneMillisecondApart() {
        List<Anomaly> outages = labels.stream().filter(a -> a.kind().equals(Anomaly.READER_OUTAGE)).toList();
        assertThat(outages).extracting(Anomaly::offsetMs).containsExactly(300_000L, 1_500_000L, 2_700_000L);
        Anomaly first = outages.get(0);
        String reader = "rdr-" + first.location();
        long from = first.offsetMs();
        long until = from + 90_000L;
        List<Read> atReader = reads.stream().filter(r -> r.reader().equals(reader)).toList();
        assertThat(atReader).noneMatch(r -> r.offsetMs() >= from && r.offsetMs() < until);
        List<Read> replay = atReader.stream().filter(r -> r.offsetMs() >= until && r.offsetMs() < until + maxBuffered).toList();
        assertThat(replay.size()).as("the buffer is replayed").isGreaterThan(100);
        assertThat(replay.get(0).offsetMs()).isEqualTo(until);
        assertThat(maxBuffered).as("one reader's reads for one outage").isBetween(100, 20_000);
    }

    @Test
    void aClonedPlateIsTheRegisteredEpcReadWithAnotherChipsTid() {
        VehicleFactory fleet = new VehicleFactory(DemoFiles.WORLD_SEED);
        List<Anomaly> clones = labels.stream().filter(a -> a.kind().equals(Anomaly.CLONED_PLATE)).toList();
        assertThat(clones).isNotEmpty().allSatisfy(clone -> {
            long index = Long.parseLong(clone.epc().substring(16), 16) - VehicleFactory.FIRST_ASSET_REFERENCE;
            assertThat(fleet.epc(index)).as("a registered vehicle's EPC").isEqualTo(clone.epc());
            String copiedTid = clone.detail().substring(clone.detail().lastIndexOf(' ') + 1);
            assertThat(copiedTid).isNotEqualTo(fleet.tid(index));
            assertThat(reads.stream().anyMatch(r -> r.epc().equals(clone.epc()) && r.tid().equals(copiedTid)
                    && r.offsetMs() == clone.offsetMs())).as("copy read at %d", clone.offsetMs()).isTrue();
        });
        assertThat(clones.stream().anyMatch(clone -> {
            long index = Long.parseLong(clone.epc().substring(16), 16) - VehicleFactory.FIRST_ASSET_REFERENCE;
            return reads.stream().anyMatch(r -> r.epc().equals(clone.epc()) && r.tid().equals(fleet.tid(index)));
        })).as("some original is seen too, with its own TID").isTrue();
    }

    @Test
    void memoryStaysBoundedOverAWholeDayOfEveryFlow() {
        GeneratorOptions day = new GeneratorOptions(9L, 86_400_000L, 0, 20_000, 4, GeneratorOptions.Mode.READS, 0, 0,
                GeneratorOptions.Flows.DEFAULT);
        // 400,000 reads reach into the morning peak: traffic, goods and the first outage (at 30 min) are all under way.
        StreamingGenerator generator = new StreamingGenerator(world, day);
        ReaderOutages stream = (ReaderOutages) generator.reads(a -> { });
        PassageTracker tracker = generator.groundTruth(p -> { });
        for (int i = 0; i < 400_000 && stream.hasNext(); i++) {
            tracker.accept(stream.next());
        }
        assertThat(tracker.maxHeld()).as("presences and passages held by the ground truth").isLessThan(5_000);
        assertThat(stream.maxBuffered()).as("outage buffer").isLessThan(20_000);
    }

    @Test
    void sameSeedSameBytesAndDefaultRunsLabelEveryKind() {
        // Seed 2 sends a held consignment first; its pallets reach the port gate after about 45 minutes.
        GeneratorOptions small = new GeneratorOptions(2L, 80 * 60_000L, 8, 3_000, 10, GeneratorOptions.Mode.READS, 0)
                .withCheckpoints(8);
        String[] first = run(small);
        assertThat(first).containsExactly(run(small));
        assertThat(first[2]).contains(Anomaly.READER_OUTAGE, Anomaly.CUSTOMS_HOLD_EXIT, Anomaly.LIBRARY_UNCHECKED_EXIT,
                Anomaly.CLONED_PLATE);
        var byRule = PassageRule.passages(ScenarioFiles.reads(first[0]), ScenarioFiles.readerLocations(world));
        assertThat(byRule).containsExactlyElementsOf(ScenarioFiles.passages(first[1]));
    }

    private static String[] run(GeneratorOptions options) {
        ByteArrayOutputStream main = new ByteArrayOutputStream();
        ByteArrayOutputStream truth = new ByteArrayOutputStream();
        ByteArrayOutputStream labels = new ByteArrayOutputStream();
        try (AsciiRowWriter m = new AsciiRowWriter(main); AsciiRowWriter t = new AsciiRowWriter(truth);
             AsciiRowWriter l = new AsciiRowWriter(labels)) {
            new StreamingGenerator(world, options).write(m, t, l);
        }
        return new String[] {main.toString(StandardCharsets.US_ASCII), truth.toString(StandardCharsets.US_ASCII),
                labels.toString(StandardCharsets.US_ASCII)};
    }
}
