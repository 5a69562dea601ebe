package org.openrfid.trace.identity;

/**
 * Character rules of GS1 EPC TDS 1.13: the 82-character set of GS1 AI values and its URI escaping
 * (Table A-1), the 7-bit string encoding (sections 14.3/14.4), the 6-bit encoding of CPI and ADI
 * (Appendix G) and the GS1 mod-10 check digit (GS1 General Specifications 7.9).
 */
final class Chars {

    /** Table A-1: the characters allowed in GS1 AI values (AI encodable character set 82). */
    private static final String AI82 =
            "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    private static final boolean[] IS_AI82 = new boolean[128];
    /** Characters of the 6-bit table (Table G-1) used by CPI component/part references. */
    private static final String CPI6 = "#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    static {
        for (char c : AI82.toCharArray()) {
            IS_AI82[c] = true;
        }
    }

    private Chars() {
    }

    static boolean isAi82(char c) {
        return c < 128 && IS_AI82[c];
    }

    static void requireAi82(String s, String field) {
        for (int i = 0; i < s.length(); i++) {
            if (!isAi82(s.charAt(i))) {
                throw new InvalidEpcException(field + " contains '" + printable(s.charAt(i))
                        + "', which is not in the GS1 AI character set (TDS 1.13 Table A-1)");
            }
        }
    }

    static boolean isCpi6(char c) {
        return CPI6.indexOf(c) >= 0;
    }

    static String printable(char c) {
        return c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04X", (int) c);
    }

    /** Characters a URI component must write as %HH (TDS 1.13 Table A-1, plus '#' of the 6-bit sets). */
    private static final boolean[] MUST_ESCAPE = new boolean[128];
    /** RFC 3986 unreserved characters, the only ones a canonical Digital Link leaves unescaped. */
    private static final boolean[] UNRESERVED = new boolean[128];

    static {
        for (char c : "\"%&/<>?#".toCharArray()) {
            MUST_ESCAPE[c] = true;
        }
        for (char c = 0; c < 128; c++) {
            UNRESERVED[c] = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~';
        }
    }

    private static boolean mustEscape(char c) {
        return c >= 128 || MUST_ESCAPE[c];
    }

    /** Escapes a component for an EPC URI (TDS 1.13 section 6.2, Table A-1). */
    static String uriEscape(String s) {
        int i = 0;
        while (i < s.length() && !mustEscape(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 8).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (mustEscape(c)) {
                b.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Undoes %HH escapes in an EPC URI component; any other use of '%' is refused. */
    static String uriUnescape(String s, String field) {
        int i = s.indexOf('%');
        if (i < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length()).append(s, 0, i);
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%') {
                int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (lo < 0) {
                    throw new InvalidEpcException(field + ": '%' must be followed by two hex digits in '" + s + "'");
                }
                b.append((char) (hi * 16 + lo));
                i += 3;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    /**
     * Percent-encodes everything outside the RFC 3986 unreserved set, as the canonical GS1 Digital Link
     * form does (GS1 Digital Link URI syntax 1.2 section 4; CBV 2.0 hash reference implementation).
     */
    static String dlEscape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean unreserved = c < 128 && UNRESERVED[c];
            if (b == null) {
                if (unreserved) {
                    continue;
                }
                b = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (unreserved) {
                b.append(c);
            } else {
                b.append('%').append(HEX[(c >> 4) & 15]).append(HEX[c & 15]);
            }
        }
        return b == null ? s : b.toString();
    }

    static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Digits with no leading zero unless the value is "0" (TDS 1.13 section 14.3, "Integer" encoding method). */
    static boolean isCanonicalInteger(String s) {
        return !s.isEmpty() && isDigits(s) && (s.length() == 1 || s.charAt(0) != '0') && s.length() <= 20;
    }

    /** GS1 mod-10 check digit of a digit string (GS1 General Specifications section 7.9.1). */
    static char checkDigit(CharSequence digits) {
        int sum = 0;
        boolean three = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            sum += three ? 3 * d : d;
            three = !three;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    /** Left-pads with zeros to {@code digits} characters (the value must fit). */
    static String pad(long value, int digits) {
        if (digits == 0) {
            return "";
        }
        if (value >= POW10[Math.min(digits, 18)] && digits < 19) {
            return Long.toString(value);
        }
        byte[] out = new byte[digits];
        long v = value;
        for (int i = digits - 1; i >= 0; i--) {
            out[i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        return new String(out, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Decimal digits of a non-negative value (1 for 0). */
    static int digitCount(long v) {
        int n = 1;
        while (n < POW10.length && v >= POW10[n]) {
            n++;
        }
        return n;
    }

    /**
     * Writes {@code v} (non-negative) as exactly {@code width} decimal digits, zero-padded, into {@code out} at
     * {@code at}, as Latin-1 bytes; the value must fit.
     *
     * @return the index after the last digit
     */
    static int putDigits(byte[] out, int at, long v, int width) {
        int end = at + width;
        for (int i = end - 1; i >= at; i--) {
            out[i] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        }
        return end;
    }

    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    /** 6-bit code of a character (Table G-1: the low six bits of its ASCII code). */
    static int sixBit(char c) {
        return c & 0x3F;
    }

    /** Character of a 6-bit code (Table G-1): 0x01-0x1F are '@'+code, 0x20-0x3F are the code itself. */
    static char fromSixBit(int v) {
        return (char) (v < 0x20 ? v + 0x40 : v);
    }

    static String hex(byte[] bytes, int bitLength) {
        int nibbles = (bitLength + 3) / 4;
        char[] out = new char[nibbles];
        for (int i = 0; i < nibbles; i++) {
            int b = bytes[i >> 1] & 0xFF;
            out[i] = HEX[(i & 1) == 0 ? b >> 4 : b & 15];
        }
        return new String(out);
    }
}
