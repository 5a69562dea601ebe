package org.openrfid.trace.service.pipeline;

import org.openrfid.trace.service.anpr.PlateIngest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Constants;
import org.openrfid.trace.pipeline.ingest.IngestRejection;
import org.openrfid.trace.service.ingest.DeadLetters;
import org.openrfid.trace.service.ingest.IngestProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MQTT plate ingest: every message on {@code rfid/plates/#} goes through {@link PlateIngest}, as HTTP
 * does; the camera is the topic's level below the filter when the JSON names none. Refusals are
 * dead-lettered inside the ingest. A store failure would lose the message once it is acknowledged, so
 * it is dead-lettered too, payload and all ({@code store_refused}), and logged.
 */
public final class PlateMqttRoute extends RouteBuilder {

    public static final String ROUTE_ID = "mqtt-plate-ingest";
    private static final Logger log = LoggerFactory.getLogger(PlateMqttRoute.class);

    private final IngestProperties.Mqtt mqtt;
    private final String topic;
    private final PlateIngest ingest;
    private final DeadLetters deadLetters;

    public PlateMqttRoute(IngestProperties.Mqtt mqtt, String topic, PlateIngest ingest, DeadLetters deadLetters) {
        this.mqtt = mqtt;
        this.topic = topic;
        this.ingest = ingest;
        this.deadLetters = deadLetters;
    }

    @Override
    public void configure() {
        StringBuilder uri = new StringBuilder("paho-mqtt5:")
                .append(URLEncoder.encode(topic, StandardCharsets.UTF_8))
                .append("?brokerUrl=RAW(").append(mqtt.brokerUrl()).append(')')
                // A client id of its own: the broker would otherwise drop the reads subscription's session.
                .append("&clientId=RAW(").append(mqtt.clientId()).append("-plates)")
                .append("&qos=").append(mqtt.qos())
                .append("&automaticReconnect=true");
        if (mqtt.username() != null && !mqtt.username().isBlank()) {
            uri.append("&userName=RAW(").append(mqtt.username()).append(")&password=RAW(").append(mqtt.password()).append(')');
        }
        from(uri.toString())
                .routeId(ROUTE_ID)
                .process(e -> {
                    String t = e.getMessage().getHeader(PahoMqtt5Constants.MQTT_TOPIC, String.class);
                    String body = e.getMessage().getBody(String.class);
                    try {
                        ingest.ingest(body, "mqtt:" + t, MqttIngestSubscriber.readerFromTopic(topic, t));
                    } catch (RuntimeException failed) {
                        log.error("Plate reads from {} could not be stored; kept as a dead letter: {}", t, failed.toString());
                        deadLetters.add("mqtt:" + t, new IngestRejection(IngestRejection.Reason.STORE_REFUSED,
                                "the store failed: " + failed.getMessage()), body);
                    }
                });
    }
}
