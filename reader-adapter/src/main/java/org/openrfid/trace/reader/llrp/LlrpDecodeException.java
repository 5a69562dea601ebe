package org.openrfid.trace.reader.llrp;

/**
 * An LLRP frame or parameter does not follow the binary encoding of LLRP 1.0.1 chapter 16 (bad
 * length, truncated parameter, unknown TV type whose size cannot be known). The frame is unusable;
 * a session that meets one resets its connection, since the stream position can no longer be trusted.
 */
public class LlrpDecodeException extends Exception {

    private final int offset;

    public LlrpDecodeException(String message, int offset) {
        super(message + " (at byte " + offset + ")");
        this.offset = offset;
    }

    /** Byte offset in the frame where decoding failed. */
    public int offset() {
        return offset;
    }
}
