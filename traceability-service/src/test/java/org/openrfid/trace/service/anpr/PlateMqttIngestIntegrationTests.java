package org.openrfid.trace.service.anpr;

import org.openrfid.trace.service.pipeline.PlateMqttRoute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.impl.DefaultCamelContext;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.anpr.jdbc.PlateReadStoreConfiguration;
import org.openrfid.trace.service.ingest.DeadLetters;
import org.openrfid.trace.service.ingest.IngestProperties;
import org.openrfid.trace.service.privacy.Scope;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The plate MQTT route against the real Mosquitto on 127.0.0.1:1883 and a real (H2GIS) store: reads
 * are stored and fed to the rules with the camera taken from the topic, bad messages are dead-lettered
 * and the subscription keeps going. Without a broker the test is skipped locally and fails under CI=true.
 */
class PlateMqttIngestIntegrationTests {

    static final String BROKER = "tcp://127.0.0.1:1883";
    static final String PROBE_CAMERA = "subscription-probe";

    final List<PlateRead> fed = new CopyOnWriteArrayList<>();
    final DeadLetters deadLetters = new DeadLetters(10, Clock.systemUTC(), new SimpleMeterRegistry());
    final String base = "rfid-test-" + UUID.randomUUID().toString().substring(0, 8) + "/plates";
    final AtomicBoolean subscribed = new AtomicBoolean();
    PlateReads store;
    CamelContext camel;
    MqttClient publisher;

    @BeforeEach
    void start() throws Exception {
        boolean reachable;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 1883), 1000);
            reachable = true;
        } catch (java.io.IOException e) {
            reachable = false;
        }
        // The test command's setup (scripts/setup-test-env.sh) starts Mosquitto: without it this test fails, never skips.
        assertThat(reachable).as("an MQTT broker on 127.0.0.1:1883 (run scripts/setup-test-env.sh)").isTrue();
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:plate-mqtt-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/h2").load().migrate();
        store = PlateReadStoreConfiguration.createPlateReads(ds, new TransactionTemplate(new DataSourceTransactionManager(ds)));
        PlateReadFeed feed = new PlateReadFeed();
        feed.subscribe(batch -> batch.forEach(r -> {
            if (PROBE_CAMERA.equals(r.cameraId())) {
                subscribed.set(true);
            } else {
                fed.add(r);
            }
        }));
        PlateIngest ingest = new PlateIngest(new PlateReadJson(new ObjectMapper()), store, feed, deadLetters, Clock.systemUTC(), 100,
                new SimpleMeterRegistry());
        IngestProperties.Mqtt mqtt = new IngestProperties.Mqtt(true, BROKER, "unused/#", "it-" + UUID.randomUUID(), 1, null, null);
        camel = new DefaultCamelContext();
        camel.addRoutes(new PlateMqttRoute(mqtt, base + "/#", ingest, deadLetters));
        camel.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> camel.getRouteController().getRouteStatus(PlateMqttRoute.ROUTE_ID) == ServiceStatus.Started);
        publisher = new MqttClient(BROKER, "pub-" + UUID.randomUUID(), new MemoryPersistence());
        publisher.connect();
        // The route is started before the broker confirms the subscription: probe until a read comes through.
        int[] n = {0};
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            publish(base + "/" + PROBE_CAMERA, "{\"location\":\"PROBE\",\"plate\":\"PROBE\",\"timestamp\":" + (1_700_000_000_000L + n[0]++) + "}");
            return subscribed.get();
        });
    }

    @AfterEach
    void stop() throws Exception {
        if (publisher != null && publisher.isConnected()) {
            publisher.disconnect();
            publisher.close();
        }
        if (camel != null) {
            camel.close();
        }
    }

    @Test
    void readsOnPlateTopicsAreStoredAndFedWithTheCameraFromTheTopicAndBadOnesAreDeadLettered() throws Exception {
        publish(base + "/cam-7", "{\"location\":\"CQ-CP-001\",\"plate\":\"渝Ａ·１２３４５\",\"plateColour\":\"blue\",\"confidence\":0.93,"
                + "\"timestamp\":\"2026-11-24T08:00:00Z\",\"direction\":\"IN\"}");
        publish(base + "/cam-7", "garbage {");
        publish(base + "/cam-8", "{\"reads\":[{\"cameraId\":\"cam-named\",\"location\":\"CQ-CP-002\",\"plate\":\"渝B54321\",\"timestamp\":\"2026-11-24T08:00:01Z\"},"
                + "{\"location\":\"CQ-CP-002\",\"plate\":\"渝B54321\",\"timestamp\":\"2026-11-24T08:00:01Z\",\"direction\":\"sideways\"}]}");

        await().atMost(Duration.ofSeconds(10)).until(() -> fed.size() == 2 && deadLetters.newest(5).size() == 2);
        assertThat(fed).extracting(PlateRead::cameraId, PlateRead::plate).containsExactly(
                org.assertj.core.groups.Tuple.tuple("cam-7", "渝A12345"), org.assertj.core.groups.Tuple.tuple("cam-named", "渝B54321"));
        assertThat(deadLetters.newest(5)).extracting(DeadLetters.DeadLetter::reason).containsExactly("invalid_field", "malformed_json");
        assertThat(deadLetters.newest(5).get(0).detail()).startsWith("reads[1].direction:");
        assertThat(deadLetters.newest(5).get(1).source()).isEqualTo("mqtt:" + base + "/cam-7");
        assertThat(store.find(new PlateReadQuery("渝A12345", null, null, null), Scope.SYSTEM, null, 10))
                .singleElement().satisfies(r -> assertThat(r.locationId()).isEqualTo("CQ-CP-001"));
    }

    private void publish(String topic, String payload) throws Exception {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        publisher.publish(topic, message);
    }
}
