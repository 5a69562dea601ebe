package org.openrfid.trace.identity;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Translation between EPC pure identities and GS1 keys: element strings (GS1 EPC TDS 1.13 section 7,
 * one subsection per scheme, e.g. 7.1 SGTIN, 7.2 SSCC) and canonical GS1 Digital Link URIs
 * (GS1 Digital Link URI syntax 1.2, canonical host {@code id.gs1.org}).
 */
final class Gs1Keys {

    static final String DL_ROOT = "https://id.gs1.org/";

    private Gs1Keys() {
    }

    /** Primary-key application identifier of a family, or null for GID, USDOD, ADI. */
    static String primaryAi(Family f) {
        return switch (f) {
            case SGTIN -> "01";
            case SSCC -> "00";
            case SGLN -> "414";
            case GRAI -> "8003";
            case GIAI -> "8004";
            case GSRN -> "8018";
            case GSRNP -> "8017";
            case GDTI -> "253";
            case CPI -> "8010";
            case SGCN -> "255";
            case ITIP -> "8006";
            case PGLN -> "417";
            default -> null;
        };
    }

    /** Digits of a GS1 key assembled as TDS 1.13 section 7 describes, including the check digit. */
    static String primaryValue(Family f, String[] p) {
        return switch (f) {
            case SGTIN -> gtin(p[0], p[1]);
            case ITIP -> gtin(p[0], p[1]) + p[2] + p[3];
            case SSCC -> withCheck(p[1].charAt(0) + p[0] + p[1].substring(1));
            case SGLN, GSRN, GSRNP, PGLN -> withCheck(p[0] + p[1]);
            case GRAI -> withCheck("0" + p[0] + p[1]) + p[2];
            case GDTI, SGCN -> withCheck(p[0] + p[1]) + p[2];
            case GIAI, CPI -> p[0] + p[1];
            default -> null;
        };
    }

    private static String gtin(String gcp, String itemRef) {
        byte[] d = new byte[14];
        d[0] = (byte) itemRef.charAt(0);
        copy(gcp, 0, d, 1);
        copy(itemRef, 1, d, 1 + gcp.length());
        return withCheck(d);
    }

    private static String withCheck(String digits) {
        byte[] d = new byte[digits.length() + 1];
        copy(digits, 0, d, 0);
        return withCheck(d);
    }

    /** Fills the last byte of {@code d} with the GS1 mod-10 check digit of the others. */
    private static String withCheck(byte[] d) {
        int sum = 0;
        boolean three = true;
        for (int i = d.length - 2; i >= 0; i--) {
            int v = d[i] - '0';
            sum += three ? 3 * v : v;
            three = !three;
        }
        d[d.length - 1] = (byte) ('0' + (10 - sum % 10) % 10);
        return new String(d, StandardCharsets.ISO_8859_1);
    }

    @SuppressWarnings("deprecation") // the Latin-1 byte copy is exactly what digit strings need, and fast
    private static void copy(String s, int from, byte[] d, int at) {
        s.getBytes(from, s.length(), d, at);
    }

    /** The AI of the qualifier the pure identity carries besides the key, or null (SGLN extension 0 is omitted). */
    private static String qualifierAi(Family f, String[] p) {
        return switch (f) {
            case SGTIN, ITIP -> "21";
            case SGLN -> "0".equals(p[2]) ? null : "254";
            case CPI -> "8011";
            default -> null;
        };
    }

    private static String qualifierValue(Family f, String[] p) {
        return f == Family.ITIP ? p[4] : p[2];
    }

    static String elementString(Family f, String[] p, String key) {
        String ai = primaryAi(f);
        if (ai == null) {
            return null;
        }
        String q = qualifierAi(f, p);
        return q == null ? "(" + ai + ")" + key : "(" + ai + ")" + key + "(" + q + ")" + qualifierValue(f, p);
    }

    static String digitalLink(Family f, String[] p, String key) {
        return digitalLink(f, p, key, true);
    }

    /** @param escape false when key and qualifier are known to be digits and letters only */
    static String digitalLink(Family f, String[] p, String key, boolean escape) {
        String ai = primaryAi(f);
        if (ai == null) {
            return null;
        }
        String q = qualifierAi(f, p);
        String k = escape ? Chars.dlEscape(key) : key;
        if (q == null) {
            return DL_ROOT + ai + "/" + k;
        }
        String v = qualifierValue(f, p);
        return DL_ROOT + ai + "/" + k + "/" + q + "/" + (escape ? Chars.dlEscape(v) : v);
    }

    // ------------------------------------------------------------------ GS1 keys to pure identity

    /** Parses a human-readable element string such as {@code (01)80614141123458(21)6789}. */
    static Map<String, String> parseElementString(String s) {
        Map<String, String> ais = new LinkedHashMap<>();
        int i = 0;
        while (i < s.length()) {
            int close = s.indexOf(')', i);
            if (s.charAt(i) != '(' || close < 0) {
                throw new InvalidEpcException("element string '" + s + "': expected '(AI)' at position " + i);
            }
            String ai = s.substring(i + 1, close);
            if (!isKnownAi(ai)) {
                throw new InvalidEpcException("element string '" + s + "': AI (" + ai + ") is not one an EPC uses");
            }
            int end = close + 1;
            while (end < s.length() && !startsWithAi(s, end)) {
                end++;
            }
            ais.put(ai, s.substring(close + 1, end));
            i = end;
        }
        return ais;
    }

    private static boolean startsWithAi(String s, int at) {
        if (s.charAt(at) != '(') {
            return false;
        }
        int close = s.indexOf(')', at);
        return close > at && isKnownAi(s.substring(at + 1, close));
    }

    private static boolean isKnownAi(String ai) {
        return switch (ai) {
            case "00", "01", "21", "253", "254", "255", "414", "417", "8003", "8004", "8006", "8010", "8011",
                 "8017", "8018" -> true;
            default -> false;
        };
    }

    /**
     * Parses the path of a GS1 Digital Link URI (any host, optional path prefix) into AIs; the query string
     * and fragment are ignored, values are percent-decoded.
     */
    static Map<String, String> parseDigitalLink(String uri) {
        int schemeEnd = uri.indexOf("://");
        int pathStart = schemeEnd < 0 ? -1 : uri.indexOf('/', schemeEnd + 3);
        if (pathStart < 0) {
            throw new InvalidEpcException("Digital Link '" + uri + "' has no path");
        }
        String path = uri.substring(pathStart + 1);
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        String[] seg = path.split("/", -1);
        int start = 0;
        while (start < seg.length && primaryFamily(seg[start]) == null) {
            start++;
        }
        if (start == seg.length) {
            throw new InvalidEpcException("Digital Link '" + uri + "' has no GS1 primary key that an EPC can represent");
        }
        if ((seg.length - start) % 2 != 0) {
            throw new InvalidEpcException("Digital Link '" + uri + "': AI '" + seg[seg.length - 1] + "' has no value");
        }
        Map<String, String> ais = new LinkedHashMap<>();
        for (int i = start; i < seg.length; i += 2) {
            ais.put(seg[i], percentDecode(seg[i + 1], uri));
        }
        return ais;
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) {
                return i;
            }
        }
        return -1;
    }

    private static String percentDecode(String s, String uri) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        byte[] out = new byte[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (lo < 0) {
                    throw new InvalidEpcException("Digital Link '" + uri + "': bad percent escape in '" + s + "'");
                }
                out[n++] = (byte) (hi * 16 + lo);
                i += 2;
            } else {
                out[n++] = (byte) c;
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    private static Family primaryFamily(String ai) {
        for (Family f : Family.values()) {
            if (ai.equals(primaryAi(f))) {
                return f;
            }
        }
        return null;
    }

    /**
     * Builds the pure-identity URI for GS1 keys, splitting company prefix and reference at
     * {@code gcpLength} digits (a Digital Link or element string does not say where the prefix ends).
     */
    static String toPureIdentity(Map<String, String> ais, int gcpLength) {
        Family f = null;
        String key = null;
        for (Map.Entry<String, String> e : ais.entrySet()) {
            f = primaryFamily(e.getKey());
            if (f != null) {
                key = e.getValue();
                break;
            }
        }
        if (f == null) {
            throw new InvalidEpcException("no GS1 primary key that an EPC can represent in " + ais.keySet());
        }
        if (gcpLength < 6 || gcpLength > 12) {
            throw new InvalidEpcException("GS1 Company Prefix length " + gcpLength + " is not 6 to 12 digits");
        }
        int l = gcpLength;
        String[] p = switch (f) {
            case SGTIN -> {
                checked("GTIN", key, 14);
                yield new String[] {key.substring(1, 1 + l), key.charAt(0) + key.substring(1 + l, 13), required(ais, "21", "GTIN")};
            }
            case ITIP -> {
                checkDigits("ITIP", key, 18);
                checked("GTIN in ITIP", key.substring(0, 14), 14);
                yield new String[] {key.substring(1, 1 + l), key.charAt(0) + key.substring(1 + l, 13),
                    key.substring(14, 16), key.substring(16, 18), required(ais, "21", "ITIP")};
            }
            case SSCC -> {
                checked("SSCC", key, 18);
                yield new String[] {key.substring(1, 1 + l), key.charAt(0) + key.substring(1 + l, 17)};
            }
            case SGLN -> {
                checked("GLN", key, 13);
                yield new String[] {key.substring(0, l), key.substring(l, 12), ais.getOrDefault("254", "0")};
            }
            case PGLN -> {
                checked("party GLN", key, 13);
                yield new String[] {key.substring(0, l), key.substring(l, 12)};
            }
            case GSRN, GSRNP -> {
                checked(f.name(), key, 18);
                yield new String[] {key.substring(0, l), key.substring(l, 17)};
            }
            case GRAI -> {
                if (key.length() < 15) {
                    throw new InvalidEpcException("GRAI '" + key + "' has no serial component; an EPC needs one");
                }
                if (key.charAt(0) != '0') {
                    throw new InvalidEpcException("GRAI '" + key + "' must start with the digit 0");
                }
                checked("GRAI", key.substring(0, 14), 14);
                yield new String[] {key.substring(1, 1 + l), key.substring(1 + l, 13), key.substring(14)};
            }
            case GDTI, SGCN -> {
                if (key.length() < 14) {
                    throw new InvalidEpcException(f.name() + " '" + key + "' has no serial component; an EPC needs one");
                }
                checked(f.name(), key.substring(0, 13), 13);
                yield new String[] {key.substring(0, l), key.substring(l, 12), key.substring(13)};
            }
            case GIAI, CPI -> {
                if (key.length() <= l || !Chars.isDigits(key.substring(0, l))) {
                    throw new InvalidEpcException(f.name() + " '" + key + "' does not start with a " + l + "-digit company prefix");
                }
                yield f == Family.GIAI ? new String[] {key.substring(0, l), key.substring(l)}
                        : new String[] {key.substring(0, l), key.substring(l), required(ais, "8011", "CPI")};
            }
            default -> throw new IllegalStateException(f.name());
        };
        StringBuilder b = new StringBuilder("urn:epc:id:").append(f.urnName).append(':');
        for (int i = 0; i < p.length; i++) {
            b.append(i == 0 ? "" : ".").append(Chars.uriEscape(p[i]));
        }
        return b.toString();
    }

    private static String required(Map<String, String> ais, String ai, String what) {
        String v = ais.get(ai);
        if (v == null) {
            throw new InvalidEpcException(what + " without AI (" + ai + ") identifies a class, not an instance; an EPC needs it");
        }
        return v;
    }

    private static void checkDigits(String what, String v, int len) {
        if (v.length() != len || !Chars.isDigits(v)) {
            throw new InvalidEpcException(what + " '" + v + "' must be " + len + " digits");
        }
    }

    /** Refuses a key of the wrong length or with a wrong GS1 mod-10 check digit in its last position. */
    private static void checked(String what, String v, int len) {
        checkDigits(what, v, len);
        char expected = Chars.checkDigit(v.substring(0, len - 1));
        if (v.charAt(len - 1) != expected) {
            throw new InvalidEpcException(what + " " + v + ": check digit is " + v.charAt(len - 1) + ", expected " + expected);
        }
    }
}
