package org.openrfid.trace.reader.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openrfid.trace.reader.llrp.LlrpMessageType;

/** Handlers are found by the frame's message type; a type without one is refused as unsupported. */
class MessageHandlersUnitTests {

    @Test
    void eachRequestTypeHasAHandlerOfItsOwn() {
        assertThat(MessageHandlers.forType(LlrpMessageType.GET_READER_CAPABILITIES)).isInstanceOf(GetReaderCapabilitiesHandler.class);
        assertThat(MessageHandlers.forType(LlrpMessageType.SET_READER_CONFIG)).isInstanceOf(SetReaderConfigHandler.class);
        assertThat(MessageHandlers.forType(LlrpMessageType.ADD_ROSPEC)).isInstanceOf(AddRoSpecHandler.class);
        assertThat(MessageHandlers.forType(LlrpMessageType.START_ROSPEC)).isInstanceOf(StartRoSpecHandler.class);
        assertThat(MessageHandlers.forType(LlrpMessageType.ADD_ACCESSSPEC)).isInstanceOf(AddAccessSpecHandler.class);
        assertThat(MessageHandlers.forType(LlrpMessageType.KEEPALIVE_ACK)).isInstanceOf(KeepaliveAckHandler.class);
        assertThat(MessageHandlers.forType(LlrpMessageType.CLOSE_CONNECTION)).isInstanceOf(CloseConnectionHandler.class);
        assertThat(MessageHandlers.forType(LlrpMessageType.CUSTOM_MESSAGE)).isInstanceOf(CustomMessageHandler.class);
    }

    @Test
    void typesTheSimulatorDoesNotPlayAreUnsupported() {
        int getRoSpecs = 26;
        assertThat(MessageHandlers.forType(getRoSpecs)).isInstanceOf(UnsupportedMessageHandler.class);
        assertThat(MessageHandlers.forType(LlrpMessageType.KEEPALIVE)).as("a reader's message, not a client's")
                .isInstanceOf(UnsupportedMessageHandler.class);
    }
}
