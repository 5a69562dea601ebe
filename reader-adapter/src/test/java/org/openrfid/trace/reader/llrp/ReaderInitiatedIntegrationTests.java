package org.openrfid.trace.reader.llrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.ReaderState;
import org.openrfid.trace.reader.TagRead;
import org.openrfid.trace.reader.TagReadBatch;
import org.openrfid.trace.reader.simulator.LlrpReaderSimulator;
import org.openrfid.trace.reader.simulator.Scenario;
import org.openrfid.trace.reader.simulator.ScenarioRow;

/** Readers that dial our listener (LLRP §18.1 reader-initiated connections), over real sockets. */
class ReaderInitiatedIntegrationTests {

    private final Scenario scenario = Scenario.fromClasspath("scenarios/gate.csv");
    private ReaderInitiatedListener listener;
    private LlrpReaderSimulator sim;
    private LlrpClientSession r1;
    private LlrpClientSession r2;

    @AfterEach
    void tearDown() {
        for (LlrpClientSession s : new LlrpClientSession[] {r1, r2}) {
            if (s != null) {
                s.stop();
            }
        }
        if (sim != null) {
            sim.close();
        }
        if (listener != null) {
            listener.close();
        }
    }

    private static LlrpReaderConfig config(String id) {
        return LlrpReaderConfig.of(id, "127.0.0.1", 5084).withKeepalive(Duration.ofMillis(300))
                .withReportEvery(Duration.ofMillis(50), 4).withBackoff(Duration.ofMillis(50), Duration.ofMillis(400));
    }

    @Test
    void dialledInReadersAreMatchedByTheirIdentificationAndStream() throws Exception {
        listener = new ReaderInitiatedListener(0).start();
        Queue<TagReadBatch> batches = new ConcurrentLinkedQueue<>();
        // Both readers call from 127.0.0.1, so only the ReaderID can tell them apart.
        r1 = new LlrpClientSession(config("r1"), listener.connectorFor("r1", "127.0.0.1"), batches::add, Clock.systemUTC());
        r2 = new LlrpClientSession(config("r2"), listener.connectorFor("r2", "127.0.0.1"), batches::add, Clock.systemUTC());
        r1.start();
        r2.start();
        assertThat(r1.status().state()).isEqualTo(ReaderState.CONNECTING);

        sim = LlrpReaderSimulator.builder().scenario(scenario).timeScale(4.0).catchUp(true)
                .dial("r2", "127.0.0.1", listener.port()).dial("r1", "127.0.0.1", listener.port()).build().start();
        assertThat(sim.port("r1")).isEqualTo(-1);

        int expected = scenario.rows().size();
        await().atMost(Duration.ofSeconds(10)).until(() -> batches.stream().mapToInt(TagReadBatch::size).sum() >= expected);
        for (String id : List.of("r1", "r2")) {
            List<RawEpc> got = batches.stream().filter(b -> b.readerId().equals(id)).flatMap(b -> b.reads().stream())
                    .map(TagRead::epc).toList();
            assertThat(got).as(id).containsExactlyElementsOf(scenario.rowsFor(id).stream().map(ScenarioRow::epc).toList());
        }
        assertThat(r1.status().state()).isEqualTo(ReaderState.CONNECTED);
        assertThat(r2.status().state()).isEqualTo(ReaderState.CONNECTED);
    }

    @Test
    void aReaderThatHangsUpDialsAgainAndResumes() throws Exception {
        listener = new ReaderInitiatedListener(0).start();
        Queue<TagReadBatch> batches = new ConcurrentLinkedQueue<>();
        r1 = new LlrpClientSession(config("r1"), listener.connectorFor("r1", "127.0.0.1"), batches::add, Clock.systemUTC());
        r1.start();
        sim = LlrpReaderSimulator.builder().scenario(scenario).timeScale(4.0).loop(true)
                .dial("r1", "127.0.0.1", listener.port()).build().start();
        await().atMost(Duration.ofSeconds(5)).until(() -> r1.connectionsEstablished() == 1 && !batches.isEmpty());

        sim.dropConnection("r1");
        await().atMost(Duration.ofSeconds(8)).until(() -> r1.connectionsEstablished() >= 2
                && r1.status().state() == ReaderState.CONNECTED);
        int before = batches.size();
        await().atMost(Duration.ofSeconds(5)).until(() -> batches.size() > before);
    }

    @Test
    void anUnknownReaderIsHungUpOnWithoutDisturbingOthers() throws Exception {
        listener = new ReaderInitiatedListener(0).start();
        // Expected from another address or through a front end on loopback, so the caller r2 is admitted
        // to the greeting (r1 accepts loopback) but neither its id nor its address matches a reader.
        r1 = new LlrpClientSession(config("r1"), listener.connectorFor("r1", "192.0.2.7", List.of("127.0.0.1")), b -> { },
                Clock.systemUTC());
        r1.start();
        sim = LlrpReaderSimulator.builder().scenario(scenario).timeScale(4.0).loop(true)
                .dial("r2", "127.0.0.1", listener.port()).build().start();
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                .until(() -> r1.status().state() == ReaderState.CONNECTING && r1.connectionsEstablished() == 0);

        // The rightful reader still gets through on the same listener.
        LlrpReaderSimulator right = LlrpReaderSimulator.builder().scenario(scenario).timeScale(4.0).loop(true)
                .dial("r1", "127.0.0.1", listener.port()).build().start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> r1.status().state() == ReaderState.CONNECTED);
        } finally {
            right.close();
        }
    }

    @Test
    void aReaderDiallingInFromAnAddressItIsNotExpectedFromGetsNoSession() throws Exception {
        listener = new ReaderInitiatedListener(0).start();
        r1 = new LlrpClientSession(config("r1"), listener.connectorFor("r1", "192.0.2.7"), b -> { }, Clock.systemUTC());
        r1.start();
        // the right ReaderID from the wrong address: hung up on before the greeting
        sim = LlrpReaderSimulator.builder().scenario(scenario).timeScale(4.0).loop(true)
                .dial("r1", "127.0.0.1", listener.port()).build().start();
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(4))
                .until(() -> r1.status().state() == ReaderState.CONNECTING && r1.connectionsEstablished() == 0);
    }

    @Test
    void dialersAnnouncingHugeFramesCostNoHeapAndTheReaderStillConnects() throws Exception {
        listener = new ReaderInitiatedListener(0).start();
        r1 = new LlrpClientSession(config("r1"), listener.connectorFor("r1", "127.0.0.1"), b -> { }, Clock.systemUTC());
        r1.start();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        List<Socket> dialers = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                Socket s = new Socket("127.0.0.1", listener.port());
                // READER_EVENT_NOTIFICATION (63), version 1, announcing 16 MiB, and then nothing
                s.getOutputStream().write(new byte[] {0x04, 0x3F, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01});
                s.getOutputStream().flush();
                dialers.add(s);
            }
            Thread.sleep(1000); // lets time pass for the greetings to read what the dialers sent
            System.gc();
            long grown = memory.getHeapMemoryUsage().getUsed() - before;
            assertThat(grown).as("heap grown by 200 dialers announcing 16 MiB each").isLessThan(64L * 1024 * 1024);
            sim = LlrpReaderSimulator.builder().scenario(scenario).timeScale(4.0).loop(true)
                    .dial("r1", "127.0.0.1", listener.port()).build().start();
            await().atMost(Duration.ofSeconds(10)).until(() -> r1.status().state() == ReaderState.CONNECTED);
        } finally {
            for (Socket s : dialers) {
                s.close();
            }
        }
    }
}
