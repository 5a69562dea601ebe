package org.openrfid.trace.service.anpr;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.openrfid.trace.service.ingest.DeadLetters;
import org.openrfid.trace.service.ingest.IngestProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camera plate ingest (HTTP and MQTT), the feed the rule engine hears plate reads from, and the MQTT
 * route when MQTT ingest is on ({@code rfid.ingest.mqtt.enabled=true}). The store is {@code anpr.jdbc}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnprProperties.class)
class AnprConfiguration {

    @Bean
    PlateReadFeed plateReadFeed() {
        return new PlateReadFeed();
    }

    @Bean
    PlateIngest plateIngest(ObjectMapper json, PlateReads store, PlateReadFeed feed, DeadLetters deadLetters, IngestProperties ingest,
                            Clock clock, MeterRegistry registry) {
        return new PlateIngest(new PlateReadJson(json), store, feed, deadLetters, clock, ingest.maxReadsPerPayload(), registry);
    }

}
