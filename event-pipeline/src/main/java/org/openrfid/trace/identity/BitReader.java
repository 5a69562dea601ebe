package org.openrfid.trace.identity;

/**
 * Reads MSB-first bit fields from an EPC (TDS 1.13 section 14.3: fields are big-endian bit strings).
 * The first 128 bits are held in two longs, so 96-bit EPCs are read with shifts only.
 */
final class BitReader {

    private final byte[] bytes;
    private final int limit;
    private final String scheme;
    private final long w0;
    private final long w1;
    private int pos;

    BitReader(byte[] bytes, int bitLength, String scheme) {
        this.bytes = bytes;
        this.limit = bitLength;
        this.scheme = scheme;
        this.w0 = word(bytes, 0);
        this.w1 = word(bytes, 8);
    }

    private static long word(byte[] b, int from) {
        long w = 0;
        for (int i = from; i < from + 8; i++) {
            w = (w << 8) | (i < b.length ? b[i] & 0xFF : 0);
        }
        return w;
    }

    int position() {
        return pos;
    }

    /** Reads an unsigned value of up to 64 bits. */
    long read(int n, String field) {
        int p = pos;
        if (p + n > limit) {
            throw endsInside(p, n, field);
        }
        pos = p + n;
        if (n == 0) {
            return 0;
        }
        if (p + n <= 64) {
            return (w0 << p) >>> (64 - n);
        }
        if (p >= 64 && p + n <= 128) {
            return (w1 << (p - 64)) >>> (64 - n);
        }
        if (p < 64 && p + n <= 128) {
            int low = p + n - 64;
            return ((w0 << p) >>> (64 - (n - low)) << low) | (w1 >>> (64 - low));
        }
        return slow(p, n);
    }

    private InvalidEpcException endsInside(int p, int n, String field) {
        return new InvalidEpcException(scheme + ": EPC has " + limit + " bits and ends inside the " + field
                + " field (bits " + p + ".." + (p + n - 1) + ")");
    }

    private long slow(int p, int n) {
        long v = 0;
        int remaining = n;
        while (remaining > 0) {
            int avail = 8 - (p & 7);
            int take = Math.min(avail, remaining);
            int b = ((bytes[p >>> 3] & 0xFF) >>> (avail - take)) & ((1 << take) - 1);
            v = (v << take) | b;
            p += take;
            remaining -= take;
        }
        return v;
    }

    int readInt(int n, String field) {
        return (int) read(n, field);
    }
}
