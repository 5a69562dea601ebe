package org.openrfid.trace.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openrfid.trace.RfidTraceApplication;
import org.openrfid.trace.pipeline.cluster.ClusterSmoothing;
import org.openrfid.trace.reader.ReaderState;
import org.openrfid.trace.reader.simulator.LlrpReaderSimulator;
import org.openrfid.trace.reader.simulator.Scenario;
import org.openrfid.trace.reader.simulator.ScenarioRow;
import org.openrfid.trace.service.alert.rules.watchlist.WatchlistIndex;
import org.openrfid.trace.service.readerfleet.ReaderConnections;
import org.openrfid.trace.service.readerfleet.ReaderDefinition;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.testsupport.PostgisTestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 13, cluster: "kill the member that owns a location while a watchlisted vehicle is present: one
 * alert". Two full application members in one JVM (each its own web server, Hazelcast member on
 * loopback and spool directory; one PostGIS schema), an LLRP reader simulator on which a
 * {@code stolen_vehicle} car stays under one gantry for a while. While the car is present (its presence
 * open at the location's owner, no passage stored yet) one member is killed: Hazelcast terminated, its
 * connection pool closed (nothing more of it reaches the store, as with a killed process), its context
 * closed. The survivor completes the passage; through the survivor's API there is exactly one WATCHLIST
 * alert for the car (later candidates are repeats), and the survivor's SSE stream carries it. Run once
 * killing the location's owner and once killing the other member.
 */
class AlertClusterFailoverIntegrationTests {

    static final String PASSWORD = "alert-failover-test-password";
    static final String LOCATION = "CP-FAILOVER";
    static final String READER = "gantry-failover";
    static final String EPC = "3074257BF7194E4000001C01";
    static final String TID = "E280689420004159351ECE71";
    static final String PLATE = "渝BK713X"; // stored and shown as 渝B·K713X
    /** The car is read every 200 ms for this long, starting 500 ms after the simulator starts. */
    static final long PRESENT_MS = 14_000;

    /** Failure detection as the cluster tests tune it (Hazelcast reads these from system properties too). */
    static final Map<String, String> HAZELCAST = Map.of(
            "hazelcast.partition.count", "31",
            "hazelcast.heartbeat.interval.seconds", "1",
            "hazelcast.max.no.heartbeat.seconds", "6",
            "hazelcast.operation.backup.timeout.millis", "1500");
    static final Map<String, String> saved = new HashMap<>();

    record Member(String name, ConfigurableApplicationContext ctx, int port) {
        HazelcastInstance hazelcast() {
            return ctx.getBean(HazelcastInstance.class);
        }

        boolean ownsLocation() {
            return ctx.getBean(ClusterSmoothing.class).ownedLocations().contains(LOCATION);
        }

        ReaderConnections readers() {
            return ctx.getBean(ReaderConnections.class);
        }
    }

    record Event(long id, JsonNode alert) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<Member> members = new ArrayList<>();
    private final List<InputStream> streams = new ArrayList<>();
    private PostgisTestDatabase database;
    private LlrpReaderSimulator simulator;

    @BeforeAll
    static void fastFailureDetection() {
        HAZELCAST.forEach((k, v) -> {
            saved.put(k, System.getProperty(k));
            System.setProperty(k, v);
        });
    }

    @AfterAll
    static void restoreProperties() {
        saved.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (InputStream in : streams) {
            try {
                in.close();
            } catch (Exception e) {
                // closing anyway
            }
        }
        for (Member m : members) {
            try {
                m.ctx.close();
            } catch (RuntimeException e) {
                // stopping anyway
            }
        }
        if (simulator != null) {
            simulator.close();
        }
        if (database != null) {
            database.drop();
        }
    }

    /**
     * @param killOwner           kill the member owning the car's location (else the other one)
     * @param listedBeforeArrival the car is on the watchlist before it arrives, so its arrival is alerted before
     *                            the kill and the survivor's passage must not alert again ("never twice"); else it
     *                            is listed (from an hour ago) while present, after its arrival went unalerted, and
     *                            the survivor's passage must alert ("never lost")
     */
    @ParameterizedTest(name = "kill the location''s owner: {0}, listed before the arrival: {1}")
    @CsvSource({"true,true", "true,false", "false,true"})
    void aWatchlistedVehiclePresentWhileAMemberDiesIsAlertedExactlyOnce(boolean killOwner, boolean listedBeforeArrival) throws Exception {
        long t0 = System.nanoTime();
        database = PostgisTestDatabase.createSchema();
        String cluster = "alert-failover-" + UUID.randomUUID();
        int base = 20_000 + ThreadLocalRandom.current().nextInt(20_000);
        Member a = start("a", cluster, base, 0);
        Member b = start("b", cluster, base, 1);
        await("cluster of 2").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> members.stream()
                .allMatch(m -> m.hazelcast().getCluster().getMembers().size() == 2 && m.hazelcast().getPartitionService().isClusterSafe()));

        // Registries through the API of one member: the checkpoint, the car with its tag, the car on the watchlist.
        expect(201, send(a, "POST", "/api/v1/locations", "application/json", "{\"id\":\"" + LOCATION
                + "\",\"name\":\"Failover checkpoint\",\"kind\":\"checkpoint\",\"lat\":29.58,\"lon\":106.59}"));
        expect(200, send(a, "POST", "/api/v1/vehicles/import", "text/csv", "plate,plate_type,plate_colour,vehicle_type,vin,status,epc,tid\n"
                + PLATE + ",02,blue,K33,LVSX16566HG669911,active," + EPC + "," + TID + "\n"));
        if (listedBeforeArrival) {
            watchlist(a, null);
        }
        Map<String, List<Event>> live = new HashMap<>();
        for (Member m : members) {
            live.put(m.name, stream(m));
        }

        // The car arrives under the gantry and stays there.
        List<ScenarioRow> rows = new ArrayList<>();
        for (long at = 500; at <= 500 + PRESENT_MS; at += 200) {
            rows.add(new ScenarioRow(at, READER, 1, EPC, TID, -52));
        }
        simulator = LlrpReaderSimulator.builder().reader(READER, 0).scenario(Scenario.of(rows)).build().start();
        Instant simulatorStarted = Instant.now();
        a.readers().add(new ReaderDefinition(READER, "127.0.0.1", simulator.port(READER),
                List.of(new ReaderDefinition.Antenna(1, LOCATION, "IN", 1))));

        await("one member owns " + LOCATION).atMost(Duration.ofSeconds(10)).until(() -> members.stream().filter(Member::ownsLocation).count() == 1);
        Member owner = a.ownsLocation() ? a : b;
        Member other = owner == a ? b : a;
        await("the car present at " + LOCATION + " on its owner").atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(100))
                .until(() -> metric(scrape(owner), "rfid_presences_open") >= 1);
        if (!listedBeforeArrival) {
            await("the arrival handled by the owner's rules").atMost(Duration.ofSeconds(5))
                    .until(() -> {
                        String s = scrape(owner);
                        return metric(s, "rfid_arrivals_total") >= 1 && metric(s, "rfid_queue_size{queue=\"arrivals\"}") == 0
                                && metric(s, "rfid_alerts_engine_queue") == 0;
                    });
            assertThat(watchlistAlerts(a)).as("an unlisted car's arrival alerts nothing").isEmpty();
            watchlist(a, Instant.now().minus(Duration.ofHours(1))); // reported stolen an hour ago, listed now
        }
        Member victim = killOwner ? owner : other;
        Member survivor = victim == a ? b : a;
        String holder = members.stream().filter(m -> m.readers().heldHere().contains(READER)).map(Member::name).findFirst().orElse("none");
        JsonNode before = watchlistAlerts(survivor);
        assertThat(history(survivor).get("items")).as("no passage stored before the kill: the car is still present").isEmpty();
        long killedAfterMs = Duration.between(simulatorStarted, Instant.now()).toMillis();
        assertThat(killedAfterMs).as("killed while the car is still read").isLessThan(PRESENT_MS - 2_000);
        if (listedBeforeArrival) {
            assertThat(before.size()).as("the arrival of a listed car alerted before the kill").isEqualTo(1);
        } else {
            assertThat(before.size()).as("listed after its arrival: no alert before the kill").isZero();
        }

        kill(victim);

        await("the survivor owns " + LOCATION + " and holds the reader").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> survivor.ownsLocation() && survivor.readers().heldHere().contains(READER)
                        && survivor.readers().status(READER).map(s -> s.state() == ReaderState.CONNECTED).orElse(false));
        long takenOverAfterMs = Duration.between(simulatorStarted, Instant.now()).toMillis();
        // The car leaves; the survivor completes its passage, stores it and runs the rules over it.
        await("the passage stored and looked at by the survivor's rules").atMost(Duration.ofSeconds(PRESENT_MS / 1000 + 20))
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    String s = scrape(survivor);
                    double stored = metric(s, "rfid_passages_stored_total{location=\"" + LOCATION + "\"}");
                    return stored >= 1 && metric(s, "rfid_presences_open") == 0 && metric(s, "rfid_alerts_engine_evaluated") >= stored;
                });
        JsonNode passages = history(survivor).get("items");
        assertThat(passages).as("passages of the car").isNotEmpty();

        JsonNode alerts = watchlistAlerts(survivor);
        String report = String.format("killed %s (%s of %s; reader held by %s) %d ms after the reads began; survivor %s took"
                        + " over by %d ms; WATCHLIST alerts for the car before the kill: %d, after: %s; passages: %d",
                victim.name, killOwner ? "the owner" : "not the owner", LOCATION, holder, killedAfterMs, survivor.name, takenOverAfterMs, before.size(), alerts,
                passages.size());
        System.out.println("alert failover: " + report);
        assertThat(alerts.size()).as("WATCHLIST alerts for the car: " + report).isEqualTo(1);
        JsonNode alert = alerts.get(0);
        assertThat(alert.get("status").asText()).isEqualTo("OPEN");
        assertThat(alert.get("locationId").asText()).isEqualTo(LOCATION);
        assertThat(alert.get("plate").asText()).as("the plate, as the registry writes it").contains("K713X");
        assertThat(alert.path("evidence").path("seen").path("on").asText()).as("raised on").isEqualTo(listedBeforeArrival ? "arrival" : "passage");
        assertThat(alert.get("evidence").get("lists").toString()).contains("stolen_vehicle");
        if (listedBeforeArrival) {
            // the survivor's rules did see the passage: the store made it a repeat of the arrival's alert
            assertThat(alert.get("repeats").asInt()).as("repeats of the arrival's alert").isPositive();
        }
        long id = alert.get("id").asLong();

        List<Event> onSurvivor = live.get(survivor.name);
        await("the alert on the survivor's stream").atMost(Duration.ofSeconds(5))
                .until(() -> onSurvivor.stream().anyMatch(e -> e.alert().get("id").asLong() == id));
        assertThat(onSurvivor.stream().filter(e -> EPC.equals(e.alert().path("epc").asText())).map(e -> e.alert().get("id").asLong()).distinct())
                .as("alerts for the car on the survivor's stream").containsExactly(id);
        System.out.printf("alert failover: alert %d raised on %s, repeats %d, %.1f s in all%n", id, alert.path("evidence").path("seen").path("on"),
                alert.get("repeats").asInt(), (System.nanoTime() - t0) / 1e9);
    }

    /** Puts the car on {@code stolen_vehicle} (from {@code since}, null: now) and waits for every member's index to hold it. */
    private void watchlist(Member m, Instant since) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("list", "stolen_vehicle", "epc", EPC, "reason", "reported stolen, cluster failover test"));
        if (since != null) {
            body.put("since", since.toString());
        }
        JsonNode entry = json.readTree(expect(201, send(m, "POST", "/api/v1/watchlist", "application/json", json.writeValueAsString(body))));
        String vehicleId = entry.get("objectId").asText();
        await("the entry in every member's watchlist index").atMost(Duration.ofSeconds(10)).until(() -> members.stream()
                .allMatch(x -> !x.ctx.getBean(WatchlistIndex.class).activeForHex(ObjectKind.VEHICLE, vehicleId, EPC, Instant.now()).isEmpty()));
    }

    private Member start(String name, String cluster, int base, int index) throws Exception {
        Path dir = Files.createTempDirectory("alert-failover-" + name);
        // command-line arguments: they win over application.yml (builder properties are only defaults)
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(RfidTraceApplication.class).run(
                "--server.port=0",
                "--server.shutdown=immediate", // a killed process does not wait for its requests (the SSE streams)
                "--rfid.demo.enabled=false",
                "--rfid.retention.enabled=false",
                "--rfid.pipeline.forwarding=cluster",
                "--RFID_ADMIN_PASSWORD=" + PASSWORD,
                "--RFID_DATA_DIR=" + dir,
                "--rfid.pipeline.spool.dir=" + dir.resolve("spool"),
                "--camel.main.jmx-enabled=false",
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + PostgisTestDatabase.USER,
                "--spring.datasource.password=" + PostgisTestDatabase.PASSWORD,
                "--spring.flyway.schemas=" + database.schema(),
                "--rfid.cluster.name=" + cluster,
                "--rfid.cluster.members=127.0.0.1:" + base + ",127.0.0.1:" + (base + 1),
                "--rfid.cluster.port=" + (base + index),
                "--rfid.cluster.interface=127.0.0.1");
        int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
        Member m = new Member(name, ctx, port);
        members.add(m);
        return m;
    }

    /**
     * Kills a member as a process dies: its Hazelcast member goes at once (no graceful leave), its pool
     * closes so nothing more of it reaches the store, then its context goes.
     */
    private void kill(Member victim) {
        members.remove(victim);
        victim.hazelcast().getLifecycleService().terminate();
        DataSource ds = victim.ctx.getBean(DataSource.class);
        if (ds instanceof HikariDataSource hikari) {
            hikari.close();
        }
        try {
            victim.ctx.close();
        } catch (RuntimeException e) {
            // dead anyway
        }
    }

    private JsonNode watchlistAlerts(Member m) throws Exception {
        JsonNode page = json.readTree(expect(200, send(m, "GET", "/api/v1/alerts?type=WATCHLIST&limit=500", null, null)));
        var out = json.createArrayNode();
        page.get("items").forEach(x -> {
            if (EPC.equals(x.path("epc").asText())) {
                out.add(x);
            }
        });
        return out;
    }

    private JsonNode history(Member m) throws Exception {
        return json.readTree(expect(200, send(m, "GET", "/api/v1/tags/history?epc=" + EPC + "&limit=100", null, null)));
    }

    private String scrape(Member m) throws Exception {
        return expect(200, send(m, "GET", "/actuator/prometheus", null, null));
    }

    /** The sum of the samples of one metric (name with its labels as printed, or a prefix of them). */
    static double metric(String scrape, String sample) {
        String prefix = sample.endsWith("}") ? sample.substring(0, sample.length() - 1) : sample;
        List<String> lines = scrape.lines().filter(l -> !l.startsWith("#"))
                .filter(l -> l.startsWith(sample + " ") || (sample.endsWith("}") ? l.startsWith(prefix + ",") || l.startsWith(prefix + "}")
                        : l.startsWith(sample + "{"))).toList();
        return lines.stream().mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static String expect(int status, HttpResponse<String> r) {
        assertThat(r.statusCode()).as("%s %s: %s", r.request().method(), r.request().uri(), r.body()).isEqualTo(status);
        return r.body();
    }

    private HttpResponse<String> send(Member m, String method, String path, String type, String body) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(uri(m, path)).header("Authorization", basic());
        if (body != null) {
            req.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            req.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<Event> stream(Member m) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(uri(m, "/api/v1/alerts/stream")).header("Authorization", basic())
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
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
                // closed by the test, or the member died
            }
        }, "sse-client-" + m.name);
        reader.setDaemon(true);
        reader.start();
        return events;
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static URI uri(Member m, String path) {
        return URI.create("http://localhost:" + m.port + path);
    }
}
