package org.openrfid.trace.web.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.openrfid.trace.web.console.ConsoleZone;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The system page: health, the pipeline sampler (one sample every 5 s, the last 30 min kept). */
@Configuration(proxyBeanMethods = false)
class SystemPageConfiguration {

    @Bean
    NodeHealth nodeHealth(HealthEndpoint endpoint) {
        return new NodeHealth(endpoint);
    }

    @Bean(destroyMethod = "close")
    PipelineSampler pipelineSampler(MeterRegistry meters, Clock clock, ConsoleZone zone, ObjectMapper json,
                                    @Value("${rfid.ui.system.sample-every:5s}") Duration every,
                                    @Value("${rfid.ui.system.window:30m}") Duration window) {
        return new PipelineSampler(meters, clock, zone, json, every, window);
    }
}
