package org.openrfid.trace.reader.simulator;

import org.llrp.ltk.generated.messages.ENABLE_ACCESSSPEC;
import org.llrp.ltk.generated.messages.ENABLE_ACCESSSPEC_RESPONSE;

/** ENABLE_ACCESSSPEC (§11.1.5); AccessSpecID 0 enables all. */
final class EnableAccessSpecHandler implements MessageHandler {

    @Override
    public void handle(ClientRequest request) {
        long id = request.message(ENABLE_ACCESSSPEC.class).getAccessSpecID().toLong();
        ENABLE_ACCESSSPEC_RESPONSE r = new ENABLE_ACCESSSPEC_RESPONSE();
        r.setLLRPStatus(SimMessages.outcome(request.state().enableAccessSpec(id)));
        request.reply(r);
    }
}
