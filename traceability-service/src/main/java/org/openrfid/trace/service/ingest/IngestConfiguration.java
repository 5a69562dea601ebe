package org.openrfid.trace.service.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.camel.ProducerTemplate;
import org.openrfid.trace.pipeline.PipelineEndpoints;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** HTTP and MQTT ingest of reader JSON into the pipeline's reads endpoint. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
class IngestConfiguration {

    @Bean
    DeadLetters ingestDeadLetters(IngestProperties properties, Clock clock, MeterRegistry registry) {
        return new DeadLetters(properties.deadLetterCapacity(), clock, registry);
    }

    @Bean
    ReadIngest readIngest(ObjectMapper json, ProducerTemplate producer, PipelineEndpoints endpoints, DeadLetters deadLetters,
                          IngestProperties properties, Clock clock, MeterRegistry registry) {
        String reads = endpoints.reads();
        return new ReadIngest(new ReaderJsonMapper(json), batch -> producer.sendBody(reads, batch), deadLetters, clock,
                properties.maxReadsPerPayload(), registry);
    }

    @Bean
    @ConditionalOnProperty(name = "rfid.ingest.mqtt.enabled", havingValue = "true")
    MqttIngestRoute mqttIngestRoute(IngestProperties properties, ReadIngest ingest) {
        return new MqttIngestRoute(properties.mqtt(), ingest);
    }
}
