package org.openrfid.trace.reader.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.reader.TagRead;
import org.openrfid.trace.reader.TagReadBatch;
import org.openrfid.trace.reader.llrp.LlrpClientSession;
import org.openrfid.trace.reader.llrp.LlrpReaderConfig;

/** The simulator's report-shape faults, end to end through the client session and our decoder. */
class SimulatorFaultsIntegrationTests {

    private static final double TIME_SCALE = 4.0;
    private final Scenario scenario = Scenario.fromClasspath("scenarios/gate.csv");
    private LlrpReaderSimulator sim;
    private LlrpClientSession session;

    @AfterEach
    void tearDown() {
        if (session != null) {
            session.stop();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private List<TagRead> run(LlrpReaderSimulator.Builder builder) {
        sim = builder.reader("r1", 0).scenario(scenario).timeScale(TIME_SCALE).catchUp(true).build().start();
        Queue<TagReadBatch> batches = new ConcurrentLinkedQueue<>();
        LlrpReaderConfig cfg = LlrpReaderConfig.of("r1", "127.0.0.1", sim.port("r1")).withKeepalive(Duration.ofMillis(300))
                .withReportEvery(Duration.ofMillis(50), 4).withBackoff(Duration.ofMillis(50), Duration.ofMillis(400));
        session = new LlrpClientSession(cfg, batches::add, Clock.systemUTC());
        session.start();
        int expected = scenario.rowsFor("r1").size();
        await().atMost(Duration.ofSeconds(10)).until(() -> batches.stream().mapToInt(TagReadBatch::size).sum() >= expected);
        return batches.stream().flatMap(b -> b.reads().stream()).sorted(Comparator.comparingLong(TagRead::firstSeenMicros)).toList();
    }

    @Test
    void omittedUnchangedFieldsAreCarriedOverByTheClient() {
        List<TagRead> reads = run(LlrpReaderSimulator.builder().omitUnchangedFields(true));
        List<ScenarioRow> rows = scenario.rowsFor("r1");
        assertThat(reads).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ScenarioRow row = rows.get(i);
            long at = sim.startMicros() + (long) (row.offsetMs() * 1000 / TIME_SCALE);
            assertThat(reads.get(i).epc()).isEqualTo(row.epc());
            assertThat(reads.get(i).antenna()).as("antenna of row %d", i).isEqualTo(row.antenna());
            assertThat(reads.get(i).peakRssiCdbm()).as("RSSI of row %d", i).isEqualTo(row.rssiCdbm());
            assertThat(reads.get(i).firstSeenMicros()).isEqualTo(at);
            assertThat(reads.get(i).seenCount()).isEqualTo(1);
        }
    }

    @Test
    void omittingReallyLeavesFieldsOut() throws Exception {
        ScenarioRow a = new ScenarioRow(0, "r1", 2, "3034257BF7194E4000019919", null, -50);
        ScenarioRow b = new ScenarioRow(10, "r1", 2, "3034257BF7194E400001991A", null, -50);
        SimOptions omit = new SimOptions(false, true, 0, null, null, 0);
        var obs = List.of(new SimMessages.Observation(a, 5), new SimMessages.Observation(b, 5));
        byte[] omitted = SimMessages.report(obs, ReportSelector.DEFAULT, -1, omit, new SimMessages.Carry()).encodeBinary();
        byte[] full = SimMessages.report(obs, ReportSelector.DEFAULT, -1).encodeBinary();
        // Second TagReportData loses AntennaID (3 B), PeakRSSI (2 B), both timestamps (9 B each) and TagSeenCount (3 B).
        assertThat(full.length - omitted.length).isEqualTo(3 + 2 + 9 + 9 + 3);
    }

    @ParameterizedTest
    @ValueSource(ints = {128, 170, 198})
    void epcDataOfAnyBitLengthArrivesBitExact(int bits) {
        List<TagRead> reads = run(LlrpReaderSimulator.builder().epcBitLength(bits));
        List<ScenarioRow> rows = scenario.rowsFor("r1");
        assertThat(reads).extracting(TagRead::epc)
                .containsExactlyElementsOf(rows.stream().map(r -> LlrpReaderSimulator.resizeEpc(r.epc(), bits)).toList());
        assertThat(reads).allSatisfy(r -> assertThat(r.epc().bitLength()).isEqualTo(bits));
    }
}
