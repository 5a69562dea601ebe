package org.openrfid.trace.reader.llrp;

import java.nio.charset.StandardCharsets;
import org.llrp.ltk.generated.enumerations.StatusCode;

/**
 * LLRPStatus (LLRP 1.0.1 §16.2.8.1): TLV 287 with a u16 StatusCode and a utf8v ErrorDescription. Every
 * *_RESPONSE and ERROR_MESSAGE starts with one, and Impinj's IMPINJ_ENABLE_EXTENSIONS_RESPONSE carries
 * one after its vendor and subtype. Read from the frame's bytes, in this one place, because the status
 * is all we need of most responses and decoding them whole with ltkjava would only be thrown away.
 */
record LlrpStatus(int code, String description) {

    static final int PARAMETER_TYPE = 287;
    static final int SUCCESS = 0;
    /** TLV header, StatusCode and the description's length field: the least a status can be. */
    private static final int FIXED_PART = 8;

    /** The LLRPStatus that starts at {@code offset} of {@code frame}, or null when none does. */
    static LlrpStatus at(byte[] frame, int offset) {
        if (frame.length < offset + FIXED_PART || (((frame[offset] & 0x03) << 8) | (frame[offset + 1] & 0xFF)) != PARAMETER_TYPE) {
            return null;
        }
        int code = u16(frame, offset + 4);
        int length = u16(frame, offset + 6);
        int textStart = offset + FIXED_PART;
        // A description that claims more bytes than the frame has is cut, not rejected: the code is what counts.
        String text = new String(frame, textStart, Math.min(length, frame.length - textStart), StandardCharsets.UTF_8);
        return new LlrpStatus(code, text);
    }

    boolean isSuccess() {
        return code == SUCCESS;
    }

    /** The code as ltkjava names it, e.g. {@code M_ParameterError(101)}; for log lines and errors. */
    String codeName() {
        return name(code);
    }

    static String name(int code) {
        try {
            return new StatusCode(code).toString() + "(" + code + ")";
        } catch (RuntimeException e) {
            return "status " + code;
        }
    }

    private static int u16(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }
}
