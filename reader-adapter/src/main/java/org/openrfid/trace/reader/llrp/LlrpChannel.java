package org.openrfid.trace.reader.llrp;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.llrp.ltk.types.LLRPMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request and response on one open link: our message IDs, one writer at a time (the session thread
 * and {@code stop()} may both send), and waiting for the answer to a request while whatever the
 * reader says in between — reports, keepalives, events — goes to the {@link ReportDispatcher} as usual.
 */
final class LlrpChannel {

    private static final Logger log = LoggerFactory.getLogger(LlrpChannel.class);
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(5);

    private final String readerId;
    private final LlrpFrameReader frames;
    private final OutputStream out;
    private final AtomicLong messageIds;
    private final ReportDispatcher dispatcher;
    private final Object writeLock = new Object();
    private volatile long lastHeardNanos = System.nanoTime();

    /** @param messageIds the session's counter: IDs go on rising across reconnects */
    LlrpChannel(String readerId, LlrpLink link, AtomicLong messageIds, ReportDispatcher dispatcher) {
        this.readerId = readerId;
        this.frames = new LlrpFrameReader(link.in(), LlrpFrames.DEFAULT_MAX_FRAME);
        this.out = link.out();
        this.messageIds = messageIds;
        this.dispatcher = dispatcher;
    }

    /**
     * Sends {@code request}, then reads until its answer and returns it decoded.
     *
     * @throws IOException when the answer is an ERROR_MESSAGE or a status other than success
     */
    LLRPMessage transact(LLRPMessage request, int responseType) throws IOException, LlrpDecodeException {
        byte[] answer = request(request, request.getName(), responseType);
        checkStatus(request.getName(), answer);
        return ClientMessages.decode(answer);
    }

    /**
     * Sends {@code request} and reads until a frame with its message ID that is of {@code responseType}
     * or an ERROR_MESSAGE, which it returns as is; frames in between are dispatched.
     */
    byte[] request(LLRPMessage request, String name, int responseType) throws IOException, LlrpDecodeException {
        long id = send(request);
        long deadline = System.nanoTime() + RESPONSE_TIMEOUT.toNanos();
        while (System.nanoTime() <= deadline) {
            byte[] frame = readDuringSetUp();
            int type = LlrpFrames.type(frame);
            if ((type == responseType || type == LlrpMessageType.ERROR_MESSAGE) && LlrpFrames.messageId(frame) == id) {
                return frame;
            }
            dispatcher.dispatch(frame, this);
        }
        throw new IOException("no " + name + " response within " + RESPONSE_TIMEOUT.toMillis() + " ms");
    }

    /** The next frame; the reader hanging up here is an error, since set-up is not finished. */
    byte[] readDuringSetUp() throws IOException {
        byte[] frame = read();
        if (frame == null) {
            throw new EOFException("reader closed the connection during set-up");
        }
        return frame;
    }

    /**
     * The next frame, or null when the reader closed the stream between frames. A read timeout (the
     * session's way to look up now and then) may come mid-frame: the frame's bytes so far are kept, and
     * the next call goes on with it.
     */
    byte[] read() throws IOException {
        long before = frames.bytesRead();
        try {
            return frames.read();
        } finally {
            if (frames.bytesRead() != before) {
                lastHeardNanos = System.nanoTime();
            }
        }
    }

    /**
     * How long no byte has come from the reader; a live reader is never silent for long, it sends
     * keepalives, and one still sending a large frame is not silent either.
     */
    long silentForNanos() {
        return System.nanoTime() - lastHeardNanos;
    }

    /** Sends {@code msg} under the next message ID, which it returns. */
    long send(LLRPMessage msg) throws IOException {
        long id = messageIds.getAndIncrement() & 0xFFFFFFFFL;
        sendRaw(ClientMessages.encode(msg, id));
        return id;
    }

    void sendRaw(byte[] frame) throws IOException {
        synchronized (writeLock) {
            LlrpFrames.write(out, frame);
        }
    }

    private void checkStatus(String request, byte[] answer) throws IOException {
        LlrpStatus status = LlrpStatus.at(answer, LlrpFrames.HEADER_LENGTH);
        if (status == null) {
            throw new IOException(request + ": response without LLRPStatus");
        }
        if (status.isSuccess() && LlrpFrames.type(answer) != LlrpMessageType.ERROR_MESSAGE) {
            return;
        }
        String text = status.description();
        String msg = request + " failed: " + status.codeName() + (text.isEmpty() ? "" : " (" + text + ")");
        log.warn("[{}] {}", readerId, msg);
        throw new IOException(msg);
    }
}
