package org.openrfid.trace.reader.simulator;

import org.llrp.ltk.generated.messages.CLOSE_CONNECTION_RESPONSE;

/** CLOSE_CONNECTION (§13.1.6): the reader answers, then closes. */
final class CloseConnectionHandler implements MessageHandler {

    @Override
    public void handle(ClientRequest request) {
        CLOSE_CONNECTION_RESPONSE r = new CLOSE_CONNECTION_RESPONSE();
        r.setLLRPStatus(SimMessages.success());
        request.reply(r);
        request.closeAfterReply();
    }
}
