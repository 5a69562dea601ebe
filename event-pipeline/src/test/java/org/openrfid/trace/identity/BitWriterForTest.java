package org.openrfid.trace.identity;

/** Overwrites bit fields of an EPC byte array, MSB first, to build corrupt encodings. */
final class BitWriterForTest {

    private BitWriterForTest() {
    }

    static void setBits(byte[] b, int from, int n, long value) {
        for (int i = 0; i < n; i++) {
            int pos = from + i;
            boolean one = ((value >>> (n - 1 - i)) & 1) != 0;
            if (one) {
                b[pos >>> 3] |= (byte) (0x80 >>> (pos & 7));
            } else {
                b[pos >>> 3] &= (byte) ~(0x80 >>> (pos & 7));
            }
        }
    }
}
