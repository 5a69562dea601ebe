package org.openrfid.trace.service.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.camel.ProducerTemplate;
import org.openrfid.trace.pipeline.PipelineEndpoints;
import org.openrfid.trace.service.ingest.DeadLetters;
import org.openrfid.trace.service.ingest.IngestProperties;
import org.openrfid.trace.service.ingest.ReadIngest;
import org.openrfid.trace.pipeline.ingest.ReaderJsonMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reader JSON (HTTP and MQTT) as a pipeline input: mapped reads go to the pipeline's reads endpoint. */
@Configuration(proxyBeanMethods = false)
class IngestLinkConfiguration {

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
