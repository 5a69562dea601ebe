package org.openrfid.trace.groundtruth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.reader.simulator.LlrpReaderSimulator;
import org.openrfid.trace.service.readerfleet.ReaderConnections;
import org.openrfid.trace.service.readerfleet.ReaderDefinition;
import org.openrfid.trace.sampledata.generator.Anomaly;
import org.openrfid.trace.sampledata.generator.GeneratorOptions;
import org.openrfid.trace.service.passage.PassageStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The acceptance test: a scenario generated from a fixed seed, played by the LLRP reader
 * simulator over TCP into the running service, yields exactly the generator's ground-truth passages
 * (same multiset of EPC, location, first and last seen, reads and peak RSSI), nothing more.
 *
 * <p>Played at time scale 1.0, so the simulator stamps every read at its scenario offset and the
 * ground truth applies as generated; the scenario is kept to 45 s so the test stays under a minute.
 * (At a faster scale the gaps between reads shrink and the 2-second rule would group them
 * differently from the ground truth.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rfid.demo.enabled=false",
        "rfid.pipeline.forwarding=cluster", // through the cluster layer, as a node with members runs it
        "RFID_ADMIN_PASSWORD=groundtruth-test-password",
        "spring.datasource.url=jdbc:h2:mem:groundtruth;DB_CLOSE_DELAY=-1",
})
class GroundTruthPlaybackIntegrationTests {

    /**
     * 45 s from 08:00 at the four checkpoints nearest the centre, plus the hub and bonded-warehouse
     * dock doors, the port gate and both library gates. Seed 2 sends a held consignment first, so a
     * customs-hold exit falls inside the 45 s; checkpoint reader outage 10-20 s with buffered replay;
     * two library items leave unchecked; 300 clones make copied EPCs likely on the road.
     */
    static final GeneratorOptions OPTIONS = new GeneratorOptions(2L, 45_000L, 8, 6_000, 300,
            GeneratorOptions.Mode.READS, 0, 4,
            new GeneratorOptions.Flows(15_000L, 12_000L, 600, 3, 40_000L, 10_000L));

    @Autowired
    ReaderConnections readers;

    @Autowired
    PassageStore store;

    private LlrpReaderSimulator simulator;

    @AfterEach
    void stopReaders() {
        readers.all().forEach(r -> readers.remove(r.id()));
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void playingAGeneratedScenarioYieldsExactlyTheGroundTruthPassages() {
        GeneratedScenario generated = GeneratedScenario.generate(OPTIONS);
        List<ObservedPassage> expected = generated.expected();
        assertThat(generated.anomalyKinds()).as("the scenario exercises the labelled anomalies")
                .contains(Anomaly.READER_OUTAGE, Anomaly.CUSTOMS_HOLD_EXIT, Anomaly.LIBRARY_UNCHECKED_EXIT);
        assertThat(expected).as("a scenario worth playing").hasSizeGreaterThan(100);
        assertThat(store.count()).isZero();

        LlrpReaderSimulator.Builder builder = LlrpReaderSimulator.builder()
                .scenario(generated.scenario())
                .timeScale(1.0)
                .loop(false)
                .catchUp(true); // reads due before a client's ROSpec starts are held, as a reader's buffer would
        generated.readers().keySet().forEach(id -> builder.reader(id, 0));
        simulator = builder.build();
        simulator.start();
        generated.readers().forEach((id, antennas) ->
                readers.add(new ReaderDefinition(id, "127.0.0.1", simulator.port(id), antennas)));

        long last = generated.scenario().durationMs();
        Long stored = await().atMost(Duration.ofMillis(last + 40_000)).pollInterval(Duration.ofMillis(500))
                .until(store::count, n -> n >= expected.size());
        assertThat(stored).isGreaterThanOrEqualTo(expected.size());
        // Anything extra (a passage split in two, a stray read) would arrive within a silence window or two.
        Boolean settled = await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7)).until(() -> true, ok -> ok);
        assertThat(settled).isTrue();

        List<ObservedPassage> actual = new ArrayList<>(store.latest(expected.size() + 1_000).stream()
                .map(p -> ObservedPassage.of(p, simulator.startMicros())).toList());
        actual.sort(ObservedPassage.ORDER);
        List<ObservedPassage> sortedExpected = new ArrayList<>(expected);
        sortedExpected.sort(ObservedPassage.ORDER);

        List<ObservedPassage> missing = new ArrayList<>(sortedExpected);
        actual.forEach(missing::remove);
        List<ObservedPassage> unexpected = new ArrayList<>(actual);
        sortedExpected.forEach(unexpected::remove);
        assertThat(missing).as("ground-truth passages the pipeline did not produce").isEmpty();
        assertThat(unexpected).as("passages the pipeline produced beyond the ground truth").isEmpty();
        assertThat(actual).containsExactlyElementsOf(sortedExpected);
        assertThat(store.count()).isEqualTo(expected.size());
    }
}
