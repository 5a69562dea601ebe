package org.openrfid.trace.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.sampledata.world.DemoFiles;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13's first acceptance item, as a new user meets it: the demo starts with its registries, the
 * demo's stolen vehicle raises a WATCHLIST alert listed by {@code /api/v1/alerts}; a vehicle added to
 * the {@code stolen_vehicle} watchlist while it drives raises one on {@code /api/v1/alerts/stream} at
 * its next passage; the stream resumes after {@code Last-Event-ID} without a gap; acknowledging and
 * closing keep who and why; a librarian sees no vehicle alert.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rfid.demo.enabled=true",
        "RFID_ADMIN_PASSWORD=" + DemoAlertsIntegrationTests.PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:demo-alerts;DB_CLOSE_DELAY=-1",
})
class DemoAlertsIntegrationTests {

    static final String PASSWORD = "demo-alerts-test-password";
    static final String FIRST_STOLEN = "3416451DA400000005F5E823"; // anomalies.csv: 14990 ms, CQ-CP-004

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<InputStream> streams = new ArrayList<>();

    @AfterEach
    void closeStreams() throws Exception {
        for (InputStream in : streams) {
            in.close();
        }
    }

    record Event(long id, JsonNode alert) {
    }

    @Test
    void theDemoAlertsAndAVehicleWatchlistedWhileDrivingAlertsOnTheStream() throws Exception {
        Instant started = Instant.now();
        List<Event> live = stream(null);

        JsonNode first = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(
                () -> alertFor(FIRST_STOLEN), a -> a != null);
        assertThat(first.get("type").asText()).isEqualTo("WATCHLIST");
        assertThat(first.get("plate").asText()).isEqualTo("渝A·Q8162");
        assertThat(first.get("summary").asText()).contains("stolen_vehicle").contains("Huanghuayuan Bridge");
        assertThat(first.get("locationId").asText()).isEqualTo("CQ-CP-004");
        assertThat(first.get("status").asText()).isEqualTo("OPEN");

        // A registered, unlisted vehicle whose next reads are still ahead in the scenario.
        long elapsedMs = Duration.between(started, Instant.now()).toMillis();
        String epc = nextUnlistedVehicle(elapsedMs + 15_000);
        HttpResponse<String> listed = send("POST", "/api/v1/watchlist", "admin", PASSWORD, json.writeValueAsString(Map.of(
                "list", "stolen_vehicle", "epc", epc, "reason", "reported stolen by its owner at 10:02")));
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(201);

        Event hit = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(
                () -> live.stream().filter(e -> epc.equals(e.alert().path("epc").asText())).findFirst().orElse(null), e -> e != null);
        assertThat(hit.alert().get("type").asText()).isEqualTo("WATCHLIST");
        assertThat(hit.alert().get("plate").asText()).isNotBlank();
        assertThat(hit.alert().get("evidence").get("lists").toString()).contains("stolen_vehicle");

        // Resume after an earlier event: every later event, none twice, in order.
        long resumeAfter = live.get(0).id();
        List<Event> resumed = stream(resumeAfter);
        await().atMost(Duration.ofSeconds(10)).until(() -> resumed.stream().anyMatch(e -> e.id() == hit.id()));
        List<Long> ids = resumed.stream().map(Event::id).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates().allMatch(id -> id > resumeAfter);
        assertThat(ids).containsAll(live.stream().map(Event::id).filter(id -> id > resumeAfter && id <= hit.id()).toList());

        long id = hit.alert().get("id").asLong();
        HttpResponse<String> ack = send("POST", "/api/v1/alerts/" + id + "/acknowledge", "admin", PASSWORD, "{\"comment\":\"patrol 7 sent\"}");
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/alerts/" + id + "/acknowledge", "admin", PASSWORD, "{}").statusCode()).isEqualTo(409);
        JsonNode closed = json.readTree(send("POST", "/api/v1/alerts/" + id + "/close", "admin", PASSWORD, "{\"comment\":\"stopped at CP-9\"}").body());
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("history").toString()).contains("patrol 7 sent", "stopped at CP-9", "\"by\":\"admin\"");
        await().atMost(Duration.ofSeconds(5)).until(() -> live.stream().anyMatch(e -> e.alert().get("id").asLong() == id
                && "CLOSED".equals(e.alert().get("status").asText())));

        createUser("librarian1", "LIBRARIAN");
        JsonNode seenByLibrarian = json.readTree(send("GET", "/api/v1/alerts?limit=500", "librarian1", PASSWORD + "-user", null).body());
        seenByLibrarian.get("items").forEach(a -> assertThat(a.path("objectKind").asText()).isNotEqualTo("VEHICLE"));
        assertThat(send("GET", "/api/v1/alerts/" + id, "librarian1", PASSWORD + "-user", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/alerts/" + id, "admin", PASSWORD, null).statusCode()).isEqualTo(200);

        HttpResponse<String> audit = send("GET", "/api/v1/audit?action=ALERT_CLOSED", "admin", PASSWORD, null);
        assertThat(audit.body()).contains("alert:" + id);
    }

    /** Issue 13's second acceptance item: a camera read of another plate where an e-plate just passed. */
    @Test
    void aCameraReadOfAnotherPlateWhereAnEPlateJustPassedRaisesPlateMismatch() throws Exception {
        JsonNode passage = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonNode page = json.readTree(send("GET", "/api/v1/passages?limit=200", "admin", PASSWORD, null).body());
            for (JsonNode p : page.get("items")) {
                if (p.path("epc").asText().startsWith("3416451DA4") && p.path("locationId").asText().startsWith("CQ-CP-")) {
                    return p;
                }
            }
            return null;
        }, p -> p != null);
        String location = passage.get("locationId").asText();
        HttpResponse<String> posted = send("POST", "/api/v1/ingest/plates", "admin", PASSWORD, json.writeValueAsString(Map.of(
                "cameraId", "cam-test-1", "location", location, "plate", "渝Ｚ·９８７６５", "plateColour", "blue", "confidence", 0.95,
                "timestamp", passage.get("firstSeen").asText(), "direction", "IN")));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);

        JsonNode mismatch = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonNode page = json.readTree(send("GET", "/api/v1/alerts?type=PLATE_MISMATCH&limit=50", "admin", PASSWORD, null).body());
            for (JsonNode a : page.get("items")) {
                if (location.equals(a.path("locationId").asText()) && a.get("evidence").toString().contains("渝Z98765")) {
                    return a;
                }
            }
            return null;
        }, a -> a != null);
        assertThat(mismatch.get("summary").asText()).as("the camera plate, normalised, is in the sentence").contains("渝Z98765");
        assertThat(mismatch.get("objectKind").asText()).isEqualTo("VEHICLE");
    }

    @Test
    void rulesAreChangedAtRunTimeAndABadRuleIsRefusedNamingTheField() throws Exception {
        JsonNode defaults = json.readTree(send("GET", "/api/v1/rules", "admin", PASSWORD, null).body());
        List<String> ids = new ArrayList<>();
        defaults.forEach(r -> ids.add(r.get("id").asText()));
        assertThat(ids).as("sensible rules exist by default").contains("watchlist", "clone-tid", "clone-impossible-travel",
                "library-unchecked-exit", "customs-hold-exit", "reader-down", "plate-mismatch");

        String rule = "{\"type\":\"CATEGORY_RESTRICTION\",\"severity\":\"MEDIUM\",\"locations\":[\"CQ-CP-001\"],"
                + "\"params\":{\"vehicleTypes\":[\"dangerous_goods\"],\"from\":\"07:00\",\"to\":\"09:00\"}}";
        HttpResponse<String> created = send("PUT", "/api/v1/rules/morning-tankers", "admin", PASSWORD, rule);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(send("PUT", "/api/v1/rules/morning-tankers", "admin", PASSWORD, rule).statusCode()).as("replaced").isEqualTo(200);
        assertThat(send("POST", "/api/v1/rules", "admin", PASSWORD, rule.replace("{\"type\"", "{\"id\":\"morning-tankers\",\"type\""))
                .statusCode()).as("POST of an existing id").isEqualTo(409);

        HttpResponse<String> bad = send("PUT", "/api/v1/rules/too-fast", "admin", PASSWORD,
                "{\"type\":\"SECTION_SPEED\",\"params\":{\"limitKmh\":\"fast\"}}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get("detail").asText()).startsWith("params.limitKmh:");
        HttpResponse<String> unknownType = send("POST", "/api/v1/rules", "admin", PASSWORD, "{\"id\":\"x\",\"type\":\"TELEPATHY\"}");
        assertThat(json.readTree(unknownType.body()).get("detail").asText()).startsWith("type:");
        assertThat(send("GET", "/api/v1/rules/too-fast", "admin", PASSWORD, null).statusCode()).as("nothing stored").isEqualTo(404);

        createUser("traffic-rules", "TRAFFIC");
        assertThat(send("GET", "/api/v1/rules", "traffic-rules", PASSWORD + "-user", null).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/api/v1/rules/morning-tankers", "traffic-rules", PASSWORD + "-user", null).statusCode()).isEqualTo(403);
        assertThat(send("DELETE", "/api/v1/rules/morning-tankers", "admin", PASSWORD, null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/api/v1/rules/morning-tankers", "admin", PASSWORD, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/audit?action=RULE_DELETED", "admin", PASSWORD, null).body()).contains("rule:morning-tankers");
    }

    private JsonNode alertFor(String epc) throws Exception {
        JsonNode page = json.readTree(send("GET", "/api/v1/alerts?type=WATCHLIST&limit=500", "admin", PASSWORD, null).body());
        for (JsonNode a : page.get("items")) {
            if (epc.equals(a.path("epc").asText())) {
                return a;
            }
        }
        return null;
    }

    /** A vehicle EPC of the demo's registry, on no watchlist, read again in the scenario after {@code afterMs} (looping). */
    private static String nextUnlistedVehicle(long afterMs) throws Exception {
        Set<String> listed = new HashSet<>();
        for (String line : lines(DemoFiles.WATCHLIST)) {
            listed.add(line.split(",")[1]);
        }
        Set<String> registered = new HashSet<>();
        for (String line : lines(DemoFiles.VEHICLES)) {
            registered.add(line.split(",")[6]);
        }
        List<String> scenario = lines(DemoFiles.SCENARIO);
        long duration = Long.parseLong(scenario.get(scenario.size() - 1).split(",")[0]);
        long at = afterMs % duration;
        TreeMap<Long, String> byTime = new TreeMap<>();
        for (String line : scenario) {
            String[] f = line.split(",");
            long t = Long.parseLong(f[0]);
            if (t > at && t < at + 60_000 && registered.contains(f[3]) && !listed.contains(f[3])) {
                byTime.putIfAbsent(t, f[3]);
            }
        }
        assertThat(byTime).as("a registered vehicle read within a minute").isNotEmpty();
        return byTime.firstEntry().getValue();
    }

    private static List<String> lines(String resource) throws Exception {
        try (InputStream in = DemoAlertsIntegrationTests.class.getClassLoader().getResourceAsStream(resource)) {
            List<String> out = new ArrayList<>(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
            out.remove(0);
            return out;
        }
    }

    private List<Event> stream(Long lastEventId) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(uri("/api/v1/alerts/stream")).header("Authorization", basic("admin", PASSWORD))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            req.header("Last-Event-ID", Long.toString(lastEventId));
        }
        HttpResponse<InputStream> r = http.send(req.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        streams.add(r.body());
        List<Event> events = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String line;
                long id = -1;
                String name = null;
                StringBuilder data = new StringBuilder();
                while ((line = in.readLine()) != null) {
                    if (line.isEmpty()) {
                        if ("alert".equals(name) && data.length() > 0) {
                            events.add(new Event(id, json.readTree(data.toString())));
                        }
                        name = null;
                        data.setLength(0);
                    } else if (line.startsWith("id:")) {
                        id = Long.parseLong(line.substring(3).trim());
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5));
                    }
                }
            } catch (Exception e) {
                // closed by the test
            }
        }, "sse-client");
        reader.setDaemon(true);
        reader.start();
        return events;
    }

    private void createUser(String username, String role) throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/users", "admin", PASSWORD, json.writeValueAsString(Map.of("username", username,
                "displayName", username, "roles", List.of(role), "enabled", true, "password", PASSWORD + "-user")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private HttpResponse<String> send(String method, String path, String user, String password, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, password));
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
