package org.openrfid.trace.sampledata.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.sampledata.world.DemoFiles;
import org.openrfid.trace.sampledata.world.DemoWorld;

class DemoScenarioUnitTests {
    private static DemoWorld world;
    private static DemoScenario.Output generated;
    private static String committedScenario;

    @BeforeAll
    static void generate() throws IOException {
        world = DemoWorld.load();
        generated = new DemoScenario(world, DemoFiles.DEMO_SEED).build();
        committedScenario = committed(DemoFiles.SCENARIO);
    }

    private static String committed(String path) throws IOException {
        try (InputStream in = DemoWorld.open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void committedDemoFilesAreExactlyWhatTheGeneratorProduces() throws IOException {
        assertThat(generated.scenario().equals(committedScenario)).as("scenario.csv byte for byte").isTrue();
        assertThat(generated.groundTruth()).isEqualTo(committed(DemoFiles.GROUND_TRUTH));
        assertThat(generated.anomalies()).isEqualTo(committed(DemoFiles.ANOMALIES));
        assertThat(generated.declarations()).isEqualTo(committed(DemoFiles.DECLARATIONS));
        assertThat(generated.shipments()).isEqualTo(committed(DemoFiles.SHIPMENTS));
        assertThat(generated.gateChecks()).isEqualTo(committed(DemoFiles.GATE_CHECKS));
    }

    /** The gate checks name what the scenario does: the held truck HOLD, the cleared one INSPECT with the pallet it left behind. */
    @Test
    void gateChecksLabelAHeldTruckAndAMissingPalletAtThePortGate() throws IOException {
        List<String> port = generated.gateChecks().lines().filter(l -> l.contains(",CQ-PORT-GATE,")).toList();
        assertThat(port).hasSize(2);
        assertThat(port.get(0)).startsWith("520000,CQ-PORT-GATE,DEMO-CD-0001,INSPECT,0061414110000");
        assertThat(port.get(1)).startsWith("560000,CQ-PORT-GATE,DEMO-CD-0003,HOLD,");
        String missing = port.get(0).split(",")[4];
        assertThat(generated.declarations()).contains(missing);
        assertThat(generated.scenario()).as("the missing pallet's tag is never read")
                .doesNotContain(world.pallets().stream().filter(p -> p.sscc().equals(missing)).findFirst().orElseThrow().epc());
        assertThat(generated.gateChecks().lines().filter(l -> l.contains("COMPLETE,"))).hasSize(8);
    }

    @Test
    void groundTruthIsWhatTheTwoSecondRuleMakesOfTheScenario() throws IOException {
        List<PassageSummary> byRule = PassageRule.passages(ScenarioFiles.reads(committedScenario), ScenarioFiles.readerLocations(world));
        assertThat(byRule).containsExactlyElementsOf(ScenarioFiles.passages(committed(DemoFiles.GROUND_TRUTH)));
    }

    @Test
    void scenarioIsSmallOrderedAndWellFormed() {
        assertThat(committedScenario.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4 * 1024 * 1024);
        List<String> lines = committedScenario.lines().toList();
        assertThat(lines.get(0)).isEqualTo("offset_ms,reader,antenna,epc,tid,rssi_dbm");
        assertThat(lines.size() - 1).isBetween(20_000, 60_000);
        var readers = world.readPoints().stream().map(r -> r.reader() + "/" + r.antenna()).collect(Collectors.toSet());
        long previous = 0;
        for (String line : lines.subList(1, lines.size())) {
            assertThat(line).matches("\\d+,rdr-[A-Z0-9-]+,\\d+,[0-9A-F]{24},([0-9A-F]{24})?,-\\d{2}\\.\\d");
            String[] f = line.split(",");
            long offset = Long.parseLong(f[0]);
            assertThat(offset).isGreaterThanOrEqualTo(previous).isLessThan(DemoScenario.DURATION_MS + 10_000);
            assertThat(readers).contains(f[1] + "/" + f[2]);
            previous = offset;
        }
    }

    @Test
    void coversTwelveBusyCheckpointsLibraryGatesPortGateAndDockDoors() {
        var readers = ScenarioFiles.reads(committedScenario).stream().map(Read::reader).collect(Collectors.toSet());
        assertThat(readers.stream().filter(r -> r.startsWith("rdr-CQ-CP-"))).hasSize(DemoScenario.BUSY_CHECKPOINTS);
        assertThat(readers).contains("rdr-CQ-LIB-G1", "rdr-CQ-LIB-G2", "rdr-CQ-PORT-GATE", "rdr-CQ-LOG-HUB-D01", "rdr-CQ-BW-01-D02");
    }

    @Test
    void passesLookLikeRealGantryReads() {
        List<PassageSummary> passages = ScenarioFiles.passages(generated.groundTruth());
        List<PassageSummary> vehiclePasses = passages.stream().filter(p -> p.location().startsWith("CQ-CP-")).toList();
        double meanReads = vehiclePasses.stream().mapToInt(PassageSummary::reads).average().orElseThrow();
        assertThat(meanReads).as("tens of reads per pass").isBetween(10.0, 60.0);
        assertThat(vehiclePasses).allSatisfy(p -> assertThat(p.peakRssiTenths()).isBetween(-700, -400));
    }

    @Test
    void labelsOneOfEachAnomalyKind() {
        assertThat(generated.anomalies().lines().skip(1).map(l -> l.split(",")[1]).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Anomaly.CLONED_PLATE, Anomaly.STOLEN_VEHICLE, Anomaly.CUSTOMS_HOLD_EXIT,
                        Anomaly.LIBRARY_UNCHECKED_EXIT, Anomaly.READER_OUTAGE);
    }

    @Test
    void clonedPlateShowsTheRegisteredEpcWithAnUnregisteredTid() {
        String clone = generated.anomalies().lines().filter(l -> l.contains(Anomaly.CLONED_PLATE)).findFirst().orElseThrow();
        String epc = clone.split(",")[2];
        var tids = ScenarioFiles.reads(committedScenario).stream().filter(r -> r.epc().equals(epc)).map(Read::tid)
                .collect(Collectors.toSet());
        String registered = world.vehicles().stream().filter(v -> v.epc().equals(epc)).findFirst().orElseThrow().tid();
        assertThat(tids).hasSize(2).contains(registered);
    }
}
