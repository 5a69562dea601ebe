package org.openrfid.trace.reader.simulator;

import org.llrp.ltk.generated.enumerations.AISpecStopTriggerType;
import org.llrp.ltk.generated.enumerations.ROSpecStartTriggerType;
import org.llrp.ltk.generated.interfaces.SpecParameter;
import org.llrp.ltk.generated.messages.ADD_ROSPEC;
import org.llrp.ltk.generated.messages.ADD_ROSPEC_RESPONSE;
import org.llrp.ltk.generated.parameters.AISpec;
import org.llrp.ltk.generated.parameters.ROReportSpec;
import org.llrp.ltk.generated.parameters.ROSpec;

/**
 * ADD_ROSPEC (§10.1.1), reduced to what the player needs: whether it starts at once, how often its
 * AISpec ends (the first Duration stop trigger; one second without one) and how it reports.
 */
final class AddRoSpecHandler implements MessageHandler {

    private static final long DEFAULT_AISPEC_MS = 1000;

    @Override
    public void handle(ClientRequest request) {
        ROSpec spec = request.message(ADD_ROSPEC.class).getROSpec();
        boolean immediate = spec.getROBoundarySpec().getROSpecStartTrigger().getROSpecStartTriggerType().intValue()
                == ROSpecStartTriggerType.Immediate;
        ROReportSpec rs = spec.getROReportSpec();
        ReportSpec defaults = request.state().defaultReport();
        ReportSpec report = rs == null ? defaults : defaults.amendedBy(rs, request.impinjExtensionsEnabled());
        SimulatedReaderState.RoSpec roSpec = new SimulatedReaderState.RoSpec(spec.getROSpecID().toLong(), immediate,
                aiSpecDurationMs(spec), report);
        ADD_ROSPEC_RESPONSE r = new ADD_ROSPEC_RESPONSE();
        r.setLLRPStatus(SimMessages.outcome(request.state().addRoSpec(roSpec)));
        request.reply(r);
    }

    private static long aiSpecDurationMs(ROSpec spec) {
        if (spec.getSpecParameterList() != null) {
            for (SpecParameter p : spec.getSpecParameterList()) {
                if (p instanceof AISpec ai && ai.getAISpecStopTrigger().getAISpecStopTriggerType().intValue() == AISpecStopTriggerType.Duration) {
                    return Math.max(1, ai.getAISpecStopTrigger().getDurationTrigger().toLong());
                }
            }
        }
        return DEFAULT_AISPEC_MS;
    }
}
