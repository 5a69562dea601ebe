package org.openrfid.trace.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrfid.trace.RfidTraceApplication;
import org.openrfid.trace.service.ingest.DeadLetters;
import org.openrfid.trace.service.ingest.ReadJournal;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 18: a node taking reads over MQTT (persistent session, QoS 1, PUBACK after the journal) is killed
 * with SIGKILL in the middle of a stream; a new node on the same journal directory and with the same
 * client id must end with every published read in exactly one passage: the journal replays what was
 * taken, the broker redelivers what was not acknowledged and sends what it queued meanwhile. Against the
 * local Mosquitto (127.0.0.1:1883), the assembled application on a file H2 database.
 */
class MqttCrashIntegrationTests {

    private static final String BROKER = "tcp://127.0.0.1:1883";
    private static final String LOCATION = "MQTT-CRASH-GATE";
    private static final String PROBE_LOCATION = "MQTT-CRASH-PROBE";
    private static final int READS = 300;
    private static final int KILL_AFTER_JOURNALLED = 60;

    @TempDir
    Path dir;

    private final String base = "rfid-crash-" + UUID.randomUUID().toString().substring(0, 8) + "/reads";
    private final String clientId = "crash-node-" + UUID.randomUUID();
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private Process child;
    private MqttClient publisher;

    @AfterEach
    void tearDown() throws Exception {
        contexts.forEach(ConfigurableApplicationContext::close);
        if (child != null) {
            child.destroyForcibly();
        }
        if (publisher != null && publisher.isConnected()) {
            publisher.disconnect();
            publisher.close();
        }
        // the session would otherwise stay on the broker for a day: end it with a clean start
        MqttClient cleaner = new MqttClient(BROKER, clientId, new MemoryPersistence());
        org.eclipse.paho.mqttv5.client.MqttConnectionOptions clean = new org.eclipse.paho.mqttv5.client.MqttConnectionOptions();
        clean.setCleanStart(true);
        cleaner.connect(clean);
        cleaner.disconnect();
        cleaner.close();
    }

    @Test
    void everyReadPublishedAroundACrashBecomesExactlyOnePassageAfterTheRestart() throws Exception {
        publisher = new MqttClient(BROKER, "crash-pub-" + UUID.randomUUID(), new MemoryPersistence());
        publisher.connect();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), RfidTraceApplication.class.getName()));
        command.addAll(arguments());
        command.add("--rfid.pipeline.silence=10m"); // presences stay open until the kill
        command.add("--server.port=0");
        File log = Path.of("target", "mqtt-crash-child.log").toFile(); // kept for a look after a failure
        child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();

        // Probe reads (another reader, another place) until the child journals one: it is subscribed.
        await("the child node subscribed").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    publish(base + "/crash-probe", payload("crash-probe", "3074257BF7194E40FFFFFFFF", Instant.now()));
                    return journalled("/crash-probe") > 0;
                });

        Thread stream = new Thread(this::publishStream, "mqtt-crash-publisher");
        stream.start();
        await("the child journals " + KILL_AFTER_JOURNALLED + " payloads").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(5)).until(() -> journalled("/crash-gate") >= KILL_AFTER_JOURNALLED);
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no PUBACK of what was in hand
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        int journalledAtKill = journalled("/crash-gate");
        stream.join(TimeUnit.SECONDS.toMillis(30));

        long started = System.nanoTime();
        ConfigurableApplicationContext restarted = start();
        JdbcTemplate jdbc = new JdbcTemplate(restarted.getBean(DataSource.class));
        try {
            await("every published read in a passage").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> passages(jdbc) >= READS);
        } finally {
            report(restarted, jdbc, journalledAtKill, started);
        }
        Thread.sleep(2000); // nothing more may come
        assertThat(passages(jdbc)).as("passages").isEqualTo(READS);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT epc_hex) FROM passage WHERE location_id = ?", Integer.class, LOCATION))
                .as("one passage per published read, none twice").isEqualTo(READS);
    }

    private void report(ConfigurableApplicationContext node, JdbcTemplate jdbc, int journalledAtKill, long started) {
        MeterRegistry registry = node.getBean(MeterRegistry.class);
        List<Map<String, Object>> readCounts = jdbc.queryForList(
                "SELECT reads, count(*) AS passages FROM passage WHERE location_id = ? GROUP BY reads ORDER BY reads", LOCATION);
        System.out.printf("MQTT crash: journalled at the kill %d; after the restart (%.1f s) passages %d, read counts %s,"
                        + " ingest reads %.0f, late %.0f, clock rejected %.0f, dead letters %s%n",
                journalledAtKill, (System.nanoTime() - started) / 1e9, passages(jdbc), readCounts,
                registry.get("rfid.ingest.reads").counter().count(), registry.get("rfid.reads.late").functionCounter().count(),
                registry.find("rfid.reads.clock.rejected").functionCounters().stream().mapToDouble(c -> c.count()).sum(),
                node.getBean(DeadLetters.class).newest(5));
    }

    /** One read a payload, each its own tag (so one passage each), 10 ms apart, timed now. */
    private void publishStream() {
        try {
            for (int i = 0; i < READS; i++) {
                publish(base + "/crash-gate", payload("crash-gate", String.format("3074257BF7194E40%08X", i), Instant.now()));
                Thread.sleep(10);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void publish(String topic, String payload) throws Exception {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        publisher.publish(topic, message);
    }

    private static String payload(String reader, String epc, Instant at) {
        return "{\"readerId\":\"" + reader + "\",\"reads\":[{\"epc\":\"" + epc + "\",\"antenna\":1,\"timestamp\":\"" + at + "\"}]}";
    }

    /** Payloads of topics ending so in the journal's segments, as a replay would read them. */
    private int journalled(String topicEnd) throws Exception {
        Path journal = dir.resolve("ingest-journal");
        if (!Files.isDirectory(journal)) {
            return 0;
        }
        int n = 0;
        try (Stream<Path> segments = Files.list(journal)) {
            for (Path segment : segments.filter(p -> p.getFileName().toString().endsWith(".journal")).toList()) {
                n += (int) ReadJournal.read(segment).stream().filter(e -> e.source().endsWith(topicEnd)).count();
            }
        }
        return n;
    }

    private ConfigurableApplicationContext start() {
        List<String> args = arguments();
        args.add("--server.port=0");
        args.add("--rfid.pipeline.silence=1s");
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
                "--RFID_ADMIN_PASSWORD=mqtt-crash-secret-password",
                "--RFID_DATA_DIR=" + dir,
                "--rfid.ingest.journal.dir=" + dir.resolve("ingest-journal"),
                "--rfid.ingest.mqtt.enabled=true",
                "--rfid.ingest.mqtt.broker-url=" + BROKER,
                "--rfid.ingest.mqtt.topic=" + base + "/#",
                "--rfid.ingest.mqtt.client-id=" + clientId,
                // JSON-pushing readers with one mapped antenna each; they dial nothing that answers
                "--rfid.readers[0].id=crash-gate",
                "--rfid.readers[0].host=127.0.0.1",
                "--rfid.readers[0].port=1",
                "--rfid.readers[0].antennas[0].antenna=1",
                "--rfid.readers[0].antennas[0].location=" + LOCATION,
                "--rfid.readers[0].antennas[0].direction=IN",
                "--rfid.readers[1].id=crash-probe",
                "--rfid.readers[1].host=127.0.0.1",
                "--rfid.readers[1].port=1",
                "--rfid.readers[1].antennas[0].antenna=1",
                "--rfid.readers[1].antennas[0].location=" + PROBE_LOCATION,
                "--rfid.readers[1].antennas[0].direction=IN"));
    }

    private static int passages(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM passage WHERE location_id = ?", Integer.class, LOCATION);
    }
}
