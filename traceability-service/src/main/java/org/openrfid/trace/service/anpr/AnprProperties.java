package org.openrfid.trace.service.anpr;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rfid.anpr.*}: camera plate ingest. The broker, credentials, QoS and the on switch are MQTT
 * ingest's ({@code rfid.ingest.mqtt.*}): plate reads are a second subscription of the same client
 * settings, enabled with it.
 *
 * @param mqttTopic subscription filter; the level after its fixed part names the camera ({@code rfid/plates/cam-7})
 */
@ConfigurationProperties("rfid.anpr")
public record AnprProperties(@DefaultValue("rfid/plates/#") String mqttTopic) {
}
