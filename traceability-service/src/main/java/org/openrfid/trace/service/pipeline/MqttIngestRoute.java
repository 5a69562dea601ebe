package org.openrfid.trace.service.pipeline;

import org.openrfid.trace.service.ingest.IngestProperties;
import org.openrfid.trace.service.ingest.ReadIngest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Constants;

/**
 * MQTT ingest: every message on the subscription goes through {@link ReadIngest}, the same mapping as
 * HTTP. A message is acknowledged only after the ingest journalled it (docs/reliability-ingest.md).
 * Refusals are dead-lettered inside the ingest and never thrown, so a bad message is acknowledged
 * and the subscription carries on; only a failure to hand reads on (which does not happen with a
 * blocking queue) would surface as a route error.
 */
public final class MqttIngestRoute extends RouteBuilder {

    public static final String ROUTE_ID = "mqtt-ingest";

    /** How long the broker keeps this node's session (and its QoS 1 messages) while the node is away: a day. */
    static final long SESSION_EXPIRY_SECONDS = 86_400;

    private final IngestProperties.Mqtt mqtt;
    private final ReadIngest ingest;

    public MqttIngestRoute(IngestProperties.Mqtt mqtt, ReadIngest ingest) {
        this.mqtt = mqtt;
        this.ingest = ingest;
    }

    @Override
    public void configure() {
        StringBuilder uri = new StringBuilder("paho-mqtt5:")
                // '#' and '+' are MQTT wildcards but mean something else in a URI: encode the topic.
                .append(URLEncoder.encode(mqtt.topic(), StandardCharsets.UTF_8))
                .append("?brokerUrl=RAW(").append(mqtt.brokerUrl()).append(')')
                .append("&clientId=RAW(").append(mqtt.clientId()).append(')')
                .append("&qos=").append(mqtt.qos())
                .append("&automaticReconnect=true")
                // PUBACK only once the route completed, i.e. after ReadIngest journalled the payload (fsync);
                // a persistent session (not clean, kept SESSION_EXPIRY_SECONDS) makes the broker redeliver
                // what a crash left unacknowledged, also while this node is down.
                .append("&manualAcksEnabled=true&cleanStart=false&sessionExpiryInterval=").append(SESSION_EXPIRY_SECONDS);
        if (mqtt.username() != null && !mqtt.username().isBlank()) {
            uri.append("&userName=RAW(").append(mqtt.username()).append(")&password=RAW(").append(mqtt.password()).append(')');
        }
        from(uri.toString())
                .routeId(ROUTE_ID)
                .process(e -> {
                    String topic = e.getMessage().getHeader(PahoMqtt5Constants.MQTT_TOPIC, String.class);
                    ingest.ingest(e.getMessage().getBody(String.class), "mqtt:" + topic, readerFromTopic(mqtt.topic(), topic));
                });
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
