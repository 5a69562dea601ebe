package org.openrfid.trace.service.alert.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.openrfid.trace.service.alert.LocalAlertEvents;
import org.openrfid.trace.service.audit.AuditEntry;
import org.openrfid.trace.service.audit.AuditOutcome;
import org.openrfid.trace.service.audit.Auditor;
import org.openrfid.trace.service.ingest.IngestProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Outbound alert delivery: webhooks always (none are registered at first), MQTT when {@code rfid.alerts.mqtt.enabled}
 * is true or, unset, when MQTT ingest is on. Both subscribe to {@link LocalAlertEvents}, so in a cluster each event
 * leaves from the member it happened on, once. A webhook turned off for its failures is audited as done by {@code system}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AlertDeliveryProperties.class, IngestProperties.class})
public class AlertDeliveryConfiguration {

    @Bean(destroyMethod = "close")
    WebhookDelivery webhookDelivery(Webhooks webhooks, ObjectMapper json, AlertDeliveryProperties properties, Clock clock,
                                    MeterRegistry meters, ObjectProvider<LocalAlertEvents> events, ObjectProvider<Auditor> auditor) {
        WebhookDelivery delivery = new WebhookDelivery(webhooks, json, properties.webhooks(), clock, meters,
                w -> auditor.ifAvailable(a -> a.record(new AuditEntry("system", List.of(), "WEBHOOK_DISABLED",
                        "webhook " + w.id() + " " + Webhook.redacted(w.url()),
                        "after " + w.consecutiveFailures() + " failed attempts in a row; last: " + w.lastError(), null, null,
                        AuditOutcome.OK)))).start();
        events.ifAvailable(e -> e.subscribe(delivery));
        return delivery;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("${rfid.alerts.mqtt.enabled:${rfid.ingest.mqtt.enabled:false}}")
    AlertMqttPublisher alertMqttPublisher(AlertDeliveryProperties properties, IngestProperties ingest, ObjectMapper json,
                                          MeterRegistry meters, ObjectProvider<LocalAlertEvents> events) {
        AlertMqttPublisher publisher = new AlertMqttPublisher(mqttSettings(properties.mqtt(), ingest.mqtt()), json, meters).start();
        events.ifAvailable(e -> e.subscribe(publisher));
        return publisher;
    }

    /** The alert publisher's settings: its own where set, the ingest's broker, client id and credentials otherwise. */
    static AlertMqttPublisher.Settings mqttSettings(AlertDeliveryProperties.Mqtt own, IngestProperties.Mqtt ingest) {
        boolean ownUser = own.username() != null && !own.username().isBlank();
        return new AlertMqttPublisher.Settings(
                blank(own.brokerUrl()) ? ingest.brokerUrl() : own.brokerUrl(),
                blank(own.clientId()) ? ingest.clientId() + "-alerts" : own.clientId(),
                own.topicPrefix().endsWith("/") ? own.topicPrefix().substring(0, own.topicPrefix().length() - 1) : own.topicPrefix(),
                own.qos(),
                ownUser ? own.username() : ingest.username(),
                ownUser ? own.password() : ingest.password(),
                own.queueCapacity());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
