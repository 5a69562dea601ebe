package org.openrfid.trace.reader.simulator;

import org.llrp.ltk.generated.messages.START_ROSPEC;
import org.llrp.ltk.generated.messages.START_ROSPEC_RESPONSE;

/** START_ROSPEC (§10.1.5): Inactive to Active; from then on the player reports. */
final class StartRoSpecHandler implements MessageHandler {

    @Override
    public void handle(ClientRequest request) {
        long id = request.message(START_ROSPEC.class).getROSpecID().toLong();
        START_ROSPEC_RESPONSE r = new START_ROSPEC_RESPONSE();
        r.setLLRPStatus(SimMessages.outcome(request.state().startRoSpec(id)));
        request.reply(r);
    }
}
