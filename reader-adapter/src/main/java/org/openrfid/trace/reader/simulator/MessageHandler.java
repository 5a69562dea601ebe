package org.openrfid.trace.reader.simulator;

/**
 * Answers one LLRP message type as the simulated reader; {@link MessageHandlers} finds the one for a
 * frame's type. Called on the connection's thread with the reader state locked.
 */
@FunctionalInterface
interface MessageHandler {

    void handle(ClientRequest request);
}
