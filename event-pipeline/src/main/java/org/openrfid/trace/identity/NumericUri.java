package org.openrfid.trace.identity;

import java.nio.charset.StandardCharsets;

/**
 * Writes the URI of a numeric identity (components held as numbers by {@link TagIdentity}) straight into
 * one Latin-1 array: digits need no escaping, so no string is made per component.
 */
final class NumericUri {

    private NumericUri() {
    }

    /**
     * {@code <prefix><name>:[<filter>.]<components joined by '.'>} for a numeric identity, written straight into
     * one Latin-1 array (digits need no escaping): no string per component.
     */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): the Latin-1 copy wanted here
    static String write(SchemeCodec codec, int partition, long n0, long n1, long n2, String prefix, String name, int f) {
        int n = codec.family().components.length;
        int w0 = codec.numericWidth(0, partition, n0);
        int w1 = codec.numericWidth(1, partition, n1);
        int w2 = n > 2 ? codec.numericWidth(2, partition, n2) : 0;
        int fw = f < 0 ? 0 : Chars.digitCount(f) + 1;
        int at = prefix.length() + name.length() + 1;
        byte[] b = new byte[at + fw + w0 + 1 + w1 + (n > 2 ? 1 + w2 : 0)];
        prefix.getBytes(0, prefix.length(), b, 0);
        name.getBytes(0, name.length(), b, prefix.length());
        b[at - 1] = ':';
        if (f >= 0) {
            at = Chars.putDigits(b, at, f, fw - 1);
            b[at++] = '.';
        }
        at = Chars.putDigits(b, at, codec.numericDigits(0, n0), w0);
        b[at++] = '.';
        at = Chars.putDigits(b, at, codec.numericDigits(1, n1), w1);
        if (n > 2) {
            b[at++] = '.';
            Chars.putDigits(b, at, codec.numericDigits(2, n2), w2);
        }
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
