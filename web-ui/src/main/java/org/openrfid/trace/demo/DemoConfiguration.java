package org.openrfid.trace.demo;

import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.readerfleet.ReaderConnections;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Demo mode, unless {@code rfid.demo.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "rfid.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoConfiguration {

    @Bean
    DemoMode demoMode(Locations locations, ReaderConnections readers, DemoProperties properties) {
        return new DemoMode(locations, readers, properties);
    }
}
