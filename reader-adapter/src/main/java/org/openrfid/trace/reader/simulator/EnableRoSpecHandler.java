package org.openrfid.trace.reader.simulator;

import org.llrp.ltk.generated.messages.ENABLE_ROSPEC;
import org.llrp.ltk.generated.messages.ENABLE_ROSPEC_RESPONSE;

/** ENABLE_ROSPEC (§10.1.7): Disabled to Inactive, or straight to Active with an Immediate start trigger. */
final class EnableRoSpecHandler implements MessageHandler {

    @Override
    public void handle(ClientRequest request) {
        long id = request.message(ENABLE_ROSPEC.class).getROSpecID().toLong();
        ENABLE_ROSPEC_RESPONSE r = new ENABLE_ROSPEC_RESPONSE();
        r.setLLRPStatus(SimMessages.outcome(request.state().enableRoSpec(id)));
        request.reply(r);
    }
}
