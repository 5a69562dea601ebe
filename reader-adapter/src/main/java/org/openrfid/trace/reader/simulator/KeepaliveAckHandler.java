package org.openrfid.trace.reader.simulator;

/** KEEPALIVE_ACK (§13.1.13): the client is alive. Taken from the header alone; there is nothing to answer. */
final class KeepaliveAckHandler implements MessageHandler {

    @Override
    public void handle(ClientRequest request) {
        request.keepaliveAcknowledged();
    }
}
