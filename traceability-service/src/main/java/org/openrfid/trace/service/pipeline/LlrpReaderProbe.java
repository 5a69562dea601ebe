package org.openrfid.trace.service.pipeline;

import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.apache.camel.CamelContext;
import org.openrfid.trace.reader.camel.LlrpComponent;
import org.openrfid.trace.reader.llrp.LlrpConnector;
import org.openrfid.trace.reader.llrp.LlrpProbe;
import org.openrfid.trace.service.readerfleet.ReaderProbe;
import org.openrfid.trace.service.readerfleet.ReaderProbeResult;

/** Connection tests with the same TLS trust and host-name check as the {@code llrp} component's sessions. */
public final class LlrpReaderProbe implements ReaderProbe {

    static final Duration STEP_TIMEOUT = Duration.ofSeconds(3);

    private final CamelContext camel;

    public LlrpReaderProbe(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    public ReaderProbeResult probe(String host, int port, boolean tls) {
        String address = host + ":" + port;
        LlrpConnector connector;
        if (tls) {
            LlrpComponent llrp = camel.getComponent("llrp", LlrpComponent.class);
            SSLContext context = llrp == null ? null : llrp.getClientTls();
            if (context == null) {
                return ReaderProbeResult.failed(address, ReaderProbeResult.NO_TLS,
                        "this server has no reader trust store (rfid.llrp.tls.trust-store)");
            }
            connector = LlrpConnector.tls(host, port, context, llrp.isVerifyHostName());
        } else {
            connector = LlrpConnector.tcp(host, port);
        }
        try {
            return ReaderProbeResult.answered(address, LlrpProbe.probe(connector, STEP_TIMEOUT));
        } catch (LlrpProbe.Failure e) {
            return ReaderProbeResult.failed(address, e.reason().name(), e.getMessage());
        }
    }
}
