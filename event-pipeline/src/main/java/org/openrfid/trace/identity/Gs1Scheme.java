package org.openrfid.trace.identity;

import org.openrfid.trace.reader.RawEpc;

/**
 * The GS1-key EPC schemes whose company prefix and first reference share a partitioned field
 * (GS1 EPC TDS 1.13 section 14.5, one layout per scheme): header 8 bits, filter 3 bits,
 * partition 3 bits, company prefix and reference per the partition table, then the remaining fields.
 */
enum Gs1Scheme implements SchemeCodec {
    /** serial is a 38-bit integer. */
    SGTIN_96("sgtin-96", 0x30, 96, Family.SGTIN, PartitionTable.SGTIN, Ref.DIGITS, Tail.INT, 38),
    /** serial is up to 20 7-bit characters in 140 bits. */
    SGTIN_198("sgtin-198", 0x36, 198, Family.SGTIN, PartitionTable.SGTIN, Ref.DIGITS, Tail.STR7, 140),
    /** 24 unallocated bits after the serial reference. */
    SSCC_96("sscc-96", 0x31, 96, Family.SSCC, PartitionTable.SSCC, Ref.DIGITS, Tail.RESERVED, 24),
    /** extension is a 41-bit integer. */
    SGLN_96("sgln-96", 0x32, 96, Family.SGLN, PartitionTable.SGLN, Ref.DIGITS, Tail.INT, 41),
    /** extension is up to 20 7-bit characters in 140 bits. */
    SGLN_195("sgln-195", 0x39, 195, Family.SGLN, PartitionTable.SGLN, Ref.DIGITS, Tail.STR7, 140),
    /** serial is a 38-bit integer. */
    GRAI_96("grai-96", 0x33, 96, Family.GRAI, PartitionTable.GRAI, Ref.DIGITS, Tail.INT, 38),
    /** serial is up to 16 7-bit characters in 112 bits. */
    GRAI_170("grai-170", 0x37, 170, Family.GRAI, PartitionTable.GRAI, Ref.DIGITS, Tail.STR7, 112),
    /** individual asset reference is an integer (Table 14-13). */
    GIAI_96("giai-96", 0x34, 96, Family.GIAI, PartitionTable.GIAI_96, Ref.INTEGER, Tail.NONE, 0),
    /** individual asset reference is a 7-bit string (Table 14-15). */
    GIAI_202("giai-202", 0x38, 202, Family.GIAI, PartitionTable.GIAI_202, Ref.STRING7, Tail.NONE, 0),
    /** 24 unallocated bits after the service reference. */
    GSRN_96("gsrn-96", 0x2D, 96, Family.GSRN, PartitionTable.SSCC, Ref.DIGITS, Tail.RESERVED, 24),
    /** as GSRN-96. */
    GSRNP_96("gsrnp-96", 0x2E, 96, Family.GSRNP, PartitionTable.SSCC, Ref.DIGITS, Tail.RESERVED, 24),
    /** serial is a 41-bit integer. */
    GDTI_96("gdti-96", 0x2C, 96, Family.GDTI, PartitionTable.SGLN, Ref.DIGITS, Tail.INT, 41),
    /** serial is up to 17 7-bit characters in 119 bits. */
    GDTI_174("gdti-174", 0x3E, 174, Family.GDTI, PartitionTable.SGLN, Ref.DIGITS, Tail.STR7, 119),
    /** integer component/part reference, serial a 31-bit integer. */
    CPI_96("cpi-96", 0x3C, 96, Family.CPI, PartitionTable.CPI_96, Ref.INTEGER, Tail.INT, 31),
    /** 6-bit component/part reference ended by six zero bits, serial a 40-bit integer. */
    CPI_VAR("cpi-var", 0x3D, 0, Family.CPI, PartitionTable.CPI_VAR, Ref.SIXBIT, Tail.INT, 40),
    /** serial is a numeric string of up to 12 digits, encoded as the integer "1" + digits. */
    SGCN_96("sgcn-96", 0x3F, 96, Family.SGCN, PartitionTable.SGLN, Ref.DIGITS, Tail.NUMSTR, 41),
    /** piece and total are 7-bit two-digit values, serial a 38-bit integer. */
    ITIP_110("itip-110", 0x40, 110, Family.ITIP, PartitionTable.SGTIN, Ref.DIGITS, Tail.INT, 38),
    /** piece and total as ITIP-110, serial up to 20 7-bit characters in 140 bits. */
    ITIP_212("itip-212", 0x41, 212, Family.ITIP, PartitionTable.SGTIN, Ref.DIGITS, Tail.STR7, 140);

    /** How the reference sharing the partitioned field is encoded. */
    enum Ref { DIGITS, INTEGER, STRING7, SIXBIT }

    /** How the last field is encoded (TDS 1.13 section 14.3 encoding methods). */
    enum Tail { INT, STR7, NUMSTR, RESERVED, NONE }

    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private final String schemeName;
    private final int header;
    private final int fixedBits;
    private final Family family;
    private final PartitionTable table;
    private final Ref ref;
    private final Tail tail;
    private final int tailBits;
    /** All components are integers (and there is no ITIP piece/total): decoded into numbers only. */
    private final boolean numeric;

    Gs1Scheme(String schemeName, int header, int fixedBits, Family family, PartitionTable table, Ref ref,
              Tail tail, int tailBits) {
        this.schemeName = schemeName;
        this.header = header;
        this.fixedBits = fixedBits;
        this.family = family;
        this.table = table;
        this.ref = ref;
        this.tail = tail;
        this.tailBits = tailBits;
        this.numeric = (ref == Ref.DIGITS || ref == Ref.INTEGER) && tail != Tail.STR7 && family != Family.ITIP;
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
        return 3;
    }

    @Override
    public int fixedBits() {
        return fixedBits;
    }

    @Override
    public boolean escapeFree() {
        return ref != Ref.STRING7 && ref != Ref.SIXBIT && tail != Tail.STR7;
    }

    private boolean isItip() {
        return family == Family.ITIP;
    }

    // ------------------------------------------------------------------ decoding

    /**
     * Decodes and checks every field. Schemes whose components are all integers (the 96-bit
     * ones) keep them as numbers in the identity, which makes their strings on demand ({@link #numericWidth}).
     */
    @Override
    public TagIdentity decode(BitReader r, RawEpc epc) {
        // kept small (error messages in helpers) so that the JIT inlines it and the BitReader is not allocated
        int filter = r.readInt(3, "filter");
        int p = r.readInt(3, "partition");
        if (p == 7) {
            throw partitionSeven();
        }
        PartitionTable.Row row = table.row(p);
        long gcp = r.read(row.gcpBits(), "company prefix");
        if (gcp >= POW10[row.gcpDigits()]) {
            throw companyPrefixTooLong(gcp, row, p);
        }
        if (!numeric) {
            return decodeWithParts(r, epc, filter, p, row, gcp);
        }
        long reference = decodeIntegerRef(r, row, p);
        long last = tail == Tail.INT ? decodeIntegerTail(r, 2)
                : tail == Tail.NUMSTR ? decodeNumericString(r, 2)
                : tail == Tail.RESERVED ? r.read(tailBits, "reserved") : 0;
        return TagIdentity.numeric(this, epc, filter, p, gcp, reference, last);
    }

    private InvalidEpcException partitionSeven() {
        return new InvalidEpcException(schemeName + ": partition value 7 is not defined (TDS 1.13 section 14.5 partition table)");
    }

    private InvalidEpcException companyPrefixTooLong(long gcp, PartitionTable.Row row, int p) {
        return new InvalidEpcException(schemeName + ": company prefix value " + gcp + " does not fit "
                + row.gcpDigits() + " digits (partition " + p + ")");
    }

    /** The schemes with string components (7-bit or 6-bit strings, ITIP piece and total). */
    private TagIdentity decodeWithParts(BitReader r, RawEpc epc, int filter, int p, PartitionTable.Row row, long gcp) {
        String[] parts = new String[family.components.length];
        parts[0] = Chars.pad(gcp, row.gcpDigits());
        parts[1] = switch (ref) {
            case DIGITS, INTEGER -> refString(decodeIntegerRef(r, row, p), row);
            case STRING7 -> decodeString7(r, row.refBits(), row.refDigits(), family.components[1]);
            case SIXBIT -> decodeSixBit(r, row.refDigits(), family.components[1]);
        };
        int i = 2;
        if (isItip()) {
            parts[i++] = decodeTwoDigits(r, "piece");
            parts[i++] = decodeTwoDigits(r, "total");
        }
        switch (tail) {
            case INT -> parts[i] = Long.toString(decodeIntegerTail(r, i));
            case STR7 -> parts[i] = decodeString7(r, tailBits, tailBits / 7, family.components[i]);
            case NUMSTR -> parts[i] = numericString(decodeNumericString(r, i));
            case RESERVED -> r.read(tailBits, "reserved");
            case NONE -> { }
        }
        return TagIdentity.withParts(this, epc, filter, parts);
    }

    @Override
    public int numericWidth(int i, int partition, long v) {
        return switch (i) {
            case 0 -> table.row(partition).gcpDigits();
            case 1 -> ref == Ref.DIGITS ? table.row(partition).refDigits() : Chars.digitCount(v);
            default -> tail == Tail.NUMSTR ? Chars.digitCount(v) - 1 : Chars.digitCount(v);
        };
    }

    @Override
    public long numericDigits(int i, long v) {
        return i == 2 && tail == Tail.NUMSTR ? v - POW10[Chars.digitCount(v) - 1] : v;
    }

    /** Reads a DIGITS or INTEGER reference (the one sharing the partitioned field) and checks its digit count. */
    private long decodeIntegerRef(BitReader r, PartitionTable.Row row, int p) {
        long v = r.read(row.refBits(), family.components[1]);
        int digits = row.refDigits();
        if (digits < POW10.length && v >= POW10[digits]) {
            throw referenceTooLong(v, row, p);
        }
        return v;
    }

    private InvalidEpcException referenceTooLong(long v, PartitionTable.Row row, int p) {
        String name = family.components[1];
        return new InvalidEpcException(schemeName + ": " + name + " value " + v
                + (ref == Ref.DIGITS ? " does not fit " : " has more than ") + row.refDigits() + " digits (partition " + p + ")");
    }

    /** A DIGITS reference keeps its leading zeros (TDS 1.13 section 14.3, "Partition Table"), an INTEGER one has none. */
    private String refString(long v, PartitionTable.Row row) {
        return ref == Ref.DIGITS ? Chars.pad(v, row.refDigits()) : Long.toUnsignedString(v);
    }

    /** TDS 1.13 section 14.3, "Integer" decoding method, for the last field (component {@code i}). */
    private long decodeIntegerTail(BitReader r, int i) {
        long v = r.read(tailBits, family.components[i]);
        if (v > intMax()) {
            throw tailOutOfRange(v, i);
        }
        return v;
    }

    private InvalidEpcException tailOutOfRange(long v, int i) {
        return new InvalidEpcException(schemeName + ": " + family.components[i] + " value " + v
                + " is out of range (at most " + intMax() + ")");
    }

    private String decodeTwoDigits(BitReader r, String name) {
        int v = r.readInt(7, name);
        if (v > 99) {
            throw new InvalidEpcException(schemeName + ": " + name + " value " + v + " exceeds 99");
        }
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    /** TDS 1.13 section 14.4, "String" decoding method: 7-bit characters up to the first zero, zeros after. */
    private String decodeString7(BitReader r, int bits, int maxChars, String name) {
        int start = r.position();
        StringBuilder b = new StringBuilder(maxChars);
        boolean ended = false;
        for (int i = 0; i < maxChars; i++) {
            int c = r.readInt(7, name);
            if (c == 0) {
                ended = true;
            } else if (ended) {
                throw new InvalidEpcException(schemeName + ": " + name + " has a non-zero character after its terminating zero");
            } else if (!Chars.isAi82((char) c)) {
                throw new InvalidEpcException(schemeName + ": " + name + " contains character 0x"
                        + Integer.toHexString(c) + ", which is not in TDS 1.13 Table A-1");
            } else {
                b.append((char) c);
            }
        }
        int rest = bits - (r.position() - start);
        if (rest > 0 && r.read(rest, name) != 0) {
            throw new InvalidEpcException(schemeName + ": the padding bits after " + name + " are not zero");
        }
        if (b.isEmpty()) {
            throw new InvalidEpcException(schemeName + ": " + name + " is empty");
        }
        return b.toString();
    }

    /** TDS 1.13 section 14.4, 6-bit variable string decoding; CPI characters of Appendix G. */
    private String decodeSixBit(BitReader r, int maxChars, String name) {
        StringBuilder b = new StringBuilder();
        while (true) {
            int v = r.readInt(6, name);
            if (v == 0) {
                break;
            }
            char c = Chars.fromSixBit(v);
            if (!Chars.isCpi6(c)) {
                throw new InvalidEpcException(schemeName + ": " + name + " contains '" + Chars.printable(c)
                        + "', which CPI does not allow (TDS 1.13 Table G-1)");
            }
            if (b.length() == maxChars) {
                throw new InvalidEpcException(schemeName + ": " + name + " is longer than " + maxChars + " characters");
            }
            b.append(c);
        }
        if (b.isEmpty()) {
            throw new InvalidEpcException(schemeName + ": " + name + " is empty");
        }
        return b.toString();
    }

    /**
     * TDS 1.13 section 14.4, "Numeric String" decoding method: the integer must be '1' followed by 1 to 12
     * digits; {@link #numericString} gives the string (its decimal form minus the leading '1').
     */
    private long decodeNumericString(BitReader r, int i) {
        String name = family.components[i];
        long v = r.read(tailBits, name);
        for (int k = 1; k <= 12; k++) {
            if (v >= POW10[k] && v < 2 * POW10[k]) {
                return v;
            }
        }
        throw new InvalidEpcException(schemeName + ": " + name + " value " + v
                + " is not a numeric-string encoding ('1' followed by 1 to 12 digits)");
    }

    private static String numericString(long encoded) {
        return Long.toString(encoded).substring(1);
    }

    // ------------------------------------------------------------------ encoding

    @Override
    public void encode(BitWriter w, int filter, String[] parts) {
        String gcp = parts[0];
        int p = PartitionTable.partitionFor(gcp.length());
        if (p < 0 || !Chars.isDigits(gcp)) {
            throw new InvalidEpcException(schemeName + ": company prefix '" + gcp + "' must be 6 to 12 digits");
        }
        PartitionTable.Row row = table.row(p);
        w.write(header, 8).write(filter, 3).write(p, 3).write(Long.parseLong(gcp), row.gcpBits());
        encodeRef(w, row, parts[1]);
        int i = 2;
        if (isItip()) {
            encodeTwoDigits(w, parts[i++], "piece");
            encodeTwoDigits(w, parts[i++], "total");
        }
        switch (tail) {
            case INT -> w.write(integer(parts[i], intMax(), family.components[i]), tailBits);
            case STR7 -> encodeString7(w, parts[i], tailBits, tailBits / 7, family.components[i]);
            case NUMSTR -> encodeNumericString(w, parts[i], family.components[i]);
            case RESERVED -> w.write(0, tailBits);
            case NONE -> { }
        }
    }

    private void encodeRef(BitWriter w, PartitionTable.Row row, String value) {
        String name = family.components[1];
        switch (ref) {
            case DIGITS -> {
                if (value.length() != row.refDigits() || !Chars.isDigits(value)) {
                    throw new InvalidEpcException(schemeName + ": " + name + " '" + value + "' must be exactly "
                            + row.refDigits() + " digits with a " + row.gcpDigits()
                            + "-digit company prefix");
                }
                w.write(value.isEmpty() ? 0 : Long.parseLong(value), row.refBits());
            }
            case INTEGER -> {
                if (value.length() > row.refDigits()) {
                    throw new InvalidEpcException(schemeName + ": " + name + " '" + value + "' has more than "
                            + row.refDigits() + " digits");
                }
                w.write(integer(value, (1L << row.refBits()) - 1, name), row.refBits());
            }
            case STRING7 -> encodeString7(w, value, row.refBits(), row.refDigits(), name);
            case SIXBIT -> {
                if (value.isEmpty() || value.length() > row.refDigits()) {
                    throw new InvalidEpcException(schemeName + ": " + name + " must be 1 to " + row.refDigits()
                            + " characters, got " + value.length());
                }
                for (int k = 0; k < value.length(); k++) {
                    char c = value.charAt(k);
                    if (!Chars.isCpi6(c)) {
                        throw new InvalidEpcException(schemeName + ": " + name + " contains '" + Chars.printable(c)
                                + "'; CPI allows only A-Z, 0-9, '#', '-' and '/' (TDS 1.13 Table G-1)");
                    }
                    w.write(Chars.sixBit(c), 6);
                }
                w.write(0, 6);
            }
        }
    }

    /**
     * Largest value of the integer last field: all ones, except the CPI-var serial, which TDS 1.13 limits to
     * 12 digits (as does the TDT CPI-var definition, {@code cpiserial} maximum 999999999999).
     */
    private long intMax() {
        return this == CPI_VAR ? 999_999_999_999L : (1L << tailBits) - 1;
    }

    private long integer(String value, long max, String name) {
        if (!Chars.isCanonicalInteger(value)) {
            throw new InvalidEpcException(schemeName + ": " + name + " '" + value
                    + "' must be a decimal integer without leading zeros");
        }
        if (value.length() > 19 || Long.parseLong(value) > max) {
            throw new InvalidEpcException(schemeName + ": " + name + " " + value + " is out of range (at most " + max + ")");
        }
        return Long.parseLong(value);
    }

    private void encodeTwoDigits(BitWriter w, String value, String name) {
        if (value.length() != 2 || !Chars.isDigits(value)) {
            throw new InvalidEpcException(schemeName + ": " + name + " '" + value + "' must be two digits");
        }
        w.write(Integer.parseInt(value), 7);
    }

    private void encodeString7(BitWriter w, String value, int bits, int maxChars, String name) {
        if (value.isEmpty() || value.length() > maxChars) {
            throw new InvalidEpcException(schemeName + ": " + name + " must be 1 to " + maxChars
                    + " characters, got " + value.length());
        }
        Chars.requireAi82(value, schemeName + ": " + name);
        for (int k = 0; k < value.length(); k++) {
            w.write(value.charAt(k), 7);
        }
        w.write(0, bits - 7 * value.length());
    }

    private void encodeNumericString(BitWriter w, String value, String name) {
        if (value.isEmpty() || value.length() > 12 || !Chars.isDigits(value)) {
            throw new InvalidEpcException(schemeName + ": " + name + " '" + value + "' must be 1 to 12 digits");
        }
        w.write(Long.parseLong("1" + value), tailBits);
    }
}
