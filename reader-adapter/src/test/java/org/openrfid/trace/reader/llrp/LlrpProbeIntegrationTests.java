package org.openrfid.trace.reader.llrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.reader.ReaderState;
import org.openrfid.trace.reader.simulator.LlrpReaderSimulator;
import org.openrfid.trace.reader.simulator.Scenario;

/** "Test connection" against the simulator and against things that are not a free LLRP reader, over real sockets. */
class LlrpProbeIntegrationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
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

    private LlrpReaderSimulator simulator(boolean impinj) {
        return LlrpReaderSimulator.builder().reader("r1", 0).impinj(impinj).scenario(Scenario.fromClasspath("scenarios/gate.csv"))
                .loop(true).build().start();
    }

    @Test
    void reportsWhatTheReaderSaysAboutItselfAndLeavesItFree() throws Exception {
        sim = simulator(false);
        LlrpProbe.Report report = LlrpProbe.probe(LlrpConnector.tcp("127.0.0.1", sim.port("r1")), TIMEOUT);

        assertThat(report.firmware()).isEqualTo("openrfid-simulator");
        assertThat(report.model()).isEqualTo(2001);
        assertThat(report.manufacturer()).isZero();
        assertThat(report.antennas()).isPositive();
        assertThat(report.airProtocols()).containsExactly("EPCGlobalClass1Gen2");
        assertThat(report.utcClock()).isTrue();
        assertThat(report.tookMillis()).isBetween(0L, TIMEOUT.toMillis() * 3);
        assertThat(sim.clientsAccepted("r1")).isEqualTo(1);
        // CLOSE_CONNECTION was honoured: the reader is free for the session that will drive it.
        await().atMost(Duration.ofSeconds(3)).until(() -> !sim.hasClient("r1"));
    }

    @Test
    void namesAnImpinjReader() throws Exception {
        sim = simulator(true);
        LlrpProbe.Report report = LlrpProbe.probe(LlrpConnector.tcp("127.0.0.1", sim.port("r1")), TIMEOUT);
        assertThat(report.manufacturer()).isEqualTo(ImpinjExtensions.VENDOR);
        assertThat(report.manufacturerName()).isEqualTo("Impinj");
    }

    @Test
    void aReaderDrivenByAnotherClientIsBusyAndKeepsItsSession() {
        sim = simulator(false);
        session = new LlrpClientSession(LlrpReaderConfig.of("r1", "127.0.0.1", sim.port("r1")), b -> { }, Clock.systemUTC());
        session.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> session.status().state() == ReaderState.CONNECTED);

        LlrpProbe.Failure failure = catchThrowableOfType(
                () -> LlrpProbe.probe(LlrpConnector.tcp("127.0.0.1", sim.port("r1")), TIMEOUT), LlrpProbe.Failure.class);

        assertThat(failure.reason()).isEqualTo(LlrpProbe.Reason.BUSY);
        assertThat(session.status().state()).isEqualTo(ReaderState.CONNECTED);
    }

    @Test
    void nothingListeningIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        LlrpProbe.Failure failure = catchThrowableOfType(
                () -> LlrpProbe.probe(LlrpConnector.tcp("127.0.0.1", port), TIMEOUT), LlrpProbe.Failure.class);
        assertThat(failure.reason()).isEqualTo(LlrpProbe.Reason.UNREACHABLE);
    }

    @Test
    void aWebServerIsNotLlrp() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Thread peer = new Thread(() -> {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                    out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(500);
                } catch (Exception ignored) {
                    // the probe hung up
                }
            });
            peer.setDaemon(true);
            peer.start();
            LlrpProbe.Failure failure = catchThrowableOfType(
                    () -> LlrpProbe.probe(LlrpConnector.tcp("127.0.0.1", server.getLocalPort()), TIMEOUT), LlrpProbe.Failure.class);
            assertThat(failure.reason()).isEqualTo(LlrpProbe.Reason.NOT_LLRP);
        }
    }

    @Test
    void aSilentPeerTimesOut() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            LlrpProbe.Failure failure = catchThrowableOfType(
                    () -> LlrpProbe.probe(LlrpConnector.tcp("127.0.0.1", server.getLocalPort()), Duration.ofMillis(300)), LlrpProbe.Failure.class);
            assertThat(failure.reason()).isEqualTo(LlrpProbe.Reason.TIMEOUT);
        }
    }
}
