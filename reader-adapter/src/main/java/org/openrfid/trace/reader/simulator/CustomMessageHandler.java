package org.openrfid.trace.reader.simulator;

import org.llrp.ltk.generated.enumerations.StatusCode;
import org.llrp.ltk.generated.messages.CUSTOM_MESSAGE;
import org.openrfid.trace.reader.llrp.ImpinjExtensions;

/**
 * CUSTOM_MESSAGE (§14.1.1): an Impinj reader knows IMPINJ_ENABLE_EXTENSIONS, after which it honours
 * Impinj parameters on this connection; every other vendor message is unsupported.
 */
final class CustomMessageHandler implements MessageHandler {

    @Override
    public void handle(ClientRequest request) {
        CUSTOM_MESSAGE m = request.message(CUSTOM_MESSAGE.class);
        if (request.reader().impinj() && m.getVendorIdentifier().toLong() == ImpinjExtensions.VENDOR
                && m.getMessageSubtype().intValue() == ImpinjExtensions.ENABLE_EXTENSIONS) {
            request.enableImpinjExtensions();
            request.reply(SimMessages.impinjEnableExtensionsResponse());
        } else {
            request.refuse(StatusCode.M_UnsupportedMessage, "CUSTOM_MESSAGE vendor " + m.getVendorIdentifier()
                    + " subtype " + m.getMessageSubtype() + " is not supported");
        }
    }
}
