package org.openrfid.trace.service.alert.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.openrfid.trace.service.alert.AlertEvent;
import org.openrfid.trace.service.alert.AlertListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes this member's alert events to {@code <prefix>/<alert type>}: the payload is the alert's JSON as the API
 * returns it; MQTT 5 user properties {@code event} (RAISED or CHANGED) and {@code eventId} (the event's seq) say what
 * happened. {@link #onAlert} only queues (bounded, the oldest dropped and counted); one sender thread publishes in
 * order and, when the broker is away, keeps the event it holds and reconnects with back-off (1 s doubling to 30 s).
 */
public final class AlertMqttPublisher implements AlertListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertMqttPublisher.class);
    private static final Duration RECONNECT_MIN = Duration.ofSeconds(1);
    private static final Duration RECONNECT_MAX = Duration.ofSeconds(30);
    private static final long WAIT_MILLIS = 10_000;

    /** Where and how to publish. */
    public record Settings(String brokerUrl, String clientId, String topicPrefix, int qos, String username, String password,
                           int queueCapacity) {
    }

    private final Settings settings;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final BlockingQueue<AlertEvent> queue;
    private final Counter dropped;
    private final Thread sender;
    private volatile boolean running = true;
    private MqttClient client;

    public AlertMqttPublisher(Settings settings, ObjectMapper json, MeterRegistry meters) {
        this.settings = settings;
        this.json = json;
        this.meters = meters;
        this.queue = new ArrayBlockingQueue<>(Math.max(1, settings.queueCapacity()));
        this.dropped = Counter.builder("rfid.alerts.delivery.dropped").tag("channel", "mqtt")
                .description("alert events dropped because the MQTT queue was full").register(meters);
        this.sender = new Thread(this::run, "alert-mqtt-sender");
        this.sender.setDaemon(true);
    }

    public AlertMqttPublisher start() {
        sender.start();
        return this;
    }

    @Override
    public void onAlert(AlertEvent event) {
        while (!queue.offer(event)) {
            if (queue.poll() != null) {
                dropped.increment();
            }
        }
    }

    public String topic(AlertEvent event) {
        return settings.topicPrefix() + "/" + event.alert().type().name();
    }

    /** Whether the sender holds a connection to the broker now. */
    public synchronized boolean connected() {
        return client != null && client.isConnected();
    }

    @Override
    public void close() {
        running = false;
        sender.interrupt();
        try {
            sender.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drop();
    }

    private void run() {
        Duration wait = RECONNECT_MIN;
        AlertEvent event = null;
        while (running) {
            try {
                if (event == null) {
                    event = queue.take();
                }
                publish(event);
                event = null;
                wait = RECONNECT_MIN;
            } catch (InterruptedException e) {
                return;
            } catch (MqttException | RuntimeException e) {
                meters.counter("rfid.alerts.delivery", "channel", "mqtt", "outcome", "retried").increment();
                log.warn("Alert event {} not published to {} ({}); retrying in {} s", event == null ? "?" : event.seq(),
                        settings.brokerUrl(), e.toString(), wait.toSeconds());
                drop();
                try {
                    TimeUnit.MILLISECONDS.sleep(wait.toMillis());
                } catch (InterruptedException ie) {
                    return;
                }
                wait = wait.multipliedBy(2).compareTo(RECONNECT_MAX) > 0 ? RECONNECT_MAX : wait.multipliedBy(2);
            }
        }
    }

    private void publish(AlertEvent event) throws MqttException {
        byte[] payload;
        try {
            payload = json.writeValueAsBytes(event.alert());
        } catch (JsonProcessingException e) {
            // Retrying would not help and would hold every event behind it: count it and go on.
            meters.counter("rfid.alerts.delivery", "channel", "mqtt", "outcome", "failed").increment();
            log.error("Alert event {} not published: not serialisable ({})", event.seq(), e.getOriginalMessage());
            return;
        }
        MqttMessage message = new MqttMessage(payload);
        message.setQos(settings.qos());
        MqttProperties properties = new MqttProperties();
        properties.setContentType("application/json");
        properties.setPayloadFormat(true);
        properties.setUserProperties(List.of(new UserProperty("event", event.kind().name()),
                new UserProperty("eventId", Long.toString(event.seq()))));
        message.setProperties(properties);
        connection().publish(topic(event), message);
        meters.counter("rfid.alerts.delivery", "channel", "mqtt", "outcome", "delivered").increment();
    }

    private synchronized MqttClient connection() throws MqttException {
        if (client != null && client.isConnected()) {
            return client;
        }
        drop();
        MqttClient c = new MqttClient(settings.brokerUrl(), settings.clientId(), new MemoryPersistence());
        c.setTimeToWait(WAIT_MILLIS);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout((int) TimeUnit.MILLISECONDS.toSeconds(WAIT_MILLIS));
        if (settings.username() != null && !settings.username().isBlank()) {
            options.setUserName(settings.username());
            options.setPassword(settings.password() == null ? new byte[0] : settings.password().getBytes(StandardCharsets.UTF_8));
        }
        try {
            c.connect(options);
        } catch (MqttException e) {
            try {
                c.close(true);
            } catch (MqttException ignored) {
                // nothing more to release
            }
            throw e;
        }
        log.info("Publishing alert events to {} as {}", settings.brokerUrl(), settings.clientId());
        client = c;
        return c;
    }

    private synchronized void drop() {
        if (client == null) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 1_000, false);
            }
        } catch (MqttException | RuntimeException ignored) {
            // the connection is gone either way
        }
        try {
            client.close(true);
        } catch (MqttException | RuntimeException ignored) {
            // nothing more to release
        }
        client = null;
    }
}
