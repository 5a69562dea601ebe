package org.openrfid.trace.identity;

import java.util.Arrays;
import org.openrfid.trace.reader.RawEpc;

/** Writes MSB-first bit fields (TDS 1.13 section 14.3). */
final class BitWriter {

    private byte[] bytes = new byte[32];
    private int pos;

    BitWriter write(long value, int n) {
        for (int i = n - 1; i >= 0; i--) {
            int byteIdx = pos >>> 3;
            if (byteIdx >= bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            if (((value >>> i) & 1L) != 0) {
                bytes[byteIdx] |= (byte) (0x80 >>> (pos & 7));
            }
            pos++;
        }
        return this;
    }

    int position() {
        return pos;
    }

    RawEpc toEpc() {
        return new RawEpc(Arrays.copyOf(bytes, (pos + 7) / 8), pos);
    }
}
