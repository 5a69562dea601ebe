package org.openrfid.trace.sampledata.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.sampledata.world.DemoWorld;
import org.openrfid.trace.sampledata.csv.AsciiRowWriter;

class StreamingGeneratorUnitTests {
    private static DemoWorld world;
    private static RoadGraph graph;

    @BeforeAll
    static void load() {
        world = DemoWorld.load();
        graph = RoadGraph.of(world);
    }

    /** Default goods and library flows, no outages: then passages mode and reads mode must agree exactly. */
    private static GeneratorOptions options(GeneratorOptions.Mode mode, int vehicles, long minutes, long limit) {
        return new GeneratorOptions(11L, minutes * 60_000L, 8, vehicles, 3, mode, limit).withFlows(
                new GeneratorOptions.Flows(10 * 60_000L, 5 * 60_000L, 240, 10, 0, 0));
    }

    @Test
    void holdsOneEntryPerVehicleWhateverThePassCount() {
        TrafficSimulation passes = new StreamingGenerator(world, options(GeneratorOptions.Mode.PASSAGES, 500, 30L * 24 * 60, 0))
                .traffic(a -> { });
        long count = 0;
        long previousStart = 0;
        while (passes.hasNext() && count < 100_000) {
            Pass pass = passes.next();
            assertThat(pass.startMs()).isGreaterThanOrEqualTo(previousStart);
            previousStart = pass.startMs();
            assertThat(passes.pendingVehicles()).isEqualTo(503);
            count++;
        }
        assertThat(count).isEqualTo(100_000);
    }

    @Test
    void buffersOnlyTheReadsOfPassesInProgress() {
        TrafficSimulation passes = new StreamingGenerator(world, options(GeneratorOptions.Mode.READS, 5_000, 24 * 60, 0))
                .traffic(a -> { });
        ReadStream reads = new ReadStream(passes, new ReadSynthesizer(3), p -> { });
        int maxPending = 0;
        long previous = 0;
        for (int i = 0; i < 300_000 && reads.hasNext(); i++) {
            Read read = reads.next();
            assertThat(read.offsetMs()).isGreaterThanOrEqualTo(previous);
            previous = read.offsetMs();
            maxPending = Math.max(maxPending, reads.pendingReads());
        }
        assertThat(maxPending).as("reads buffered at once").isLessThan(2_000);
    }

    @Test
    void readsModeGroundTruthIsWhatTheRuleMakesOfItsReadsAndEqualsPassagesMode() {
        String[] reads = run(options(GeneratorOptions.Mode.READS, 3_000, 60, 0));
        String[] passages = run(options(GeneratorOptions.Mode.PASSAGES, 3_000, 60, 0));
        var byRule = PassageRule.passages(ScenarioFiles.reads(reads[0]), ScenarioFiles.readerLocations(world));
        assertThat(byRule).hasSizeGreaterThan(1_000).containsExactlyElementsOf(ScenarioFiles.passages(reads[1]));
        assertThat(passages[0]).isEqualTo(reads[1]);
        assertThat(reads[2]).isEqualTo(passages[2]).contains(Anomaly.CLONED_PLATE, Anomaly.CUSTOMS_HOLD_EXIT,
                Anomaly.LIBRARY_UNCHECKED_EXIT);
    }

    @Test
    void sameSeedGivesTheSameBytesAndTheLimitCutsAtPassBoundaries() {
        String[] first = run(options(GeneratorOptions.Mode.READS, 1_000, 60, 5_000));
        String[] second = run(options(GeneratorOptions.Mode.READS, 1_000, 60, 5_000));
        assertThat(first).containsExactly(second);
        var byRule = PassageRule.passages(ScenarioFiles.reads(first[0]), ScenarioFiles.readerLocations(world));
        assertThat(byRule).containsExactlyElementsOf(ScenarioFiles.passages(first[1]));
    }

    @Test
    void readsModeTrafficOnlyStillMatchesItsGroundTruth() {
        String[] reads = run(options(GeneratorOptions.Mode.READS, 2_000, 30, 0).withFlows(GeneratorOptions.Flows.NONE));
        var byRule = PassageRule.passages(ScenarioFiles.reads(reads[0]), ScenarioFiles.readerLocations(world));
        assertThat(byRule).hasSizeGreaterThan(100).containsExactlyElementsOf(ScenarioFiles.passages(reads[1]));
        assertThat(reads[0]).doesNotContain("rdr-CQ-LIB", "rdr-CQ-PORT-GATE");
    }

    /** @return main file, ground truth (reads mode), anomalies */
    private static String[] run(GeneratorOptions options) {
        ByteArrayOutputStream main = new ByteArrayOutputStream();
        ByteArrayOutputStream truth = new ByteArrayOutputStream();
        ByteArrayOutputStream labels = new ByteArrayOutputStream();
        AsciiRowWriter m = new AsciiRowWriter(main);
        AsciiRowWriter t = new AsciiRowWriter(truth);
        AsciiRowWriter l = new AsciiRowWriter(labels);
        new StreamingGenerator(world, options).write(m, t, l);
        m.flush();
        t.flush();
        l.flush();
        return new String[] {main.toString(StandardCharsets.US_ASCII), truth.toString(StandardCharsets.US_ASCII),
                labels.toString(StandardCharsets.US_ASCII)};
    }
}
