package org.openrfid.trace.readers;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.openrfid.trace.passage.ReadPointDirectory;
import org.openrfid.trace.pipeline.PipelineEndpoints;
import org.openrfid.trace.reader.ReaderStatusBoard;
import org.openrfid.trace.reader.camel.LlrpComponent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
    CamelContextConfiguration llrpComponentRegistration(ReaderStatusBoard board) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                LlrpComponent llrp = new LlrpComponent();
                llrp.setStatusBoard(board);
                camel.addComponent("llrp", llrp);
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
            }
        };
    }

    @Bean
    ReaderConnections readerConnections(CamelContext camel, PipelineEndpoints endpoints, ReadPointDirectory readPoints,
                                        ReaderStatusBoard board, ReaderProperties properties) {
        ReaderConnections connections = new ReaderConnections(camel, endpoints, readPoints, board);
        properties.readers().forEach(connections::add);
        return connections;
    }

    @Bean(name = "readersHealthIndicator")
    ReaderHealthIndicator readersHealthIndicator(ReaderConnections connections) {
        return new ReaderHealthIndicator(connections);
    }
}
