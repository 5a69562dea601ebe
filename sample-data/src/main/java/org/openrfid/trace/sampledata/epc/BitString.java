package org.openrfid.trace.sampledata.epc;

/**
 * Builds an EPC binary encoding field by field, most significant bit first (TDS 1.13 section 14.5).
 * A plain bit string is slow but obviously right; encoders here run once per tag, never per read.
 */
final class BitString {
    private final StringBuilder bits = new StringBuilder(96);

    BitString append(long value, int width) {
        if (width < 64 && (value < 0 || value >= (1L << width))) {
            throw new IllegalArgumentException(value + " does not fit in " + width + " bits");
        }
        for (int i = width - 1; i >= 0; i--) {
            bits.append(i >= 63 ? '0' : ((value >>> i) & 1L) == 1L ? '1' : '0');
        }
        return this;
    }

    /** Upper-case hex, 4 bits per digit; the length must be a multiple of 4. */
    String toHex() {
        if (bits.length() % 4 != 0) {
            throw new IllegalStateException("bit length " + bits.length() + " is not a multiple of 4");
        }
        StringBuilder hex = new StringBuilder(bits.length() / 4);
        for (int i = 0; i < bits.length(); i += 4) {
            hex.append(Character.toUpperCase(Character.forDigit(Integer.parseInt(bits.substring(i, i + 4), 2), 16)));
        }
        return hex.toString();
    }
}
