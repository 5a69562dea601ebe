package org.openrfid.trace.reader.llrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.reader.TagRead;
import org.openrfid.trace.reader.TagReadBatch;
import org.openrfid.trace.reader.simulator.LlrpReaderSimulator;
import org.openrfid.trace.reader.simulator.Scenario;
import org.openrfid.trace.reader.simulator.ScenarioRow;

/**
 * Impinj (vendor 25882) readers get IMPINJ_ENABLE_EXTENSIONS and an ImpinjTagReportContentSelector;
 * their reports then carry 1/100 dBm RSSI and phase. Generic readers get plain LLRP.
 */
class ImpinjExtensionsIntegrationTests {

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

    private List<TagRead> run(boolean impinj) {
        sim = LlrpReaderSimulator.builder().reader("r1", 0).scenario(scenario).timeScale(4.0).catchUp(true).impinj(impinj)
                .build().start();
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
    void impinjReaderReportsPreciseRssiAndPhase() {
        List<TagRead> reads = run(true);
        List<ScenarioRow> rows = scenario.rowsFor("r1");
        for (int i = 0; i < rows.size(); i++) {
            ScenarioRow row = rows.get(i);
            assertThat(reads.get(i).peakRssiCdbm()).isEqualTo(row.rssiCdbm());
            assertThat(reads.get(i).phase()).isEqualTo((int) ((row.offsetMs() * 7 + row.antenna() * 1024L) & 0xFFF));
        }
    }

    @Test
    void genericReaderGetsPlainLlrp() {
        List<TagRead> reads = run(false);
        List<ScenarioRow> rows = scenario.rowsFor("r1");
        for (int i = 0; i < rows.size(); i++) {
            assertThat(reads.get(i).peakRssiCdbm()).isEqualTo((int) Math.round(rows.get(i).rssiDbm()) * 100);
            assertThat(reads.get(i).phase()).isEqualTo(-1);
        }
    }
}
