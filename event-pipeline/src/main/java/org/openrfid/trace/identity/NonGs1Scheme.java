package org.openrfid.trace.identity;

import org.openrfid.trace.reader.RawEpc;

/**
 * The EPC schemes without a GS1 key (GS1 EPC TDS 1.13 section 14.5): GID-96, USDOD-96 (
 * per the US DoD supplier's passive RFID guide) and ADI-var (aerospace and defence). Character rules
 * as in the GS1 TDT 2.0 USDOD-96 and ADI-var definitions.
 */
enum NonGs1Scheme implements SchemeCodec {
    /** General manager 28 bits, object class 24 bits, serial 36 bits, all integers; no filter. */
    GID_96("gid-96", 0x35, 96, Family.GID, 0),
    /** Filter 4 bits, CAGE or DoDAAC as six 8-bit ASCII characters (a 5-character CAGE gets a leading space), serial 36 bits. */
    USDOD_96("usdod-96", 0x2F, 96, Family.USDOD, 4),
    /**
     * Filter 6 bits, CAGE/DoDAAC as six 6-bit characters (leading space for a 5-character CAGE), then part
     * number (0 to 32 characters) and serial (1 to 30 characters, optionally starting with '#') as 6-bit
     * characters each ended by six zero bits.
     */
    ADI_VAR("adi-var", 0x3B, 0, Family.ADI, 6);

    private static final long MAX_28 = (1L << 28) - 1;
    private static final long MAX_24 = (1L << 24) - 1;
    private static final long MAX_36 = (1L << 36) - 1;

    private final String schemeName;
    private final int header;
    private final int fixedBits;
    private final Family family;
    private final int filterBits;

    NonGs1Scheme(String schemeName, int header, int fixedBits, Family family, int filterBits) {
        this.schemeName = schemeName;
        this.header = header;
        this.fixedBits = fixedBits;
        this.family = family;
        this.filterBits = filterBits;
    }

    @Override
    public String schemeName() {
        return schemeName;
    }

    @Override
    public int header() {
        return header;
    }

    @Override
    public Family family() {
        return family;
    }

    @Override
    public int filterBits() {
        return filterBits;
    }

    @Override
    public int fixedBits() {
        return fixedBits;
    }

    @Override
    public boolean escapeFree() {
        return this != ADI_VAR;
    }

    /** GID-96 is three integers, kept as numbers ({@link #numericWidth}); USDOD-96 and ADI-var decode to strings. */
    @Override
    public TagIdentity decode(BitReader r, RawEpc epc) {
        if (this == GID_96) {
            long manager = r.read(28, "general manager number");
            long objectClass = r.read(24, "object class");
            long serial = r.read(36, "serial");
            return TagIdentity.numeric(this, epc, -1, 0, manager, objectClass, serial);
        }
        String[] parts = new String[family.components.length];
        int filter = decode(r, parts);
        return TagIdentity.withParts(this, epc, filter, parts);
    }

    @Override
    public int numericWidth(int i, int partition, long v) {
        if (this != GID_96) {
            throw new IllegalStateException(schemeName + " is not decoded to numbers");
        }
        return Chars.digitCount(v);
    }

    private int decode(BitReader r, String[] parts) {
        switch (this) {
            case USDOD_96 -> {
                int filter = r.readInt(4, "filter");
                StringBuilder cage = new StringBuilder(6);
                for (int i = 0; i < 6; i++) {
                    char c = (char) r.readInt(8, "CAGE/DoDAAC");
                    if (i == 0 && c == ' ') {
                        continue;
                    }
                    if (!isCageChar(c)) {
                        throw new InvalidEpcException(schemeName + ": CAGE/DoDAAC byte 0x" + Integer.toHexString(c)
                                + " is not a digit or an upper-case letter other than I and O");
                    }
                    cage.append(c);
                }
                parts[0] = cage.toString();
                parts[1] = Long.toString(r.read(36, "serial"));
                return filter;
            }
            default -> {
                int filter = r.readInt(6, "filter");
                StringBuilder cage = new StringBuilder(6);
                for (int i = 0; i < 6; i++) {
                    char c = Chars.fromSixBit(r.readInt(6, "CAGE/DoDAAC"));
                    if (i == 0 && c == ' ') {
                        continue;
                    }
                    if (!isCageChar(c)) {
                        throw new InvalidEpcException(schemeName + ": CAGE/DoDAAC contains '" + Chars.printable(c)
                                + "', not a digit or an upper-case letter other than I and O");
                    }
                    cage.append(c);
                }
                parts[0] = cage.toString();
                parts[1] = adiString(r, "part number", 32, false);
                parts[2] = adiString(r, "serial", 30, true);
                if (parts[2].isEmpty()) {
                    throw new InvalidEpcException(schemeName + ": serial is empty");
                }
                return filter;
            }
        }
    }

    private String adiString(BitReader r, String name, int max, boolean serial) {
        StringBuilder b = new StringBuilder();
        while (true) {
            int v = r.readInt(6, name);
            if (v == 0) {
                return b.toString();
            }
            char c = Chars.fromSixBit(v);
            if (!isAdiChar(c, serial && b.isEmpty())) {
                throw new InvalidEpcException(schemeName + ": " + name + " contains '" + Chars.printable(c)
                        + "'; ADI allows A-Z, 0-9, '-', '/' (and '#' first in the serial)");
            }
            if (b.length() == max) {
                throw new InvalidEpcException(schemeName + ": " + name + " is longer than " + max + " characters");
            }
            b.append(c);
        }
    }

    /** CAGE and DoDAAC characters: digits and upper-case letters except I and O (TDT USDOD-96/ADI-var patterns). */
    private static boolean isCageChar(char c) {
        return c >= 'A' && c <= 'Z' && c != 'I' && c != 'O' || c >= '0' && c <= '9';
    }

    private static boolean isAdiChar(char c, boolean firstOfSerial) {
        return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '/' || firstOfSerial && c == '#';
    }

    @Override
    public void encode(BitWriter w, int filter, String[] parts) {
        w.write(header, 8);
        switch (this) {
            case GID_96 -> {
                w.write(integer(parts[0], MAX_28, "general manager number"), 28);
                w.write(integer(parts[1], MAX_24, "object class"), 24);
                w.write(integer(parts[2], MAX_36, "serial"), 36);
            }
            case USDOD_96 -> {
                w.write(filter, 4);
                for (char c : cage(parts[0]).toCharArray()) {
                    w.write(c, 8);
                }
                w.write(integer(parts[1], MAX_36, "serial"), 36);
            }
            default -> {
                w.write(filter, 6);
                for (char c : cage(parts[0]).toCharArray()) {
                    w.write(Chars.sixBit(c), 6);
                }
                writeAdi(w, parts[1], "part number", 0, 32, false);
                writeAdi(w, parts[2], "serial", 1, 30, true);
            }
        }
    }

    private String cage(String value) {
        if (value.length() < 5 || value.length() > 6) {
            throw new InvalidEpcException(schemeName + ": CAGE code or DoDAAC '" + value + "' must be 5 or 6 characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (!isCageChar(value.charAt(i))) {
                throw new InvalidEpcException(schemeName + ": CAGE code or DoDAAC '" + value
                        + "' must be digits and upper-case letters other than I and O");
            }
        }
        return value.length() == 5 ? " " + value : value;
    }

    private void writeAdi(BitWriter w, String value, String name, int min, int max, boolean serial) {
        if (value.length() < min || value.length() > max) {
            throw new InvalidEpcException(schemeName + ": " + name + " must be " + min + " to " + max
                    + " characters, got " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isAdiChar(c, serial && i == 0)) {
                throw new InvalidEpcException(schemeName + ": " + name + " contains '" + Chars.printable(c)
                        + "'; ADI allows A-Z, 0-9, '-', '/' (and '#' first in the serial)");
            }
            w.write(Chars.sixBit(c), 6);
        }
        w.write(0, 6);
    }

    private long integer(String value, long max, String name) {
        if (!Chars.isCanonicalInteger(value) || value.length() > 12 || Long.parseLong(value) > max) {
            throw new InvalidEpcException(schemeName + ": " + name + " '" + value
                    + "' must be a decimal integer without leading zeros, at most " + max);
        }
        return Long.parseLong(value);
    }
}
