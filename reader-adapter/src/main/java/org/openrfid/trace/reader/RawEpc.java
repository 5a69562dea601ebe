package org.openrfid.trace.reader;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The EPC bank contents as a reader reported them: significant bits, left-aligned in bytes.
 *
 * <p>LLRP's EPCData carries any bit length (LLRP 1.0.1 §16.2.7.3.1: u1v) and readers may leave junk in
 * the pad bits of the last byte; two EPCs are equal when their significant bits are, so the
 * constructor clears the pad bits.
 */
public record RawEpc(byte[] bytes, int bitLength) {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    public RawEpc {
        if (bitLength < 0 || bitLength > bytes.length * 8) {
            throw new IllegalArgumentException("EPC bit length " + bitLength + " does not fit " + bytes.length + " bytes");
        }
        int needed = (bitLength + 7) / 8;
        bytes = Arrays.copyOf(bytes, needed);
        int pad = needed * 8 - bitLength;
        if (pad > 0) {
            bytes[needed - 1] &= (byte) (0xFF << pad);
        }
    }

    /** Parses hex; the bit length is four bits per hex digit. */
    public static RawEpc ofHex(String hex) {
        return ofHex(hex, hex.length() * 4);
    }

    public static RawEpc ofHex(String hex, int bitLength) {
        if (hex == null || hex.isEmpty() || (hex.length() & 1) == 1 && hex.length() * 4 != bitLength) {
            throw new IllegalArgumentException("EPC hex must be a non-empty even number of hex digits: '" + hex + "'");
        }
        String even = (hex.length() & 1) == 1 ? hex + "0" : hex;
        try {
            return new RawEpc(HEX.parseHex(even), bitLength);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("EPC is not hex: '" + hex + "'", e);
        }
    }

    /** Upper-case hex of the significant bytes (pad bits zero). */
    public String toHex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawEpc other && other.bitLength == bitLength && Arrays.equals(other.bytes, bytes);
    }

    /**
     * FNV-1a over the bytes, then MurmurHash3's finaliser. Not {@code Arrays.hashCode}: its base-31
     * polynomial maps the EPCs of one product, which differ only in their last bytes (the serial), onto a
     * few thousand values for a hundred thousand serials, and the smoother's presence maps (keyed by EPC,
     * looked up for every read) then walk collision chains.
     */
    @Override
    public int hashCode() {
        int h = 0x811C9DC5 ^ bitLength;
        for (byte b : bytes) {
            h = (h ^ (b & 0xFF)) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >>> 16);
    }

    @Override
    public String toString() {
        return bitLength % 8 == 0 && bitLength == bytes.length * 8 ? toHex() : toHex() + "/" + bitLength;
    }
}
