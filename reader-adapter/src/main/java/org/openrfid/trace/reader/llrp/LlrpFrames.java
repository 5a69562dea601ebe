package org.openrfid.trace.reader.llrp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * LLRP message framing on a TCP stream (LLRP 1.0.1 §16.1, §18.1): a 10-byte header
 * {@code Rsvd(3) Ver(3) Type(10) | u32 Length | u32 MessageID}, where Length counts the whole
 * message including the header. A TCP read may hold several messages or part of one, so we frame
 * on the Length field only.
 */
public final class LlrpFrames {

    public static final int HEADER_LENGTH = 10;
    /** Guard against a corrupt or hostile length field: no legitimate report comes near this. */
    public static final int DEFAULT_MAX_FRAME = 16 * 1024 * 1024;

    private LlrpFrames() {
    }

    /**
     * Reads one whole message from a stream that does not time out (a timeout here loses the bytes of the
     * frame read so far: streams with a read timeout keep one {@link LlrpFrameReader} instead).
     *
     * @return the frame, or {@code null} on a clean end of stream before a new header
     * @throws LlrpFrameException when the length field is below the header size or above {@code maxFrame}
     */
    public static byte[] read(InputStream in, int maxFrame) throws IOException {
        return new LlrpFrameReader(in, maxFrame).read();
    }

    public static void write(OutputStream out, byte[] frame) throws IOException {
        out.write(frame);
        out.flush();
    }

    public static int type(byte[] frame) {
        return ((frame[0] & 0x03) << 8) | (frame[1] & 0xFF);
    }

    public static int version(byte[] frame) {
        return (frame[0] >> 2) & 0x07;
    }

    public static long messageId(byte[] frame) {
        return u32(frame, 6);
    }

    /** A header-only message (KEEPALIVE, KEEPALIVE_ACK, CLOSE_CONNECTION) of LLRP version 1. */
    public static byte[] headerOnly(int type, long messageId) {
        byte[] f = new byte[HEADER_LENGTH];
        f[0] = (byte) ((1 << 2) | (type >> 8));
        f[1] = (byte) type;
        f[5] = HEADER_LENGTH;
        f[6] = (byte) (messageId >>> 24);
        f[7] = (byte) (messageId >>> 16);
        f[8] = (byte) (messageId >>> 8);
        f[9] = (byte) messageId;
        return f;
    }

    static long u32(byte[] b, int off) {
        return ((long) (b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    /** The stream carried bytes that cannot be an LLRP frame; the connection must be reset. */
    public static final class LlrpFrameException extends IOException {
        public LlrpFrameException(String message) {
            super(message);
        }
    }
}
