package org.openrfid.trace.service.pipeline;

import java.nio.charset.StandardCharsets;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.openrfid.trace.service.ingest.IngestProperties;
import org.openrfid.trace.service.ingest.ReadIngest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MQTT ingest: every message on the subscription goes through {@link ReadIngest}, the same mapping as
 * HTTP, and is acknowledged (PUBACK) only after the ingest journalled it (docs/reliability-ingest.md).
 * Refusals are dead-lettered inside the ingest, so a bad message is acknowledged and the subscription
 * carries on.
 *
 * <p>Paho directly, not camel-paho-mqtt5: its consumer connects first and sets its message callback
 * afterwards, and Paho silently drops a message that arrives while no callback is set. With a persistent
 * session the broker sends everything it queued while the node was away right after CONNACK, so a
 * restart lost those messages (unacknowledged, they came back only at a later reconnect). Here the
 * callback is in place before the connection exists.
 */
public final class MqttIngestSubscriber implements AutoCloseable {

    /** How long the broker keeps this node's session (and its QoS 1 messages) while the node is away: a day. */
    static final long SESSION_EXPIRY_SECONDS = 86_400;
    private static final long CONNECT_TIMEOUT_MS = 30_000;
    private static final Logger log = LoggerFactory.getLogger(MqttIngestSubscriber.class);

    private final IngestProperties.Mqtt mqtt;
    private final ReadIngest ingest;
    private volatile MqttAsyncClient client;

    public MqttIngestSubscriber(IngestProperties.Mqtt mqtt, ReadIngest ingest) {
        this.mqtt = mqtt;
        this.ingest = ingest;
    }

    /** Connects with the node's persistent session and subscribes; messages flow from here on. */
    public synchronized void start() throws MqttException {
        if (client != null) {
            return;
        }
        MqttAsyncClient c = new MqttAsyncClient(mqtt.brokerUrl(), mqtt.clientId(), new MemoryPersistence());
        c.setManualAcks(true);
        c.setCallback(new Deliveries(c));
        MqttConnectionOptions options = new MqttConnectionOptions();
        // A persistent session (not clean, kept a day) makes the broker keep and redeliver what a crash left
        // unacknowledged, and queue what comes while this node is down.
        options.setCleanStart(false);
        options.setSessionExpiryInterval(SESSION_EXPIRY_SECONDS);
        options.setAutomaticReconnect(true);
        if (mqtt.username() != null && !mqtt.username().isBlank()) {
            options.setUserName(mqtt.username());
            options.setPassword(mqtt.password() == null ? new byte[0] : mqtt.password().getBytes(StandardCharsets.UTF_8));
        }
        c.connect(options).waitForCompletion(CONNECT_TIMEOUT_MS);
        c.subscribe(mqtt.topic(), mqtt.qos()).waitForCompletion(CONNECT_TIMEOUT_MS);
        client = c;
        log.info("MQTT ingest subscribed to {} at {} as {}", mqtt.topic(), mqtt.brokerUrl(), mqtt.clientId());
    }

    /** Disconnects and keeps the session: the broker queues for this node until it is back. */
    @Override
    public synchronized void close() {
        MqttAsyncClient c = client;
        client = null;
        if (c == null) {
            return;
        }
        try {
            if (c.isConnected()) {
                c.disconnect().waitForCompletion(CONNECT_TIMEOUT_MS);
            }
            c.close();
        } catch (MqttException e) {
            log.debug("MQTT ingest disconnect: {}", e.toString());
        }
    }

    /** Ingest, then PUBACK; an ingest that throws (a full journal) leaves the message with the broker. */
    private final class Deliveries implements MqttCallback {
        private final MqttAsyncClient c;

        Deliveries(MqttAsyncClient c) {
            this.c = c;
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                ingest.ingest(new String(message.getPayload(), StandardCharsets.UTF_8), "mqtt:" + topic,
                        readerFromTopic(mqtt.topic(), topic));
            } catch (RuntimeException e) {
                log.warn("MQTT message {} on {} not taken, left unacknowledged with the broker: {}", message.getId(), topic, e.toString());
                return;
            }
            try {
                c.messageArrivedComplete(message.getId(), message.getQos());
            } catch (MqttException e) {
                // The connection went: the broker redelivers the message on the next one (taken twice, stored once).
                log.debug("MQTT PUBACK of {} not sent: {}", message.getId(), e.toString());
            }
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect) {
                try {
                    // Asynchronous: a blocking call would wait on this very callback thread. A kept session
                    // still has the subscription; a broker that lost its sessions needs it again.
                    c.subscribe(mqtt.topic(), mqtt.qos());
                } catch (MqttException e) {
                    log.error("MQTT ingest could not subscribe again to {}: {}", mqtt.topic(), e.toString());
                }
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            log.warn("MQTT ingest disconnected from {}: {}", mqtt.brokerUrl(), response);
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            log.warn("MQTT ingest error: {}", exception.toString());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }

    /**
     * The reader a topic names: the first level below the subscription's fixed part
     * ({@code rfid/reads/#} + {@code rfid/reads/gantry-7/events} → {@code gantry-7}); null when none.
     */
    public static String readerFromTopic(String filter, String topic) {
        if (topic == null) {
            return null;
        }
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        int fixed = 0;
        while (fixed < f.length && !f[fixed].equals("#") && !f[fixed].equals("+")) {
            fixed++;
        }
        return fixed < t.length && !t[fixed].isBlank() ? t[fixed] : null;
    }
}
