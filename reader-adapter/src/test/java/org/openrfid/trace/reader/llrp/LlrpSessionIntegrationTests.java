package org.openrfid.trace.reader.llrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedInputStream;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.llrp.ltk.generated.LLRPMessageFactory;
import org.llrp.ltk.generated.enumerations.ConnectionAttemptStatusType;
import org.llrp.ltk.generated.messages.READER_EVENT_NOTIFICATION;
import org.openrfid.trace.reader.ReaderState;
import org.openrfid.trace.reader.TagRead;
import org.openrfid.trace.reader.TagReadBatch;
import org.openrfid.trace.reader.simulator.LlrpReaderSimulator;
import org.openrfid.trace.reader.simulator.Scenario;
import org.openrfid.trace.reader.simulator.ScenarioRow;

/** LLRP sessions over real sockets against the simulator. */
class LlrpSessionIntegrationTests {

    private static final double TIME_SCALE = 4.0;
    private final Scenario scenario = Scenario.fromClasspath("scenarios/gate.csv");
    private LlrpReaderSimulator sim;
    private LlrpClientSession session;
    private LlrpClientSession other;

    @AfterEach
    void tearDown() {
        if (session != null) {
            session.stop();
        }
        if (other != null) {
            other.stop();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private LlrpReaderSimulator simulator(int port, boolean loop) {
        return LlrpReaderSimulator.builder().reader("r1", port).scenario(scenario).timeScale(TIME_SCALE)
                .loop(loop).catchUp(true).build().start();
    }

    private static LlrpReaderConfig config(int port) {
        return LlrpReaderConfig.of("r1", "127.0.0.1", port)
                .withKeepalive(Duration.ofMillis(300))
                .withReportEvery(Duration.ofMillis(50), 4)
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(400));
    }

    @Test
    void deliversExactlyTheScenarioReads() {
        sim = simulator(0, false);
        Queue<TagReadBatch> batches = new ConcurrentLinkedQueue<>();
        session = new LlrpClientSession(config(sim.port("r1")), batches::add, Clock.systemUTC());
        session.start();

        List<ScenarioRow> expected = scenario.rowsFor("r1");
        await().atMost(Duration.ofSeconds(10)).until(() -> reads(batches).size() >= expected.size());
        List<TagRead> reads = reads(batches);
        assertThat(reads).hasSize(expected.size());
        assertThat(batches).allSatisfy(b -> assertThat(b.readerId()).isEqualTo("r1"));
        assertThat(batches).allSatisfy(b -> assertThat(b.size()).isBetween(1, 4));
        for (int i = 0; i < expected.size(); i++) {
            ScenarioRow row = expected.get(i);
            TagRead read = reads.get(i);
            long at = sim.startMicros() + (long) (row.offsetMs() * 1000 / TIME_SCALE);
            assertThat(read.epc()).isEqualTo(row.epc());
            assertThat(read.antenna()).isEqualTo(row.antenna());
            assertThat(read.peakRssiCdbm()).isEqualTo(row.rssiCdbm());
            assertThat(read.firstSeenMicros()).isEqualTo(at);
            assertThat(read.lastSeenMicros()).isEqualTo(at);
            assertThat(read.seenCount()).isEqualTo(1);
            assertThat(read.tidHex()).isEqualTo(row.tidHex());
            assertThat(read.readerId()).isEqualTo("r1");
        }
        assertThat(session.status().state()).isEqualTo(ReaderState.CONNECTED);
        await().atMost(Duration.ofSeconds(2)).until(() -> session.status().lastKeepalive() != null);
        assertThat(session.status().tagReportsReceived()).isEqualTo(expected.size());
    }

    @Test
    void missedKeepalivesReconnect() {
        sim = simulator(0, true);
        Queue<TagReadBatch> batches = new ConcurrentLinkedQueue<>();
        session = new LlrpClientSession(config(sim.port("r1")), batches::add, Clock.systemUTC());
        session.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> session.connectionsEstablished() == 1 && !batches.isEmpty());

        sim.stall("r1", Duration.ofMillis(1500));
        await().atMost(Duration.ofSeconds(5)).until(() -> session.status().state() != ReaderState.CONNECTED);
        assertThat(session.status().lastError()).contains("keepalive");
        await().atMost(Duration.ofSeconds(8)).until(() -> session.connectionsEstablished() >= 2
                && session.status().state() == ReaderState.CONNECTED);
        int before = reads(batches).size();
        await().atMost(Duration.ofSeconds(5)).until(() -> reads(batches).size() > before);
    }

    @Test
    void readsResumeAfterTheReaderRestartsOnTheSamePort() {
        sim = simulator(0, true);
        int port = sim.port("r1");
        Queue<TagReadBatch> batches = new ConcurrentLinkedQueue<>();
        session = new LlrpClientSession(config(port), batches::add, Clock.systemUTC());
        session.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> !batches.isEmpty());

        sim.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> session.status().state() != ReaderState.CONNECTED);
        sim = simulator(port, true);
        batches.clear();
        await().atMost(Duration.ofSeconds(8)).until(() -> reads(batches).size() >= 3);
        assertThat(session.status().state()).isEqualTo(ReaderState.CONNECTED);
        assertThat(session.connectionsEstablished()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void garbageFrameResetsTheSessionWhichRecovers() {
        sim = simulator(0, true);
        Queue<TagReadBatch> batches = new ConcurrentLinkedQueue<>();
        session = new LlrpClientSession(config(sim.port("r1")), batches::add, Clock.systemUTC());
        session.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> session.connectionsEstablished() == 1);

        sim.sendGarbageFrame("r1");
        await().atMost(Duration.ofSeconds(5)).until(() -> session.connectionsEstablished() >= 2
                && session.status().state() == ReaderState.CONNECTED);
        assertThat(session.status().lastError()).isNull();
        int before = reads(batches).size();
        await().atMost(Duration.ofSeconds(5)).until(() -> reads(batches).size() > before);
    }

    @Test
    void droppedConnectionIsReestablished() {
        sim = simulator(0, true);
        session = new LlrpClientSession(config(sim.port("r1")), b -> { }, Clock.systemUTC());
        session.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> session.connectionsEstablished() == 1);
        sim.dropConnection("r1");
        await().atMost(Duration.ofSeconds(5)).until(() -> session.connectionsEstablished() >= 2);
    }

    @Test
    void secondClientIsRefused() throws Exception {
        sim = simulator(0, true);
        session = new LlrpClientSession(config(sim.port("r1")), b -> { }, Clock.systemUTC());
        session.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> session.status().state() == ReaderState.CONNECTED);

        try (Socket raw = new Socket("127.0.0.1", sim.port("r1"))) {
            raw.setSoTimeout(3000);
            byte[] frame = LlrpFrames.read(new BufferedInputStream(raw.getInputStream()), LlrpFrames.DEFAULT_MAX_FRAME);
            READER_EVENT_NOTIFICATION n = (READER_EVENT_NOTIFICATION) LLRPMessageFactory.createLLRPMessage(frame);
            assertThat(n.getReaderEventNotificationData().getConnectionAttemptEvent().getStatus().intValue())
                    .isEqualTo(ConnectionAttemptStatusType.Failed_A_Client_Initiated_Connection_Already_Exists);
            assertThat(raw.getInputStream().read()).isEqualTo(-1);
        }

        other = new LlrpClientSession(config(sim.port("r1")), b -> { }, Clock.systemUTC());
        other.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> other.status().lastError() != null);
        assertThat(other.status().lastError()).contains("refused");
        assertThat(other.status().state()).isNotEqualTo(ReaderState.CONNECTED);
        assertThat(session.status().state()).isEqualTo(ReaderState.CONNECTED);
    }

    @Test
    void sinkExceptionsAreCountedAndTheSessionCarriesOn() {
        sim = simulator(0, true);
        AtomicInteger calls = new AtomicInteger();
        session = new LlrpClientSession(config(sim.port("r1")), b -> {
            calls.incrementAndGet();
            throw new IllegalStateException("downstream broke");
        }, Clock.systemUTC());
        session.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() >= 3);
        assertThat(session.sinkErrors()).isGreaterThanOrEqualTo(3);
        assertThat(session.connectionsEstablished()).isEqualTo(1);
        assertThat(session.status().state()).isEqualTo(ReaderState.CONNECTED);
    }

    @Test
    void stopClosesTheConnectionPolitely() {
        sim = simulator(0, true);
        session = new LlrpClientSession(config(sim.port("r1")), b -> { }, Clock.systemUTC());
        session.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.hasClient("r1")
                && session.status().state() == ReaderState.CONNECTED);
        session.stop();
        assertThat(session.status().state()).isEqualTo(ReaderState.DISABLED);
        await().atMost(Duration.ofSeconds(2)).until(() -> !sim.hasClient("r1"));
    }

    private static List<TagRead> reads(Queue<TagReadBatch> batches) {
        return batches.stream().flatMap(b -> b.reads().stream())
                .sorted(Comparator.comparingLong(TagRead::firstSeenMicros)).toList();
    }
}
