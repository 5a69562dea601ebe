package org.openrfid.trace.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.reader.simulator.LlrpReaderSimulator;
import org.openrfid.trace.reader.simulator.Scenario;
import org.openrfid.trace.service.readerfleet.ReaderConnections;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Simulator → LLRP over TCP → Camel pipeline → store → {@code GET /api/v1/passages}: the API returns
 * exactly the passages the scenario implies. Subclasses choose the database.
 */
abstract class EndToEndContractTests {

    static final String PASSWORD = "e2e-secret-password";

    @Autowired
    TestRestTemplate http;

    @Autowired
    ReaderConnections readers;

    private LlrpReaderSimulator simulator;

    @AfterEach
    void stopReaders() {
        readers.all().forEach(r -> readers.remove(r.id()));
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void simulatedReadsBecomeExactlyTheExpectedPassages() {
        simulator = LlrpReaderSimulator.builder()
                .reader("gantry-a", 0)
                .reader("gantry-b", 0)
                .scenario(Scenario.fromClasspath("e2e/scenario.csv"))
                .timeScale(1.0)
                .loop(false)
                .catchUp(true) // reads due before the client's ROSpec starts are held, as a reader's buffer would
                .build();
        simulator.start();
        EndToEndScenario.readers(simulator.port("gantry-a"), simulator.port("gantry-b")).forEach(readers::add);

        List<JsonNode> items = await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250))
                .until(this::storedPassages, list -> list.size() >= EndToEndScenario.PASSAGES.size());
        // Nothing more may trickle in after the expected set is complete.
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        items = storedPassages();

        assertThat(items).hasSize(EndToEndScenario.PASSAGES.size());
        List<JsonNode> byFirstSeen = new ArrayList<>(items);
        byFirstSeen.sort(Comparator.comparing((JsonNode n) -> Instant.parse(n.get("firstSeen").asText()))
                .thenComparing(n -> n.get("epc").asText()));
        Instant origin = Instant.parse(byFirstSeen.get(0).get("firstSeen").asText());
        for (int i = 0; i < byFirstSeen.size(); i++) {
            JsonNode actual = byFirstSeen.get(i);
            EndToEndScenario.Expected expected = EndToEndScenario.PASSAGES.get(i);
            assertThat(actual.get("epc").asText()).as("passage %d epc", i).isEqualTo(expected.epc());
            assertThat(actual.get("epcBits").asInt()).as("passage %d bits", i).isEqualTo(expected.bits());
            assertThat(actual.get("locationId").asText()).as("passage %d location", i).isEqualTo(expected.location());
            assertThat(actual.get("reads").asInt()).as("passage %d reads", i).isEqualTo(expected.reads());
            assertThat(actual.get("peakRssi").asDouble()).as("passage %d peak", i).isEqualTo(expected.peak());
            Instant first = Instant.parse(actual.get("firstSeen").asText());
            Instant last = Instant.parse(actual.get("lastSeen").asText());
            assertThat(Duration.between(origin, first).toMillis()).as("passage %d first seen offset", i).isEqualTo(expected.firstMs());
            assertThat(Duration.between(origin, last).toMillis()).as("passage %d last seen offset", i).isEqualTo(expected.lastMs());
            assertThat(actual.get("id").asText()).hasSize(32);
        }
        assertThat(byFirstSeen.get(0).get("tagUri").asText()).isEqualTo("urn:epc:tag:sgtin-96:3.0614141.812345.6789");
        assertThat(byFirstSeen.get(3).get("tagUri").asText()).as("a non-GS1 EPC gets the TDS raw URI")
                .isEqualTo("urn:epc:raw:128.xAD0000000000000000000000000000AB");
    }

    @Test
    void apiNeedsCredentials() {
        ResponseEntity<String> anonymous = http.getForEntity("/api/v1/passages?limit=5", String.class);
        ResponseEntity<String> wrong = http.withBasicAuth("admin", "wrong-password").getForEntity("/api/v1/passages", String.class);

        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void limitOutOfRangeIsAProblemDetailNamingTheParameter() {
        ResponseEntity<JsonNode> response = http.withBasicAuth("admin", PASSWORD).getForEntity("/api/v1/passages?limit=0", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody().get("detail").asText()).contains("limit");
    }

    @Test
    void healthIsOpenWithItsStatusOnlyAndReportsReadersAfterLogin() {
        ResponseEntity<JsonNode> health = http.getForEntity("/actuator/health", JsonNode.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody().path("status").asText()).isEqualTo("UP");
        assertThat(health.getBody().has("components")).as("anonymous callers learn no component names").isFalse();
        JsonNode detailed = http.withBasicAuth("admin", PASSWORD).getForEntity("/actuator/health", JsonNode.class).getBody();
        assertThat(detailed.path("components").has("readers")).isTrue();
        assertThat(detailed.path("components").path("passageStore").path("status").asText()).as("the store path, spool empty").isEqualTo("UP");
        assertThat(detailed.path("components").path("passageStore").path("details").path("outOfSpace").asBoolean(true)).isFalse();
    }

    @Test
    void healthShowsAReaderThatIsDown() throws Exception {
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            closedPort = probe.getLocalPort(); // nothing listens here once the probe closes
        }
        readers.add(new org.openrfid.trace.service.readerfleet.ReaderDefinition("unplugged", "127.0.0.1", closedPort, List.of()));

        JsonNode body = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> http.getForEntity("/actuator/health", JsonNode.class).getBody(), b -> "DOWN".equals(b.path("status").asText()));

        ResponseEntity<String> again = http.getForEntity("/actuator/health", String.class);
        assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        // Anonymous callers see the status, not which readers exist.
        assertThat(body.has("components")).isFalse();
        JsonNode detailed = http.withBasicAuth("admin", PASSWORD).getForEntity("/actuator/health", JsonNode.class).getBody();
        assertThat(detailed.path("components").path("readers").path("details").path("readers").path("unplugged").path("state").asText())
                .isIn("CONNECTING", "BACKOFF");
    }

    private List<JsonNode> storedPassages() {
        ResponseEntity<JsonNode> response = http.withBasicAuth("admin", PASSWORD).getForEntity("/api/v1/passages?limit=100", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<JsonNode> items = new ArrayList<>();
        response.getBody().get("items").forEach(items::add);
        return items;
    }
}
