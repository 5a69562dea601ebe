package org.openrfid.trace.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openrfid.trace.sampledata.world.DemoFiles;
import org.openrfid.trace.service.epcis.EpcisSchema;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14's first acceptance item for customs and logistics, as a new user meets it on a fresh demo
 * start: the held declaration's truck at the port gate gives verdict HOLD and a CUSTOMS_HOLD_EXIT
 * alert; the declaration missing a pallet gives INSPECT listing exactly that SSCC; the hub's dock door
 * completes its expected shipment; the port gate's transactions are in {@code GET /epcis/events}.
 * What must be found is read from the generator's labels (demo/gate-checks.csv). The demo plays ten
 * times as fast (its ten minutes in one) with a gate window to match, so trucks 40 scenario seconds
 * apart are still apart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rfid.demo.enabled=true",
        "rfid.demo.time-scale=10",
        "rfid.gate.window=1s",
        "RFID_ADMIN_PASSWORD=" + DemoGateChecksIntegrationTests.PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:demo-gates;DB_CLOSE_DELAY=-1",
})
class DemoGateChecksIntegrationTests {

    static final String PASSWORD = "demo-gate-checks-password";

    /** One row of demo/gate-checks.csv. */
    record Check(long offsetMs, String location, String expectation, String verdict, List<String> missing) {
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private List<Check> checks;

    @BeforeAll
    void labels() throws Exception {
        checks = new ArrayList<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(DemoFiles.GATE_CHECKS)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList()) {
                String[] f = line.split(",", -1);
                checks.add(new Check(Long.parseLong(f[0]), f[1], f[2], f[3], f[4].isEmpty() ? List.of() : List.of(f[4].split(";"))));
            }
        }
    }

    @Test
    void theHeldTruckIsHoldWithAnAlertTheShortTruckIsInspectWithItsPalletAndTheHubCompletesItsShipment() throws Exception {
        Check held = checks.stream().filter(c -> c.verdict().equals("HOLD")).findFirst().orElseThrow();
        Check shortOne = checks.stream().filter(c -> c.verdict().equals("INSPECT")).findFirst().orElseThrow();
        assertThat(shortOne.missing()).hasSize(1);

        JsonNode hold = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(
                () -> transaction("/api/v1/customs/gate-transactions?location=CQ-PORT-GATE&verdict=HOLD", held.expectation()), t -> t != null);
        JsonNode holdPage = json.readTree(get("/api/v1/customs/gate-transactions/" + hold.path("id").asText()));
        assertThat(holdPage.path("expected").path("status").asText()).isEqualTo("HELD");
        assertThat(holdPage.path("reasons").toString()).contains("is held");
        assertThat(holdPage.path("vehicle").path("kind").asText()).isEqualTo("VEHICLE");

        JsonNode alert = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            for (JsonNode a : json.readTree(get("/api/v1/alerts?type=CUSTOMS_HOLD_EXIT&limit=100")).path("items")) {
                if ("CQ-PORT-GATE".equals(a.path("locationId").asText())) {
                    return a;
                }
            }
            return null;
        }, a -> a != null);
        assertThat(alert.path("summary").asText()).contains("customs hold");

        JsonNode inspect = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(
                () -> transaction("/api/v1/customs/gate-transactions?location=CQ-PORT-GATE&verdict=INSPECT", shortOne.expectation()),
                t -> t != null);
        List<String> missing = new ArrayList<>();
        inspect.path("missing").forEach(m -> missing.add(m.path("id").asText()));
        assertThat(missing).as("exactly the labelled pallet").containsExactlyElementsOf(shortOne.missing());
        assertThat(inspect.path("unexpected")).isEmpty();

        Check hub = checks.stream().filter(c -> c.location().equals("CQ-LOG-HUB-D01") && c.verdict().equals("COMPLETE")).findFirst().orElseThrow();
        JsonNode complete = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(
                () -> transaction("/api/v1/logistics/receipts?location=CQ-LOG-HUB-D01&verdict=COMPLETE", hub.expectation()), t -> t != null);
        assertThat(complete.path("missing")).isEmpty();
        assertThat(complete.path("unexpected")).isEmpty();

        JsonNode epcis = json.readTree(get("/epcis/events?perPage=20&EQ_bizStep=holding"));
        assertThat(new EpcisSchema().validate(epcis)).isEmpty();
        List<JsonNode> objectEvents = new ArrayList<>();
        epcis.path("epcisBody").path("queryResults").path("resultsBody").path("eventList").forEach(e -> {
            if (e.path("type").asText().equals("ObjectEvent")) {
                objectEvents.add(e);
            }
        });
        assertThat(objectEvents).isNotEmpty();
        assertThat(objectEvents.get(0).path("readPoint").path("id").asText()).contains("CQ-PORT-GATE");
        assertThat(objectEvents.get(0).path("bizTransactionList").toString()).contains(held.expectation());

        String history = get("/api/v1/customs/declarations/" + held.expectation() + "/history");
        assertThat(history).contains("\"kind\":\"HOLD\"", "\"kind\":\"GATE\"");
    }

    private JsonNode transaction(String path, String expectation) throws Exception {
        for (JsonNode t : json.readTree(get(path + "&limit=50")).path("items")) {
            if (expectation.equals(t.path("expectationId").asText())) {
                return t;
            }
        }
        return null;
    }

    private String get(String path) throws Exception {
        String basic = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return r.body();
    }
}
