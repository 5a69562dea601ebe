package org.openrfid.trace.reader.camel;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** Endpoint settings the component hands down. */
class LlrpComponentUnitTests {

    private static LlrpEndpoint endpoint(LlrpComponent component, String uri) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        component.setCamelContext(camel);
        return (LlrpEndpoint) component.createEndpoint(uri);
    }

    @Test
    void endpointsReadTheTidUnlessTheComponentOrTheirUriSaysOtherwise() throws Exception {
        LlrpComponent reading = new LlrpComponent();
        assertThat(endpoint(reading, "llrp:r1?host=127.0.0.1").readerConfig().readTid()).isTrue();
        assertThat(endpoint(reading, "llrp:r2?host=127.0.0.1&readTid=false").readerConfig().readTid()).isFalse();

        LlrpComponent epcOnly = new LlrpComponent();
        epcOnly.setReadTid(false);
        assertThat(endpoint(epcOnly, "llrp:r3?host=127.0.0.1").readerConfig().readTid()).isFalse();
        assertThat(endpoint(epcOnly, "llrp:r4?host=127.0.0.1&readTid=true").readerConfig().readTid()).isTrue();
    }
}
