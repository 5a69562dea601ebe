package org.openrfid.trace.sampledata.epc;

/**
 * A 96-bit E2-class TID (TDS 1.13 section 16.2): class identifier E2, XTID flag set, 9-bit mask
 * designer id, 12-bit tag model number, a 16-bit XTID header announcing a 48-bit serial, the serial.
 * The serial is what makes each chip unique, so a copied EPC on another chip shows a different TID.
 */
public record Tid(Chip chip, long serial48) {
    /** Chips common on windscreen and item tags; the first word pair is what the chip reports. */
    public enum Chip {
        IMPINJ_MONZA_R6("E2801160"),
        NXP_UCODE_8("E2806894"),
        IMPINJ_M730("E2801191");

        private final String classAndModel;

        Chip(String classAndModel) {
            this.classAndModel = classAndModel;
        }
    }

    private static final String XTID_HEADER_SERIAL_48 = "2000";

    public Tid {
        if (serial48 < 0 || serial48 >= 1L << 48) {
            throw new IllegalArgumentException("TID serial must fit in 48 bits");
        }
    }

    public String hex() {
        String serial = Long.toHexString(serial48).toUpperCase();
        return chip.classAndModel + XTID_HEADER_SERIAL_48 + "0".repeat(12 - serial.length()) + serial;
    }

    /** A bijection on 48-bit numbers, so distinct indexes give distinct but unsequential chip serials. */
    public static long scrambledSerial(long index, long salt) {
        long mask = (1L << 48) - 1;
        long x = (index ^ salt) & mask;
        x = (x * 0x5DEECE66DL + 0xB) & mask;
        x ^= x >>> 17;
        x = (x * 0x2545F4914F6CDL) & mask;
        return x ^ (x >>> 23);
    }
}
