package org.openrfid.trace.reader.llrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrfid.trace.reader.ReaderState;
import org.openrfid.trace.reader.TagRead;
import org.openrfid.trace.reader.TagReadBatch;
import org.openrfid.trace.reader.simulator.LlrpReaderSimulator;
import org.openrfid.trace.reader.simulator.Scenario;
import org.openrfid.trace.reader.simulator.ScenarioRow;

/** LLRP over TLS against the simulator with a key store generated for the test. */
class LlrpTlsIntegrationTests {

    @TempDir
    static Path dir;
    private static TestKeystores stores;

    private final Scenario scenario = Scenario.fromClasspath("scenarios/gate.csv");
    private LlrpReaderSimulator sim;
    private LlrpClientSession session;

    @BeforeAll
    static void keys() throws Exception {
        stores = TestKeystores.create(dir, "sim-reader");
    }

    @AfterEach
    void tearDown() {
        if (session != null) {
            session.stop();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private void startSimulator() {
        startSimulator(stores);
    }

    private void startSimulator(TestKeystores keys) {
        sim = LlrpReaderSimulator.builder().reader("r1", 0).scenario(scenario).timeScale(4.0).catchUp(true)
                .tls(LlrpTls.serverContext(keys.readerKeyStore(), keys.password())).build().start();
    }

    private static LlrpReaderConfig config(int port) {
        return LlrpReaderConfig.of("r1", "127.0.0.1", port).withKeepalive(Duration.ofMillis(300))
                .withReportEvery(Duration.ofMillis(50), 4).withBackoff(Duration.ofMillis(50), Duration.ofMillis(400));
    }

    @Test
    void sessionRunsOverTlsWithTheConfiguredTrustStore() {
        startSimulator();
        SSLContext trust = LlrpTls.context(stores.clientTrustStore(), stores.password(), null, null);
        Queue<TagReadBatch> batches = new ConcurrentLinkedQueue<>();
        int port = sim.port("r1");
        session = new LlrpClientSession(config(port), LlrpConnector.tls("127.0.0.1", port, trust), batches::add, Clock.systemUTC());
        session.start();

        List<ScenarioRow> expected = scenario.rowsFor("r1");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> batches.stream().mapToInt(TagReadBatch::size).sum() >= expected.size());
        List<TagRead> reads = batches.stream().flatMap(b -> b.reads().stream()).toList();
        assertThat(reads).extracting(TagRead::epc).containsExactlyElementsOf(expected.stream().map(ScenarioRow::epc).toList());
        assertThat(session.status().state()).isEqualTo(ReaderState.CONNECTED);
        await().atMost(Duration.ofSeconds(2)).until(() -> session.status().lastKeepalive() != null);
    }

    @Test
    void untrustedReaderCertificateFailsTheConnectionWithAClearError() throws Exception {
        startSimulator();
        int port = sim.port("r1");
        // The JDK's default trust store does not know the simulator's self-signed certificate.
        session = new LlrpClientSession(config(port), LlrpConnector.tls("127.0.0.1", port, SSLContext.getDefault()),
                b -> { }, Clock.systemUTC());
        session.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> session.status().lastError() != null);
        assertThat(session.status().lastError()).containsIgnoringCase("certification path");
        assertThat(session.status().state()).isNotEqualTo(ReaderState.CONNECTED);
        assertThat(session.connectionsEstablished()).isZero();
    }

    @Test
    void aTrustedCertificateForAnotherHostFailsUnlessTheNameCheckIsOff() throws Exception {
        // trusted, but issued to another reader's name: it could answer for any reader the store trusts
        TestKeystores other = TestKeystores.create(dir, "other-reader", "dns:other-reader.example");
        startSimulator(other);
        SSLContext trust = LlrpTls.context(other.clientTrustStore(), other.password(), null, null);
        int port = sim.port("r1");
        session = new LlrpClientSession(config(port), LlrpConnector.tls("127.0.0.1", port, trust), b -> { }, Clock.systemUTC());
        session.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> session.status().lastError() != null);
        assertThat(session.status().lastError()).containsIgnoringCase("subject alternative name");
        assertThat(session.connectionsEstablished()).isZero();
        session.stop();

        session = new LlrpClientSession(config(port), LlrpConnector.tls("127.0.0.1", port, trust, false), b -> { },
                Clock.systemUTC());
        session.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> session.status().state() == ReaderState.CONNECTED);
    }
}
