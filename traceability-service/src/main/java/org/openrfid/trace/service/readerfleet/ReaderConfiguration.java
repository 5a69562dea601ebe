package org.openrfid.trace.service.readerfleet;

import com.hazelcast.core.HazelcastInstance;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.openrfid.trace.passage.ReadPointDirectory;
import org.openrfid.trace.pipeline.PipelineEndpoints;
import org.openrfid.trace.reader.ReaderStatusBoard;
import org.openrfid.trace.reader.camel.LlrpComponent;
import org.openrfid.trace.reader.llrp.LlrpTls;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Readers from configuration, their LLRP component, and their health. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReaderProperties.class)
class ReaderConfiguration {

    @Bean
    ReaderStatusBoard readerStatusBoard() {
        return new ReaderStatusBoard();
    }

    @Bean
    CamelContextConfiguration llrpComponentRegistration(ReaderStatusBoard board, ReaderProperties properties) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                camel.addComponent("llrp", llrpComponent(board, properties.llrp()));
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
            }
        };
    }

    /** The {@code llrp} component with the node's listener port and TLS stores. */
    static LlrpComponent llrpComponent(ReaderStatusBoard board, ReaderProperties.Llrp settings) {
        LlrpComponent llrp = new LlrpComponent();
        llrp.setStatusBoard(board);
        if (settings.listenPort() != null) {
            llrp.setListenPort(settings.listenPort());
        }
        ReaderProperties.Tls tls = settings.tls();
        if (tls != null && (hasText(tls.trustStore()) || hasText(tls.keyStore()))) {
            llrp.setClientTls(LlrpTls.context(path(tls.trustStore()), chars(tls.trustStorePassword()),
                    path(tls.keyStore()), chars(tls.keyStorePassword())));
        }
        return llrp;
    }

    @Bean(destroyMethod = "close")
    ReaderConnections readerConnections(CamelContext camel, PipelineEndpoints endpoints, ReadPointDirectory readPoints,
                                        ReaderStatusBoard board, ReaderProperties properties, HazelcastInstance hazelcast,
                                        ObjectProvider<MeterRegistry> meters) {
        ReaderConnections connections = new ReaderConnections(camel, endpoints, readPoints, board, hazelcast);
        meters.ifAvailable(registry -> connections.addListener(new ReaderMetrics(registry, connections)));
        properties.readers().forEach(connections::add);
        return connections;
    }

    /** Connections are held once Camel's routes run, so a reader's reports have somewhere to go. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> readerConnectionsStarter(ReaderConnections connections) {
        return event -> connections.start();
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    private static Path path(String s) {
        return hasText(s) ? Path.of(s) : null;
    }

    private static char[] chars(String s) {
        return s == null ? null : s.toCharArray();
    }

    @Bean(name = "readersHealthIndicator")
    ReaderHealthIndicator readersHealthIndicator(ReaderConnections connections) {
        return new ReaderHealthIndicator(connections);
    }
}
