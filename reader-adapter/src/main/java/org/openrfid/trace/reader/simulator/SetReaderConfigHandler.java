package org.openrfid.trace.reader.simulator;

import org.llrp.ltk.generated.enumerations.KeepaliveTriggerType;
import org.llrp.ltk.generated.messages.SET_READER_CONFIG;
import org.llrp.ltk.generated.messages.SET_READER_CONFIG_RESPONSE;

/**
 * SET_READER_CONFIG (§12.1.3): the factory reset, the KeepaliveSpec and the ROReportSpec that ROSpecs
 * without their own inherit; the other parameters change nothing a report shows, so they are accepted
 * and ignored.
 */
final class SetReaderConfigHandler implements MessageHandler {

    @Override
    public void handle(ClientRequest request) {
        SET_READER_CONFIG m = request.message(SET_READER_CONFIG.class);
        SimulatedReaderState state = request.state();
        if (m.getResetToFactoryDefault() != null && m.getResetToFactoryDefault().toBoolean()) {
            state.resetToFactoryDefault();
        }
        if (m.getKeepaliveSpec() != null) {
            boolean periodic = m.getKeepaliveSpec().getKeepaliveTriggerType().intValue() == KeepaliveTriggerType.Periodic;
            state.keepalive(periodic ? m.getKeepaliveSpec().getPeriodicTriggerValue().toLong() : 0);
        }
        if (m.getROReportSpec() != null) {
            state.defaultReport(state.defaultReport().amendedBy(m.getROReportSpec(), request.impinjExtensionsEnabled()));
        }
        SET_READER_CONFIG_RESPONSE r = new SET_READER_CONFIG_RESPONSE();
        r.setLLRPStatus(SimMessages.success());
        request.reply(r);
    }
}
