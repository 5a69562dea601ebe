package org.openrfid.trace.reader.llrp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import org.openrfid.trace.reader.llrp.LlrpFrames.LlrpFrameException;

/**
 * Cuts one TCP stream into LLRP frames (§16.1: a 10-byte header whose Length counts the whole message)
 * and keeps what it has of a frame when a read times out. A socket read timeout is how the session
 * notices a stop or a dead link, so it can strike in the middle of a frame; the next {@link #read()}
 * then goes on where the last one stopped instead of taking the rest of the frame for a new header.
 *
 * <p>Memory follows the bytes that arrive, not the Length field: the buffer starts at most
 * {@value #FIRST_CHUNK} bytes and doubles as the frame fills it, so a header that claims 16 MiB and
 * then stops costs 64 KiB. One per stream, used by one thread.
 */
public final class LlrpFrameReader {

    static final int FIRST_CHUNK = 64 * 1024;

    private final InputStream in;
    private final int maxFrame;
    private final byte[] header = new byte[LlrpFrames.HEADER_LENGTH];
    private int headerFill;
    private byte[] frame;
    private int frameLength;
    private int frameFill;
    private long bytesRead;

    /** @param maxFrame largest Length accepted; a larger one is a broken stream */
    public LlrpFrameReader(InputStream in, int maxFrame) {
        if (maxFrame < LlrpFrames.HEADER_LENGTH) {
            throw new IllegalArgumentException("maxFrame below the header size: " + maxFrame);
        }
        this.in = in;
        this.maxFrame = maxFrame;
    }

    /**
     * The next whole frame.
     *
     * @return the frame, or {@code null} on a clean end of stream before a new header
     * @throws InterruptedIOException (e.g. {@link java.net.SocketTimeoutException}) when a read times out;
     *                                the bytes read so far are kept and the next call resumes
     * @throws LlrpFrameException     when the Length field is below the header size or above the limit
     * @throws EOFException           when the stream ends inside a frame
     */
    public byte[] read() throws IOException {
        while (headerFill < LlrpFrames.HEADER_LENGTH) {
            int n = in.read(header, headerFill, LlrpFrames.HEADER_LENGTH - headerFill);
            if (n < 0) {
                if (headerFill == 0) {
                    return null;
                }
                throw new EOFException("stream ended inside an LLRP header");
            }
            headerFill += n;
            bytesRead += n;
        }
        if (frame == null) {
            start();
        }
        while (frameFill < frameLength) {
            if (frameFill == frame.length) {
                frame = Arrays.copyOf(frame, (int) Math.min(frameLength, 2L * frame.length));
            }
            int n = in.read(frame, frameFill, frame.length - frameFill);
            if (n < 0) {
                throw new EOFException("stream ended inside an LLRP message");
            }
            frameFill += n;
            bytesRead += n;
        }
        byte[] done = frame;
        frame = null;
        headerFill = 0;
        return done;
    }

    private void start() throws LlrpFrameException {
        long length = LlrpFrames.u32(header, 2);
        if (length < LlrpFrames.HEADER_LENGTH) {
            throw new LlrpFrameException("LLRP length field " + length + " is smaller than the header");
        }
        if (length > maxFrame) {
            throw new LlrpFrameException("LLRP frame of " + length + " bytes exceeds the limit of " + maxFrame);
        }
        frameLength = (int) length;
        frame = new byte[Math.min(frameLength, FIRST_CHUNK)];
        System.arraycopy(header, 0, frame, 0, LlrpFrames.HEADER_LENGTH);
        frameFill = LlrpFrames.HEADER_LENGTH;
    }

    /** Whether part of a frame has been read and the rest is still to come. */
    public boolean midFrame() {
        return headerFill > 0;
    }

    /** Bytes taken from the stream so far; rising means the peer is still sending, even inside a frame. */
    public long bytesRead() {
        return bytesRead;
    }
}
