package org.openrfid.trace.service.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rfid.ingest.*}: JSON ingest from readers that push.
 *
 * @param deadLetterCapacity refused messages kept for inspection (the count is unbounded)
 * @param maxReadsPerPayload larger payloads are refused (TOO_LARGE) so one request cannot flood memory
 * @param mqtt               MQTT subscription, off unless {@code rfid.ingest.mqtt.enabled=true}
 * @param flushOnShutdown    a graceful stop closes every open presence into a passage and writes it
 *                           (store or spool) before the process ends; not in a cluster, whose other
 *                           members take the presences over
 * @param journal            accepted payloads are journalled (fsync'd) before they are acknowledged
 * @param retryAfter         the {@code Retry-After} of HTTP ingest's 503 answers (journal full, pipeline held
 *                           by a full spool), whole seconds
 */
@ConfigurationProperties("rfid.ingest")
public record IngestProperties(
        @DefaultValue("500") int deadLetterCapacity,
        @DefaultValue("100000") int maxReadsPerPayload,
        @DefaultValue Mqtt mqtt,
        @DefaultValue("true") boolean flushOnShutdown,
        @DefaultValue Journal journal,
        @DefaultValue("30s") java.time.Duration retryAfter) {

    /** {@link #retryAfter} as the header wants it: whole seconds, at least one. */
    public String retryAfterSeconds() {
        return Long.toString(Math.max(1, retryAfter.toSeconds()));
    }

    /**
     * {@code rfid.ingest.journal.*}.
     *
     * @param enabled  on by default: without it a crash loses reads already acknowledged (HTTP 202, MQTT PUBACK)
     * @param dir      default {@code ${RFID_DATA_DIR:./data}/ingest-journal}
     * @param maxBytes the bound; a full journal refuses payloads (HTTP 503) instead of taking them unsafely
     */
    public record Journal(@DefaultValue("true") boolean enabled, String dir,
                          @DefaultValue("1GB") org.springframework.util.unit.DataSize maxBytes,
                          @DefaultValue("15m") java.time.Duration keep) {

        public static final String DEFAULT_DIR = "${RFID_DATA_DIR:./data}/ingest-journal";

        public java.nio.file.Path directory(java.util.function.UnaryOperator<String> resolver) {
            return java.nio.file.Path.of(resolver.apply(dir == null || dir.isBlank() ? DEFAULT_DIR : dir));
        }
    }

    /**
     * @param enabled   subscribe at all
     * @param brokerUrl e.g. {@code tcp://127.0.0.1:1883} or {@code ssl://broker:8883}
     * @param topic     subscription filter; the level after the filter's fixed part names the reader
     *                  ({@code rfid/reads/gantry-7})
     * @param clientId  MQTT client id, unique per node
     * @param qos       subscription QoS; 1 so the broker redelivers what a crash did not acknowledge
     * @param username  broker user, optional
     * @param password  broker password, optional
     */
    public record Mqtt(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("tcp://127.0.0.1:1883") String brokerUrl,
            @DefaultValue("rfid/reads/#") String topic,
            @DefaultValue("rfid-trace-ingest") String clientId,
            @DefaultValue("1") int qos,
            String username,
            String password) {
    }
}
