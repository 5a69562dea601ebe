package org.openrfid.trace.reader.simulator;

import org.llrp.ltk.generated.enumerations.StatusCode;
import org.llrp.ltk.types.LLRPMessage;

/**
 * Any type without a handler of its own. Decoded all the same: a message that does not read is
 * answered M_ParameterError, like any other broken message; one that reads, M_UnsupportedMessage.
 */
final class UnsupportedMessageHandler implements MessageHandler {

    @Override
    public void handle(ClientRequest request) {
        LLRPMessage m = request.message();
        if (m == null) {
            request.refuse(StatusCode.M_UnsupportedMessage, "unsupported message type " + request.type());
        } else {
            request.refuse(StatusCode.M_UnsupportedMessage, "message " + m.getName() + " is not supported by the simulator");
        }
    }
}
