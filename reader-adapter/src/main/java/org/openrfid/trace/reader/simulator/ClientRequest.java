package org.openrfid.trace.reader.simulator;

import org.llrp.ltk.exceptions.InvalidLLRPMessageException;
import org.llrp.ltk.generated.LLRPMessageFactory;
import org.llrp.ltk.types.LLRPMessage;
import org.openrfid.trace.reader.llrp.LlrpFrames;

/**
 * One message from the client, as a {@link MessageHandler} sees it: the message, the reader it was
 * sent to, the connection's own state, and the ways to answer.
 */
final class ClientRequest {

    /** ltkjava could not read the message; the reader answers M_ParameterError. */
    static final class UndecodableException extends RuntimeException {
        UndecodableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final byte[] frame;
    private final SimConnection connection;
    private final SimulatedReaderState state;
    private final ReaderIdentity reader;
    private LLRPMessage message;
    private boolean decoded;
    private boolean closeAfterReply;

    ClientRequest(byte[] frame, SimConnection connection, SimulatedReaderState state, ReaderIdentity reader) {
        this.frame = frame;
        this.connection = connection;
        this.state = state;
        this.reader = reader;
    }

    int type() {
        return LlrpFrames.type(frame);
    }

    long messageId() {
        return LlrpFrames.messageId(frame);
    }

    /**
     * The message as ltkjava reads it, or null for a type ltkjava does not know. Decoded on first use,
     * so a message answered from its header alone (KEEPALIVE_ACK) is never refused for its body.
     *
     * @throws UndecodableException when the body does not read
     */
    LLRPMessage message() {
        if (!decoded) {
            try {
                message = LLRPMessageFactory.createLLRPMessage(frame);
            } catch (InvalidLLRPMessageException | RuntimeException e) {
                throw new UndecodableException(e.getMessage(), e);
            }
            decoded = true;
        }
        return message;
    }

    <M extends LLRPMessage> M message(Class<M> type) {
        return type.cast(message());
    }

    /** For log lines: the message's name once decoded, else its type number. */
    String name() {
        return decoded && message != null ? message.getName() : "message type " + type();
    }

    SimulatedReaderState state() {
        return state;
    }

    ReaderIdentity reader() {
        return reader;
    }

    boolean impinjExtensionsEnabled() {
        return connection.impinjExtensionsEnabled();
    }

    void enableImpinjExtensions() {
        connection.enableImpinjExtensions();
    }

    void keepaliveAcknowledged() {
        connection.keepaliveAcknowledged();
    }

    /** Sends {@code response} under this request's message ID, as §13 wants of every response. */
    void reply(LLRPMessage response) {
        connection.sendRaw(SimMessages.encode(response, messageId()));
    }

    /** Answers with ERROR_MESSAGE: the reader cannot take this message at all. */
    void refuse(int statusCode, String text) {
        connection.sendError(messageId(), statusCode, text);
    }

    /** The connection closes once this request is answered. */
    void closeAfterReply() {
        closeAfterReply = true;
    }

    boolean closesConnection() {
        return closeAfterReply;
    }
}
