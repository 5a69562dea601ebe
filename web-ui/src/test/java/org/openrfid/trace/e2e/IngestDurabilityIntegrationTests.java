package org.openrfid.trace.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrfid.trace.RfidTraceApplication;
import org.openrfid.trace.pipeline.SmoothingStage;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 18: what a node accepted survives its stop. A graceful stop closes the open presences into stored
 * passages; a crash (a child JVM killed with SIGKILL right after its 202s) loses no acknowledged read:
 * the ingest journal replays them at the next start. Each run is the assembled application on a file
 * H2 database in a temporary directory, started again on the same directory.
 */
class IngestDurabilityIntegrationTests {

    private static final String PASSWORD = "durable-secret-password";
    private static final String LOCATION = "DURABLE-GATE-1";
    private static final List<String> EPCS = List.of("3074257BF7194E4000007701", "3074257BF7194E4000007702",
            "3074257BF7194E4000007703");

    @TempDir
    Path dir;

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private Process child;

    @AfterEach
    void tearDown() {
        contexts.forEach(ConfigurableApplicationContext::close);
        if (child != null) {
            child.destroyForcibly();
        }
    }

    @Test
    void aGracefulStopWritesTheOpenPresencesAsPassages() throws Exception {
        // The journal off: only the shutdown flush can bring these passages into the store.
        ConfigurableApplicationContext first = start("--rfid.ingest.journal.enabled=false");
        assertThat(post(port(first), readsNow()).statusCode()).isEqualTo(202);
        SmoothingStage stage = first.getBean(SmoothingStage.class);
        await("three presences open").atMost(Duration.ofSeconds(20)).until(() -> stage.openPresences() == EPCS.size());
        assertThat(passages(first)).as("nothing stored while the presences are open").isZero();

        first.close();

        ConfigurableApplicationContext second = start("--rfid.ingest.journal.enabled=false");
        assertThat(passages(second)).as("the open presences written at the stop").isEqualTo(EPCS.size());
    }

    @Test
    void readsAcknowledgedBeforeACrashBecomePassagesAfterTheRestart() throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), RfidTraceApplication.class.getName()));
        command.addAll(arguments());
        command.add("--rfid.pipeline.silence=10m"); // presences stay open until the kill
        command.add("--server.port=" + port);
        File log = Path.of("target", "durable-child.log").toFile(); // kept for a look after a failure
        child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        // Posted until the node takes them (its health may say DOWN: its LLRP reader is unreachable).
        String reads = readsNow();
        await("the child node acknowledges the reads").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> post(port, reads).statusCode() == 202);
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, the smoother's memory gone
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        ConfigurableApplicationContext restarted = start("--rfid.pipeline.silence=1s");
        await("the acknowledged reads replayed into passages").atMost(Duration.ofSeconds(30))
                .until(() -> passages(restarted) == EPCS.size());
    }

    private ConfigurableApplicationContext start(String... extra) {
        List<String> args = arguments();
        args.add("--server.port=0");
        args.addAll(List.of(extra));
        if (args.stream().noneMatch(a -> a.startsWith("--rfid.pipeline.silence="))) {
            args.add("--rfid.pipeline.silence=10m"); // presences stay open until the stop
        }
        // command-line arguments win over application.yml (a repeated one would be joined with commas)
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(RfidTraceApplication.class).run(args.toArray(String[]::new));
        contexts.add(ctx);
        return ctx;
    }

    private List<String> arguments() {
        return new ArrayList<>(List.of(
                "--rfid.demo.enabled=false",
                "--rfid.retention.enabled=false",
                "--server.shutdown=immediate",
                "--camel.main.jmx-enabled=false",
                "--RFID_ADMIN_PASSWORD=" + PASSWORD,
                "--RFID_DATA_DIR=" + dir,
                "--rfid.ingest.journal.dir=" + dir.resolve("ingest-journal"), // the same for every run (tests default to a fresh one)
                // a JSON-pushing reader with one mapped antenna; it dials nothing that answers
                "--rfid.readers[0].id=durable-gate",
                "--rfid.readers[0].host=127.0.0.1",
                "--rfid.readers[0].port=1",
                "--rfid.readers[0].antennas[0].antenna=1",
                "--rfid.readers[0].antennas[0].location=" + LOCATION,
                "--rfid.readers[0].antennas[0].direction=IN"));
    }

    private static String readsNow() {
        String now = Instant.now().toString();
        StringBuilder reads = new StringBuilder();
        for (String epc : EPCS) {
            reads.append(reads.isEmpty() ? "" : ",").append("{\"epc\":\"").append(epc).append("\",\"antenna\":1,\"timestamp\":\"")
                    .append(now).append("\"}");
        }
        return "{\"readerId\":\"durable-gate\",\"reads\":[" + reads + "]}";
    }

    private static HttpResponse<String> post(int port, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/ingest/reads"))
                .header("Content-Type", "application/json").header("Authorization", basic())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static int port(ConfigurableApplicationContext ctx) {
        return ((WebServerApplicationContext) ctx).getWebServer().getPort();
    }

    private static int passages(ConfigurableApplicationContext ctx) {
        return new JdbcTemplate(ctx.getBean(DataSource.class)).queryForObject(
                "SELECT count(*) FROM passage WHERE location_id = ?", Integer.class, LOCATION);
    }

    private static int freePort() throws Exception {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
