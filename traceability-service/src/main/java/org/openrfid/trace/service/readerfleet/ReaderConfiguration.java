package org.openrfid.trace.service.readerfleet;

import com.hazelcast.core.HazelcastInstance;
import io.micrometer.core.instrument.MeterRegistry;
import org.openrfid.trace.passage.ReadPointDirectory;
import org.openrfid.trace.reader.ReaderStatusBoard;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Readers from configuration, their connections across the cluster, and their health. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReaderProperties.class)
public class ReaderConfiguration {

    @Bean
    ReaderStatusBoard readerStatusBoard() {
        return new ReaderStatusBoard();
    }

    @Bean(destroyMethod = "close")
    ReaderConnections readerConnections(ReaderLinks links, ReadPointDirectory readPoints,
                                        ReaderStatusBoard board, ReaderProperties properties, HazelcastInstance hazelcast,
                                        ObjectProvider<MeterRegistry> meters) {
        ReaderConnections connections = new ReaderConnections(links, readPoints, board, hazelcast);
        meters.ifAvailable(registry -> connections.addListener(new ReaderMetrics(registry, connections)));
        properties.readers().forEach(connections::add);
        return connections;
    }

    /** Connections are held once Camel's routes run, so a reader's reports have somewhere to go. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> readerConnectionsStarter(ReaderConnections connections) {
        return event -> connections.start();
    }

    @Bean(name = "readersHealthIndicator")
    ReaderHealthIndicator readersHealthIndicator(ReaderConnections connections) {
        return new ReaderHealthIndicator(connections);
    }
}
