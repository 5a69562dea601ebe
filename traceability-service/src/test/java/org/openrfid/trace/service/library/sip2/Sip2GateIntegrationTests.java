package org.openrfid.trace.service.library.sip2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.registry.library.LibraryItem;

/**
 * The gate's SIP2 question against a small library system over a real TCP socket: the library system's
 * circulation status decides; when it is slow, away or garbled, the registry's status does, within the timeout.
 */
class Sip2GateIntegrationTests {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    static final Duration TIMEOUT = Duration.ofMillis(300);
    static final LibraryItem ON_SHELF = new LibraryItem("31200000001", "Pride and Prejudice", null, null, "on_shelf", null);
    static final LibraryItem ON_LOAN = new LibraryItem("31200000002", "Clean Code", null, null, "on_loan", LocalDate.parse("2026-03-16"));

    TestSip2Server server;

    @BeforeEach
    void librarySystem() throws IOException {
        server = new TestSip2Server();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    Sip2GateCirculation gate(boolean errorDetection, String loginUser) {
        return gate(server.port(), errorDetection, loginUser);
    }

    static Sip2GateCirculation gate(int port, boolean errorDetection, String loginUser) {
        return new Sip2GateCirculation(new Sip2Client(new Sip2Client.Settings("127.0.0.1", port, TIMEOUT, "CQ-LIB", "tpw", errorDetection,
                loginUser, "secret", "G1"), CLOCK));
    }

    @Test
    void theLibrarySystemsStatusDecidesOverTheRegistrys() {
        server.statuses.put(ON_SHELF.itemId(), "04"); // charged there, not yet here
        server.statuses.put(ON_LOAN.itemId(), "03"); // checked in there
        Sip2GateCirculation gate = gate(true, null);
        assertThat(gate.loanStatus(ON_SHELF)).isEqualTo("on_loan");
        assertThat(gate.loanStatus(ON_LOAN)).isEqualTo("on_shelf");
        assertThat(gate.answered()).isEqualTo(2);
        assertThat(gate.fellBack()).isZero();
        // The requests were Item Information with the institution, the item and the terminal password, checksummed.
        assertThat(server.received).hasSize(2).allSatisfy(m -> {
            assertThat(m).startsWith("1720260302UTC 090000AOCQ-LIB|AB").contains("|ACtpw|").containsPattern("AY\\dAZ[0-9A-F]{4}$");
            assertThat(Sip2Checksum.valid(m)).isTrue();
        });
        assertThat(server.received.get(0)).contains("AB31200000001|");
    }

    @Test
    void withoutErrorDetectionTheMessagesCarryNoChecksum() {
        server.statuses.put(ON_SHELF.itemId(), "13");
        assertThat(gate(false, null).loanStatus(ON_SHELF)).isEqualTo("missing");
        assertThat(server.received).singleElement().satisfies(m -> assertThat(Sip2Checksum.sealed(m)).isFalse());
    }

    @Test
    void aLoginComesFirstWhenAUserIsConfigured() {
        server.requireLogin = true;
        server.statuses.put(ON_SHELF.itemId(), "04");
        assertThat(gate(true, "gate").loanStatus(ON_SHELF)).isEqualTo("on_loan");
        assertThat(server.received).hasSize(2);
        assertThat(server.received.get(0)).startsWith("9300CNgate|COsecret|CPG1|");
        // a wrong user is refused (940) and the registry decides
        Sip2GateCirculation wrongUser = gate(true, "intruder");
        assertThat(wrongUser.loanStatus(ON_SHELF)).isEqualTo("on_shelf");
        assertThat(wrongUser.fellBack()).isEqualTo(1);
    }

    @Test
    void aSlowLibrarySystemIsNotWaitedForBeyondTheTimeout() {
        server.statuses.put(ON_SHELF.itemId(), "04");
        server.delayMs = 2_000;
        Sip2GateCirculation gate = gate(true, null);
        long start = System.nanoTime();
        assertThat(gate.loanStatus(ON_SHELF)).as("the registry's status").isEqualTo("on_shelf");
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(tookMs).isGreaterThanOrEqualTo(TIMEOUT.toMillis() - 20).isLessThan(TIMEOUT.toMillis() + 700);
        assertThat(gate.fellBack()).isEqualTo(1);
    }

    @Test
    void aLibrarySystemThatIsAwayOrGarbledLeavesTheDecisionToTheRegistry() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        assertThat(gate(closedPort, true, null).loanStatus(ON_LOAN)).isEqualTo("on_loan");
        server.statuses.put(ON_LOAN.itemId(), "03");
        server.corruptChecksums = true;
        Sip2GateCirculation garbled = gate(true, null);
        assertThat(garbled.loanStatus(ON_LOAN)).as("a bad checksum is no answer").isEqualTo("on_loan");
        assertThat(garbled.fellBack()).isEqualTo(1);
        // a status that says nothing about leaving (01 other: unknown item) also leaves it to the registry
        server.corruptChecksums = false;
        assertThat(gate(true, null).loanStatus(new LibraryItem("NOT-THERE", "x", null, null, "on_shelf", null))).isEqualTo("on_shelf");
    }
}
