package org.openrfid.trace.reader.simulator;

import org.llrp.ltk.generated.messages.DISABLE_ACCESSSPEC;
import org.llrp.ltk.generated.messages.DISABLE_ACCESSSPEC_RESPONSE;

/** DISABLE_ACCESSSPEC (§11.1.7); AccessSpecID 0 disables all. */
final class DisableAccessSpecHandler implements MessageHandler {

    @Override
    public void handle(ClientRequest request) {
        long id = request.message(DISABLE_ACCESSSPEC.class).getAccessSpecID().toLong();
        DISABLE_ACCESSSPEC_RESPONSE r = new DISABLE_ACCESSSPEC_RESPONSE();
        r.setLLRPStatus(SimMessages.outcome(request.state().disableAccessSpec(id)));
        request.reply(r);
    }
}
