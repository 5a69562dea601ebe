package org.openrfid.trace.service.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.alert.AlertEvent;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.ingest.IngestProperties;

class AlertMqttPublisherUnitTests {

    @Test
    void aFullQueueDropsTheOldestAndCountsWithoutBlockingTheCaller() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        // Not started: nothing drains the queue, as when the broker is away.
        AlertMqttPublisher publisher = new AlertMqttPublisher(
                new AlertMqttPublisher.Settings("tcp://127.0.0.1:1", "unit", "rfid/alerts", 1, null, null, 3), TestJson.mapper(), meters);
        long started = System.nanoTime();
        for (int i = 1; i <= 10; i++) {
            publisher.onAlert(new AlertEvent(i, AlertEvent.Kind.RAISED, TestAlertEvents.alert(i, AlertType.WATCHLIST)));
        }
        assertThat(System.nanoTime() - started).isLessThan(200_000_000L);
        assertThat(meters.find("rfid.alerts.delivery.dropped").tag("channel", "mqtt").counter().count()).isEqualTo(7);
    }

    @Test
    void topicIsPrefixAndType() {
        AlertMqttPublisher publisher = new AlertMqttPublisher(
                new AlertMqttPublisher.Settings("tcp://x:1883", "c", "rfid/alerts", 1, null, null, 3), TestJson.mapper(), new SimpleMeterRegistry());
        assertThat(publisher.topic(new AlertEvent(1, AlertEvent.Kind.RAISED, TestAlertEvents.alert(1, AlertType.PLATE_WITHOUT_TAG))))
                .isEqualTo("rfid/alerts/PLATE_WITHOUT_TAG");
    }

    @Test
    void usesTheIngestBrokerUnlessItsOwnIsSet() {
        IngestProperties.Mqtt ingest = new IngestProperties.Mqtt(true, "ssl://broker:8883", "rfid/reads/#", "node-3", 1, "reader", "pw");
        AlertMqttPublisher.Settings inherited = AlertDeliveryConfiguration.mqttSettings(
                new AlertDeliveryProperties.Mqtt(null, null, null, "rfid/alerts", 1, null, null, 10000), ingest);
        assertThat(inherited).isEqualTo(new AlertMqttPublisher.Settings("ssl://broker:8883", "node-3-alerts", "rfid/alerts", 1, "reader", "pw", 10000));

        AlertMqttPublisher.Settings own = AlertDeliveryConfiguration.mqttSettings(
                new AlertDeliveryProperties.Mqtt(true, "tcp://other:1883", "a1", "city/alerts/", 1, "alerts", "pw2", 50), ingest);
        assertThat(own).isEqualTo(new AlertMqttPublisher.Settings("tcp://other:1883", "a1", "city/alerts", 1, "alerts", "pw2", 50));
    }
}
