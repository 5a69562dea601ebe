package org.openrfid.trace.reader.simulator;

import org.llrp.ltk.generated.interfaces.AccessCommandOpSpec;
import org.llrp.ltk.generated.messages.ADD_ACCESSSPEC;
import org.llrp.ltk.generated.messages.ADD_ACCESSSPEC_RESPONSE;
import org.llrp.ltk.generated.parameters.AccessSpec;
import org.llrp.ltk.generated.parameters.C1G2Read;

/** ADD_ACCESSSPEC (§11.1.1), reduced to the OpSpec that reads the TID bank, if any. */
final class AddAccessSpecHandler implements MessageHandler {

    private static final int TID_BANK = 2;

    @Override
    public void handle(ClientRequest request) {
        AccessSpec spec = request.message(ADD_ACCESSSPEC.class).getAccessSpec();
        ADD_ACCESSSPEC_RESPONSE r = new ADD_ACCESSSPEC_RESPONSE();
        r.setLLRPStatus(SimMessages.outcome(request.state().addAccessSpec(spec.getAccessSpecID().toLong(), tidOpSpecId(spec))));
        request.reply(r);
    }

    /** The OpSpecID of a C1G2Read of memory bank 2; −1 without one. */
    private static int tidOpSpecId(AccessSpec spec) {
        if (spec.getAccessCommand() == null || spec.getAccessCommand().getAccessCommandOpSpecList() == null) {
            return -1;
        }
        for (AccessCommandOpSpec op : spec.getAccessCommand().getAccessCommandOpSpecList()) {
            if (op instanceof C1G2Read read && read.getMB().intValue() == TID_BANK) {
                return read.getOpSpecID().intValue();
            }
        }
        return -1;
    }
}
