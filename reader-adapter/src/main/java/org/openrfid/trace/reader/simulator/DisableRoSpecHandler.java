package org.openrfid.trace.reader.simulator;

import org.llrp.ltk.generated.messages.DISABLE_ROSPEC;
import org.llrp.ltk.generated.messages.DISABLE_ROSPEC_RESPONSE;

/** DISABLE_ROSPEC (§10.1.9): any state to Disabled. */
final class DisableRoSpecHandler implements MessageHandler {

    @Override
    public void handle(ClientRequest request) {
        long id = request.message(DISABLE_ROSPEC.class).getROSpecID().toLong();
        DISABLE_ROSPEC_RESPONSE r = new DISABLE_ROSPEC_RESPONSE();
        r.setLLRPStatus(SimMessages.outcome(request.state().disableRoSpec(id)));
        request.reply(r);
    }
}
