package org.openrfid.trace.service.alert.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rfid.alerts.*}: how alert events leave this member (MQTT and webhooks).
 *
 * @param mqtt     publishing to an MQTT broker; on when {@code rfid.ingest.mqtt.enabled} is, unless set
 * @param webhooks signed HTTP callbacks registered through {@code /api/v1/webhooks}
 */
@ConfigurationProperties("rfid.alerts")
public record AlertDeliveryProperties(@DefaultValue Mqtt mqtt, @DefaultValue Webhooks webhooks) {

    /**
     * @param enabled       publish at all; unset: as {@code rfid.ingest.mqtt.enabled} (read by the configuration's condition)
     * @param brokerUrl     unset: the ingest's broker ({@code rfid.ingest.mqtt.broker-url})
     * @param clientId      unset: the ingest's client id with {@code -alerts} appended (unique per node as that one is)
     * @param topicPrefix   events go to {@code <prefix>/<alert type>}
     * @param qos           1: the broker acknowledges each event before the next is sent
     * @param username      unset: the ingest's
     * @param password      unset: the ingest's
     * @param queueCapacity events waiting for the broker; beyond it the oldest are dropped and counted
     */
    public record Mqtt(
            Boolean enabled,
            String brokerUrl,
            String clientId,
            @DefaultValue("rfid/alerts") String topicPrefix,
            @DefaultValue("1") int qos,
            String username,
            String password,
            @DefaultValue("10000") int queueCapacity) {
    }

    /**
     * @param disableAfter   consecutive failed attempts after which a webhook is set DISABLED
     * @param maxAttempts    attempts per event before it is given up for that webhook
     * @param retryInitial   wait before the first retry; doubled for each next one
     * @param retryMax       the longest wait between two attempts
     * @param connectTimeout TCP/TLS connect timeout
     * @param requestTimeout whole-request timeout (a receiver slower than this counts as failed)
     * @param queueCapacity  events waiting per webhook; beyond it the oldest are dropped and counted
     * @param threads        threads that send (requests themselves are asynchronous, so few suffice)
     * @param cacheTtl       how long the registered webhooks are cached; changes made on another member show after it
     */
    public record Webhooks(
            @DefaultValue("20") int disableAfter,
            @DefaultValue("8") int maxAttempts,
            @DefaultValue("1s") Duration retryInitial,
            @DefaultValue("5m") Duration retryMax,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("10s") Duration requestTimeout,
            @DefaultValue("1000") int queueCapacity,
            @DefaultValue("2") int threads,
            @DefaultValue("5s") Duration cacheTtl) {

        /** The wait before attempt {@code attempt + 1} after {@code attempt} failed ones (1 → initial, 2 → twice that, …, capped). */
        public Duration backoff(int attempt) {
            int doublings = Math.max(0, Math.min(attempt - 1, 30));
            Duration d = retryInitial.multipliedBy(1L << doublings);
            return d.compareTo(retryMax) > 0 ? retryMax : d;
        }
    }
}
