package org.openrfid.trace.identity;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openrfid.trace.reader.RawEpc;

/**
 * Library item identifiers in the UHF EPC bank as ISO/TS 28560-4 writes them: the PC toggle bit set with
 * AFI {@code C2} (library items), and the UII (optionally the owner library's ISIL, then the primary item
 * identifier, then set information, separated by '.') in the ISO/IEC 15962 "URN Code 40" compaction:
 * <ul>
 *   <li>a 16-bit word up to {@code FA00} holds three characters: value − 1 = c1·1600 + c2·40 + c3, each
 *       0 (nothing), 1-26 A-Z, 27 '-', 28 '.', 29 ':', 30-39 0-9; a word 0 is padding;</li>
 *   <li>{@code FB} starts a long numeric string: a byte with (digits − 9) in its high and (bytes − 4) in its
 *       low nibble, then the number in that many bytes, big-endian, printed with that many digits;</li>
 *   <li>{@code FC} escapes one ISO/IEC 646 character, {@code FD} a two-byte and {@code FE} a three-byte UTF-8 character.</li>
 * </ul>
 * Scheme {@code library-uii}; fields {@code afi}, {@code uii} (the bank as hex, as for {@code iso-uii}),
 * {@code uiiText}, {@code primaryItemId}, and {@code isil} and {@code setInformation} when present.
 * Other AFIs, and banks under AFI C2 that are not valid URN Code 40, are left to the generic {@code iso-uii}
 * (opaque hex): a gate must still see the tag even when its data is in a layout we do not know.
 */
public final class LibraryUiiDecoder implements TagDataDecoder {

    /** ISO/IEC 15961 AFI of library items (ISO 28560). */
    public static final int LIBRARY_AFI = 0xC2;
    private static final int URN40_MAX = 0xFA00;
    private static final String URN40 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ-.:0123456789";

    @Override
    public Optional<TagIdentity> decode(RawEpc epc, int pcWord) {
        if (pcWord == NO_PC_WORD || (pcWord & EpcDecoder.PC_TOGGLE) == 0 || (pcWord & 0xFF) != LIBRARY_AFI) {
            return Optional.empty();
        }
        byte[] bytes = epc.bytes();
        int length = (epc.bitLength() + 7) / 8;
        String text;
        try {
            text = text(bytes, Math.min(length, bytes.length));
        } catch (InvalidEpcException notUrnCode40) {
            return Optional.empty(); // some other layout under the library AFI: kept opaque as iso-uii
        }
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String hex = Chars.hex(bytes, epc.bitLength());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("afi", "C2");
        fields.put("uii", hex);
        fields.put("uiiText", text);
        String[] parts = text.split("\\.", -1);
        if (parts.length >= 2 && isIsil(parts[0])) {
            fields.put("isil", parts[0]);
            fields.put("primaryItemId", parts[1]);
            if (parts.length == 3) {
                fields.put("setInformation", parts[2]);
            } else if (parts.length > 3) {
                fields.put("primaryItemId", String.join(".", java.util.Arrays.copyOfRange(parts, 1, parts.length)));
            }
        } else {
            fields.put("primaryItemId", text);
        }
        String uri = "urn:epc:raw:" + epc.bitLength() + ".xC2.x" + hex;
        return Optional.of(new TagIdentity("library-uii", null, uri, null, null, null, Collections.unmodifiableMap(fields), epc));
    }

    /** ISO 15511: a prefix, '-', the library's identifier; at most 16 characters. */
    static boolean isIsil(String s) {
        int dash = s.indexOf('-');
        return s.length() <= 16 && dash >= 1 && dash <= 4 && dash < s.length() - 1;
    }

    /** The UII text of the first {@code length} bytes. */
    static String text(byte[] b, int length) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < length) {
            int lead = b[i] & 0xFF;
            if (lead <= 0xFA) {
                if (i + 1 >= length) {
                    if (lead == 0) {
                        break; // a pad byte that makes the bank a whole number of words
                    }
                    throw new InvalidEpcException("library UII: URN Code 40 word cut short at byte " + i);
                }
                int word = lead << 8 | (b[i + 1] & 0xFF);
                if (word > URN40_MAX) {
                    throw new InvalidEpcException(String.format("library UII: %04X is not a URN Code 40 word", word));
                }
                if (word != 0) {
                    int v = word - 1;
                    urn40(out, v / 1600);
                    urn40(out, v / 40 % 40);
                    urn40(out, v % 40);
                }
                i += 2;
            } else if (lead == 0xFB) {
                i = longNumeric(b, length, i, out);
            } else if (lead == 0xFC) {
                need(i, 2, length);
                out.append((char) (b[i + 1] & 0x7F));
                i += 2;
            } else if (lead == 0xFD || lead == 0xFE) {
                int n = lead == 0xFD ? 2 : 3;
                need(i, n + 1, length);
                out.append(new String(b, i + 1, n, StandardCharsets.UTF_8));
                i += n + 1;
            } else {
                throw new InvalidEpcException("library UII: byte FF at " + i + " is not a URN Code 40 code");
            }
        }
        return out.toString();
    }

    private static int longNumeric(byte[] b, int length, int i, StringBuilder out) {
        need(i, 2, length);
        int digits = ((b[i + 1] >> 4) & 0x0F) + 9;
        int count = (b[i + 1] & 0x0F) + 4;
        need(i, 2 + count, length);
        java.math.BigInteger n = new java.math.BigInteger(1, java.util.Arrays.copyOfRange(b, i + 2, i + 2 + count));
        String s = n.toString();
        if (s.length() > digits) {
            throw new InvalidEpcException("library UII: long numeric " + s + " has more than " + digits + " digits");
        }
        out.append("0".repeat(digits - s.length())).append(s);
        return i + 2 + count;
    }

    private static void urn40(StringBuilder out, int c) {
        if (c != 0) {
            out.append(URN40.charAt(c - 1));
        }
    }

    private static void need(int at, int n, int length) {
        if (at + n > length) {
            throw new InvalidEpcException("library UII: code at byte " + at + " needs " + n + " bytes, the bank has " + (length - at));
        }
    }
}
