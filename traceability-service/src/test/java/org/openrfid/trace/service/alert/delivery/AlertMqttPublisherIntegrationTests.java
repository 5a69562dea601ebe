package org.openrfid.trace.service.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.alert.AlertEvent;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.testsupport.TcpProxy;

/**
 * MQTT delivery to the real Mosquitto on 127.0.0.1:1883, with a Paho subscriber on {@code rfid/alerts/<type>}. Others
 * may publish there too, so messages are told apart by alert id (random per test).
 */
class AlertMqttPublisherIntegrationTests {

    static final String BROKER = "tcp://127.0.0.1:1883";

    final ObjectMapper json = TestJson.mapper();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final TestAlertEvents events = new TestAlertEvents();
    final List<Received> received = new CopyOnWriteArrayList<>();
    final long idBase = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
    MqttClient subscriber;
    AlertMqttPublisher publisher;
    TcpProxy proxy;

    record Received(String topic, JsonNode payload, Map<String, String> userProperties) {
    }

    @BeforeEach
    void subscribe() throws Exception {
        subscriber = new MqttClient(BROKER, "alert-test-sub-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        subscriber.connect(options);
        // Paho 1.2.5's subscribe(String, int, listener) calls itself until the stack overflows; the array form works.
        subscriber.subscribe(new MqttSubscription[] {new MqttSubscription("rfid/alerts/+", 1)},
                new IMqttMessageListener[] {this::received});
    }

    private void received(String topic, MqttMessage message) throws Exception {
        JsonNode payload = json.readTree(message.getPayload());
        if (payload.path("id").asLong() >= idBase && payload.path("id").asLong() < idBase + 1000) {
            List<UserProperty> props = message.getProperties() == null ? List.of() : message.getProperties().getUserProperties();
            received.add(new Received(topic, payload, props.stream().collect(Collectors.toMap(UserProperty::getKey, UserProperty::getValue))));
        }
    }

    @AfterEach
    void close() throws Exception {
        if (publisher != null) {
            publisher.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        subscriber.disconnect();
        subscriber.close();
    }

    AlertMqttPublisher start(String brokerUrl) {
        publisher = new AlertMqttPublisher(new AlertMqttPublisher.Settings(brokerUrl, "alert-test-pub-" + UUID.randomUUID(), "rfid/alerts", 1,
                null, null, 100), json, meters).start();
        events.subscribe(publisher);
        return publisher;
    }

    AlertEvent push(int n, AlertType type, AlertEvent.Kind kind) {
        return events.push(new AlertEvent(idBase + n, kind, TestAlertEvents.alert(idBase + n, type)));
    }

    @Test
    void publishesTheAlertJsonOnItsTypesTopic() throws Exception {
        start(BROKER);

        AlertEvent raised = push(1, AlertType.WATCHLIST, AlertEvent.Kind.RAISED);
        AlertEvent changed = push(2, AlertType.CLONE_IMPOSSIBLE_TRAVEL, AlertEvent.Kind.CHANGED);

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
        Received first = received.stream().filter(r -> r.payload().get("id").asLong() == idBase + 1).findFirst().orElseThrow();
        assertThat(first.topic()).isEqualTo("rfid/alerts/WATCHLIST");
        assertThat(first.payload()).isEqualTo(json.readTree(json.writeValueAsBytes(raised.alert())));
        assertThat(first.payload().get("raisedAt").asText()).isEqualTo("2026-03-01T08:15:30.250Z");
        assertThat(first.userProperties()).containsEntry("event", "RAISED").containsEntry("eventId", Long.toString(raised.seq()));
        Received second = received.stream().filter(r -> r.payload().get("id").asLong() == idBase + 2).findFirst().orElseThrow();
        assertThat(second.topic()).isEqualTo("rfid/alerts/CLONE_IMPOSSIBLE_TRAVEL");
        assertThat(second.userProperties()).containsEntry("event", "CHANGED").containsEntry("eventId", Long.toString(changed.seq()));
        assertThat(meters.find("rfid.alerts.delivery").tag("channel", "mqtt").tag("outcome", "delivered").counter().count()).isEqualTo(2);
    }

    @Test
    void reconnectsWhenTheBrokerComesBackAndSendsWhatWaited() throws Exception {
        proxy = new TcpProxy("127.0.0.1", 1883);
        start("tcp://127.0.0.1:" + proxy.port());
        push(1, AlertType.READER_DOWN, AlertEvent.Kind.RAISED);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);

        proxy.cut();
        await().atMost(Duration.ofSeconds(5)).until(() -> !publisher.connected());
        push(2, AlertType.READER_DOWN, AlertEvent.Kind.RAISED);
        push(3, AlertType.READER_DOWN, AlertEvent.Kind.CHANGED);
        Thread.sleep(1_500);
        assertThat(received).as("nothing gets through while the broker is away").hasSize(1);

        proxy.restore();
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 3);
        assertThat(received).extracting(r -> r.payload().get("id").asLong()).containsExactly(idBase + 1, idBase + 2, idBase + 3);
        assertThat(publisher.connected()).isTrue();
        assertThat(meters.find("rfid.alerts.delivery").tag("channel", "mqtt").tag("outcome", "retried").counter().count()).isPositive();
    }
}
