package org.openrfid.trace.reader.simulator;

import static java.util.Map.entry;

import java.util.Map;
import org.openrfid.trace.reader.llrp.LlrpMessageType;

/** The simulated reader's handlers by message type. Handlers hold no state, so one set serves every reader. */
final class MessageHandlers {

    private static final Map<Integer, MessageHandler> BY_TYPE = Map.ofEntries(
            entry(LlrpMessageType.GET_READER_CAPABILITIES, new GetReaderCapabilitiesHandler()),
            entry(LlrpMessageType.GET_READER_CONFIG, new GetReaderConfigHandler()),
            entry(LlrpMessageType.SET_READER_CONFIG, new SetReaderConfigHandler()),
            entry(LlrpMessageType.ADD_ROSPEC, new AddRoSpecHandler()),
            entry(LlrpMessageType.DELETE_ROSPEC, new DeleteRoSpecHandler()),
            entry(LlrpMessageType.ENABLE_ROSPEC, new EnableRoSpecHandler()),
            entry(LlrpMessageType.START_ROSPEC, new StartRoSpecHandler()),
            entry(LlrpMessageType.STOP_ROSPEC, new StopRoSpecHandler()),
            entry(LlrpMessageType.DISABLE_ROSPEC, new DisableRoSpecHandler()),
            entry(LlrpMessageType.ADD_ACCESSSPEC, new AddAccessSpecHandler()),
            entry(LlrpMessageType.ENABLE_ACCESSSPEC, new EnableAccessSpecHandler()),
            entry(LlrpMessageType.DISABLE_ACCESSSPEC, new DisableAccessSpecHandler()),
            entry(LlrpMessageType.DELETE_ACCESSSPEC, new DeleteAccessSpecHandler()),
            entry(LlrpMessageType.KEEPALIVE_ACK, new KeepaliveAckHandler()),
            entry(LlrpMessageType.CLOSE_CONNECTION, new CloseConnectionHandler()),
            entry(LlrpMessageType.CUSTOM_MESSAGE, new CustomMessageHandler()));
    private static final MessageHandler UNSUPPORTED = new UnsupportedMessageHandler();

    private MessageHandlers() {
    }

    static MessageHandler forType(int type) {
        return BY_TYPE.getOrDefault(type, UNSUPPORTED);
    }
}
