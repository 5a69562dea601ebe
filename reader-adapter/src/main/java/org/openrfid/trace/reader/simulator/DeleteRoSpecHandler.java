package org.openrfid.trace.reader.simulator;

import org.llrp.ltk.generated.messages.DELETE_ROSPEC;
import org.llrp.ltk.generated.messages.DELETE_ROSPEC_RESPONSE;

/** DELETE_ROSPEC (§10.1.3); ROSpecID 0 deletes all. */
final class DeleteRoSpecHandler implements MessageHandler {

    @Override
    public void handle(ClientRequest request) {
        long id = request.message(DELETE_ROSPEC.class).getROSpecID().toLong();
        DELETE_ROSPEC_RESPONSE r = new DELETE_ROSPEC_RESPONSE();
        r.setLLRPStatus(SimMessages.outcome(request.state().deleteRoSpec(id)));
        request.reply(r);
    }
}
