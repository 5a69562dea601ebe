package org.openrfid.trace.reader.simulator;

import org.llrp.ltk.generated.messages.STOP_ROSPEC;
import org.llrp.ltk.generated.messages.STOP_ROSPEC_RESPONSE;

/** STOP_ROSPEC (§10.1.6): Active back to Inactive. */
final class StopRoSpecHandler implements MessageHandler {

    @Override
    public void handle(ClientRequest request) {
        long id = request.message(STOP_ROSPEC.class).getROSpecID().toLong();
        STOP_ROSPEC_RESPONSE r = new STOP_ROSPEC_RESPONSE();
        r.setLLRPStatus(SimMessages.outcome(request.state().stopRoSpec(id)));
        request.reply(r);
    }
}
