package org.openrfid.trace.reader.simulator;

import org.llrp.ltk.generated.enumerations.GetReaderConfigRequestedData;
import org.llrp.ltk.generated.messages.GET_READER_CONFIG;
import org.llrp.ltk.generated.messages.GET_READER_CONFIG_RESPONSE;

/**
 * GET_READER_CONFIG (§12.1.1): only Identification has content here, which is what a client matching
 * reader-initiated connections asks for; anything else gets a bare success.
 */
final class GetReaderConfigHandler implements MessageHandler {

    @Override
    public void handle(ClientRequest request) {
        int requested = request.message(GET_READER_CONFIG.class).getRequestedData().intValue();
        GET_READER_CONFIG_RESPONSE r = new GET_READER_CONFIG_RESPONSE();
        r.setLLRPStatus(SimMessages.success());
        if (requested == GetReaderConfigRequestedData.All || requested == GetReaderConfigRequestedData.Identification) {
            r.setIdentification(SimMessages.identification(request.reader().id()));
        }
        request.reply(r);
    }
}
