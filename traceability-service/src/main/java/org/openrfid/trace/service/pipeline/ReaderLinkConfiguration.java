package org.openrfid.trace.service.pipeline;

import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.openrfid.trace.pipeline.PipelineEndpoints;
import org.openrfid.trace.reader.ReaderStatusBoard;
import org.openrfid.trace.reader.camel.LlrpComponent;
import org.openrfid.trace.reader.llrp.LlrpTls;
import org.openrfid.trace.service.readerfleet.ReaderLinks;
import org.openrfid.trace.service.readerfleet.ReaderProbe;
import org.openrfid.trace.service.readerfleet.ReaderProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Readers as pipeline inputs: the {@code llrp} Camel component and one route per reader held here. */
@Configuration(proxyBeanMethods = false)
public class ReaderLinkConfiguration {

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

    @Bean
    ReaderProbe readerProbe(CamelContext camel) {
        return new LlrpReaderProbe(camel);
    }

    @Bean
    ReaderLinks readerLinks(CamelContext camel, PipelineEndpoints endpoints) {
        return new CamelReaderLinks(camel, endpoints);
    }

    /** The {@code llrp} component with the node's listener port, TLS stores and whether readers read TIDs. */
    public static LlrpComponent llrpComponent(ReaderStatusBoard board, ReaderProperties.Llrp settings) {
        LlrpComponent llrp = new LlrpComponent();
        llrp.setStatusBoard(board);
        llrp.setReadTid(settings.readsTid());
        if (settings.listenPort() != null) {
            llrp.setListenPort(settings.listenPort());
        }
        ReaderProperties.Tls tls = settings.tls();
        if (tls != null) {
            llrp.setVerifyHostName(tls.verifiesHostName());
        }
        if (tls != null && (hasText(tls.trustStore()) || hasText(tls.keyStore()))) {
            llrp.setClientTls(LlrpTls.context(path(tls.trustStore()), chars(tls.trustStorePassword()),
                    path(tls.keyStore()), chars(tls.keyStorePassword())));
        }
        return llrp;
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
}
