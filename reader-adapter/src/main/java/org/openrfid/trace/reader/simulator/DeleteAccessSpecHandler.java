package org.openrfid.trace.reader.simulator;

import org.llrp.ltk.generated.messages.DELETE_ACCESSSPEC;
import org.llrp.ltk.generated.messages.DELETE_ACCESSSPEC_RESPONSE;

/** DELETE_ACCESSSPEC (§11.1.3); AccessSpecID 0 deletes all. */
final class DeleteAccessSpecHandler implements MessageHandler {

    @Override
    public void handle(ClientRequest request) {
        long id = request.message(DELETE_ACCESSSPEC.class).getAccessSpecID().toLong();
        DELETE_ACCESSSPEC_RESPONSE r = new DELETE_ACCESSSPEC_RESPONSE();
        r.setLLRPStatus(SimMessages.outcome(request.state().deleteAccessSpec(id)));
        request.reply(r);
    }
}
