package org.openrfid.trace.reader.llrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
 * The TID column of a scenario reaches the client as the C1G2ReadOpSpecResult of its TID AccessSpec, over a real
 * TCP LLRP session, and the report decoder puts it on the read: what the passage's TID and clone evidence come from.
 */
class LlrpTidIntegrationTests {

    private static final String TID_A = "E2801160200000000000001F";
    private static final String TID_B = "E2801160200000000000003E";
    private static final String EPC = "3034257BF7194E4000019919";
    /** One EPC answering with two chips (a clone), a tag whose TID read failed, a 64-bit TID. */
    private static final Scenario CLONES = Scenario.of(List.of(
            new ScenarioRow(0, "r1", 1, EPC, TID_A, -41.25),
            new ScenarioRow(40, "r1", 2, EPC, TID_B, -42.5),
            new ScenarioRow(80, "r1", 1, "3034257BF7194E4000033232", null, -43.75),
            new ScenarioRow(120, "r1", 2, EPC, TID_A, -44.0),
            new ScenarioRow(160, "r1", 3, "3034257BF7194E400004CB4B", "E2003412DEADBEEF", -45.0)));

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

    private List<TagRead> play(Scenario scenario, String readerId, boolean omitUnchanged, boolean readTid) {
        sim = LlrpReaderSimulator.builder().reader(readerId, 0).scenario(scenario).timeScale(4.0).catchUp(true)
                .omitUnchangedFields(omitUnchanged).build().start();
        Queue<TagReadBatch> batches = new ConcurrentLinkedQueue<>();
        LlrpReaderConfig config = LlrpReaderConfig.of(readerId, "127.0.0.1", sim.port(readerId))
                .withKeepalive(Duration.ofMillis(300))
                .withReportEvery(Duration.ofMillis(50), 4)
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(400))
                .withReadTid(readTid);
        session = new LlrpClientSession(config, batches::add, Clock.systemUTC());
        session.start();
        int expected = scenario.rowsFor(readerId).size();
        await().atMost(Duration.ofSeconds(15)).until(() -> reads(batches).size() >= expected);
        List<TagRead> reads = reads(batches);
        assertThat(reads).hasSize(expected);
        return reads;
    }

    private static List<TagRead> reads(Queue<TagReadBatch> batches) {
        List<TagRead> all = new ArrayList<>();
        batches.forEach(b -> all.addAll(b.reads()));
        return all;
    }

    private static void assertTidsAsInTheScenario(List<TagRead> reads, List<ScenarioRow> rows) {
        for (int i = 0; i < rows.size(); i++) {
            assertThat(reads.get(i).epc()).isEqualTo(rows.get(i).epc());
            assertThat(reads.get(i).tidHex()).as("read %d", i).isEqualTo(rows.get(i).tidHex());
        }
    }

    @Test
    void eachReadCarriesTheTidItsTagAnswered() {
        List<TagRead> reads = play(CLONES, "r1", false, true);

        assertTidsAsInTheScenario(reads, CLONES.rowsFor("r1"));
        assertThat(reads).extracting(TagRead::tidHex).containsExactly(TID_A, TID_B, null, TID_A, "E2003412DEADBEEF");
    }

    @Test
    void theTidsArriveAlsoFromTheGeneralEncoderThatOmitsUnchangedFields() {
        List<TagRead> reads = play(CLONES, "r1", true, true);

        assertThat(reads).extracting(TagRead::tidHex).containsExactly(TID_A, TID_B, null, TID_A, "E2003412DEADBEEF");
    }

    @Test
    void theDemoScenariosTidColumnReachesTheDecoder() {
        Scenario demo = Scenario.fromFile(Path.of("../sample-data/src/main/resources/sample-data/demo/scenario.csv"));
        String reader = demo.rows().get(0).reader();
        List<ScenarioRow> rows = demo.rowsFor(reader).subList(0, 24);
        assertThat(rows).as("the demo scenario has TIDs").anySatisfy(r -> assertThat(r.tidHex()).isNotNull());
        Scenario first = Scenario.of(rows.stream().map(r -> new ScenarioRow(r.offsetMs() - rows.get(0).offsetMs(), r.reader(),
                r.antenna(), r.epcHex(), r.tidHex(), r.rssiDbm())).toList());

        assertTidsAsInTheScenario(play(first, reader, false, true), rows);
    }

    @Test
    void withoutTheTidAccessSpecTheReaderReportsNoTid() {
        List<TagRead> reads = play(CLONES, "r1", false, false);

        assertThat(reads).extracting(TagRead::tidHex).containsOnlyNulls();
    }
}
