package org.openrfid.trace.service.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reader JSON ingest settings and its dead letters; the link into the pipeline is {@code pipeline.IngestLinkConfiguration}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
class IngestConfiguration {

    @Bean
    DeadLetters ingestDeadLetters(IngestProperties properties, Clock clock, MeterRegistry registry) {
        return new DeadLetters(properties.deadLetterCapacity(), clock, registry);
    }
}
