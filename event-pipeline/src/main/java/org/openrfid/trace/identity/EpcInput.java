package org.openrfid.trace.identity;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.ServiceLoader;
import org.openrfid.trace.reader.RawEpc;

/**
 * Accepts an EPC in whatever form a user or another system gives it and turns it into binary or into the
 * pure-identity URI used for queries. Recognised forms:
 * <ul>
 *   <li>hex ({@code 3074257BF7194E4000001A85}, optional {@code 0x}), four bits per digit;</li>
 *   <li>EPC tag URI ({@code urn:epc:tag:...}, GS1 EPC TDS 1.13 section 12.3);</li>
 *   <li>EPC raw URI ({@code urn:epc:raw:...}, section 12.4; an AFI in it is dropped);</li>
 *   <li>pure-identity URI ({@code urn:epc:id:...}, section 6): filter 0, and the shortest scheme of the
 *       family that can hold the values, e.g. SGTIN-96 when the serial is an integer below 2^38 without
 *       leading zeros, else SGTIN-198 (likewise SGLN-96/195, GRAI-96/170, GIAI-96/202, GDTI-96/174,
 *       CPI-96/var, ITIP-110/212);</li>
 *   <li>GS1 Digital Link URI ({@code https://id.gs1.org/01/...}, any host) or element string
 *       ({@code (01)...(21)...}), check digits verified. These do not say how long the company prefix is:
 *       pass it with {@link #parse(String, int)} or register {@link CompanyPrefixLengths}.</li>
 * </ul>
 */
public final class EpcInput {

    private static final String ID_PREFIX = "urn:epc:id:";
    private static final String RAW_PREFIX = "urn:epc:raw:";
    private static final int NO_GCP = -1;

    private EpcInput() {
    }

    public static RawEpc parse(String anyForm) {
        return parse(anyForm, NO_GCP);
    }

    /** As {@link #parse(String)}, splitting Digital Link and element-string keys after {@code gcpLength} digits. */
    public static RawEpc parse(String anyForm, int gcpLength) {
        String s = requireText(anyForm);
        String lower = s.length() > 12 ? s.substring(0, 12).toLowerCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT);
        if (lower.startsWith(EpcEncoder.TAG_PREFIX)) {
            return EpcEncoder.encode(s);
        }
        if (lower.startsWith(ID_PREFIX)) {
            return fromPureIdentity(s);
        }
        if (lower.startsWith(RAW_PREFIX)) {
            return fromRawUri(s);
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return fromPureIdentity(toPure(Gs1Keys.parseDigitalLink(s), gcpLength));
        }
        if (s.startsWith("(")) {
            return fromPureIdentity(toPure(Gs1Keys.parseElementString(s), gcpLength));
        }
        if (lower.startsWith("urn:")) {
            throw new InvalidEpcException("'" + s + "' is not an EPC tag, pure-identity or raw URI"
                    + " (urn:epc:tag:, urn:epc:id:, urn:epc:raw:)");
        }
        String hex = lower.startsWith("0x") ? s.substring(2) : s;
        return parseHex(hex, hex.length() * 4);
    }

    /** Hex with an explicit bit length (as LLRP reports it); pad bits beyond {@code bits} are cleared. */
    public static RawEpc parseHex(String hex, int bits) {
        String s = requireText(hex);
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                throw new InvalidEpcException("EPC hex contains non-hex character '" + Chars.printable(s.charAt(i))
                        + "' at position " + (i + 1) + ": '" + s + "'");
            }
        }
        if (bits <= 0 || bits > s.length() * 4 || bits <= (s.length() - 1) * 4) {
            throw new InvalidEpcException(bits + " bits do not match " + s.length() + " hex digits");
        }
        String even = (s.length() & 1) == 1 ? s + "0" : s;
        byte[] bytes = new byte[even.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(even, 2 * i, 2 * i + 2, 16);
        }
        return new RawEpc(bytes, bits);
    }

    /** Normalises any accepted form to the EPC pure-identity URI (TDS 1.13 section 6), for queries. */
    public static String pureIdentity(String anyForm) {
        return pureIdentity(anyForm, NO_GCP);
    }

    public static String pureIdentity(String anyForm, int gcpLength) {
        String s = requireText(anyForm);
        String pure = pureOrNull(s, gcpLength);
        if (pure != null && pure.regionMatches(true, 0, ID_PREFIX + "pgln:", 0, 16)) {
            return pgln(pure);
        }
        TagIdentity id = EpcDecoder.decode(pure != null ? fromPureIdentity(pure) : parse(s, gcpLength));
        if (id.pureIdentityUri() == null) {
            throw new InvalidEpcException("a tag with scheme '" + id.scheme() + "' has no EPC pure identity: " + s);
        }
        return id.pureIdentityUri();
    }

    /** The canonical GS1 Digital Link URI of any accepted form, or null when the EPC has no GS1 key. */
    public static String digitalLink(String anyForm) {
        return digitalLink(anyForm, NO_GCP);
    }

    public static String digitalLink(String anyForm, int gcpLength) {
        String pure = pureIdentity(anyForm, gcpLength);
        if (pure.startsWith(ID_PREFIX + "pgln:")) {
            String[] p = EpcEncoder.split(pure.substring(16), Family.PGLN, "pgln");
            return Gs1Keys.digitalLink(Family.PGLN, p, Gs1Keys.primaryValue(Family.PGLN, p));
        }
        return EpcDecoder.decode(fromPureIdentity(pure)).digitalLink();
    }

    private static String pureOrNull(String s, int gcpLength) {
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith(ID_PREFIX)) {
            return s;
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return toPure(Gs1Keys.parseDigitalLink(s), gcpLength);
        }
        if (s.startsWith("(")) {
            return toPure(Gs1Keys.parseElementString(s), gcpLength);
        }
        return null;
    }

    /** PGLN has no binary encoding in TDS 1.13, so its pure identity is checked here. */
    private static String pgln(String pure) {
        String[] p = EpcEncoder.split(pure.substring(16), Family.PGLN, "pgln");
        if (PartitionTable.partitionFor(p[0].length()) < 0 || !Chars.isDigits(p[0]) || !Chars.isDigits(p[1])
                || p[0].length() + p[1].length() != 12) {
            throw new InvalidEpcException("pgln: company prefix (6 to 12 digits) and party reference must be 12 digits together: " + pure);
        }
        return ID_PREFIX + "pgln:" + p[0] + "." + p[1];
    }

    private static RawEpc fromPureIdentity(String pure) {
        String rest = pure.substring(ID_PREFIX.length());
        int colon = rest.indexOf(':');
        Family family = colon < 0 ? null : Family.byUrnName(rest.substring(0, colon).toLowerCase(Locale.ROOT));
        if (family == null) {
            throw new InvalidEpcException("'" + pure + "' is not an EPC pure identity of TDS 1.13 section 6");
        }
        List<SchemeCodec> schemes = Schemes.byFamily(family);
        if (schemes.isEmpty()) {
            throw new InvalidEpcException(family.urnName + " has no EPC binary encoding in TDS 1.13: " + pure);
        }
        String[] parts = EpcEncoder.split(rest.substring(colon + 1), family, family.urnName);
        InvalidEpcException last = null;
        for (SchemeCodec scheme : schemes) {
            try {
                return EpcEncoder.encode(scheme, scheme.filterBits() > 0 ? 0 : -1, parts);
            } catch (InvalidEpcException e) {
                last = e;
            }
        }
        throw last;
    }

    /** TDS 1.13 section 12.4: {@code urn:epc:raw:<len>.x<hex>}, {@code <len>.<decimal>} or {@code <len>.x<AFI>.x<hex>}. */
    private static RawEpc fromRawUri(String uri) {
        String[] p = uri.substring(RAW_PREFIX.length()).split("\\.", -1);
        if (p.length < 2 || p.length > 3 || !Chars.isCanonicalInteger(p[0]) || p[0].length() > 4) {
            throw new InvalidEpcException("raw URI '" + uri + "' must be urn:epc:raw:<length>.x<hex> or <length>.<decimal>");
        }
        int bits = Integer.parseInt(p[0]);
        String value = p[p.length - 1];
        if (value.startsWith("x") || value.startsWith("X")) {
            String hex = value.substring(1);
            return parseHex(hex + "0".repeat(Math.max(0, (bits + 3) / 4 - hex.length())), bits);
        }
        if (!Chars.isDigits(value) || value.isEmpty()) {
            throw new InvalidEpcException("raw URI '" + uri + "': value must be decimal or x followed by hex");
        }
        BigInteger v = new BigInteger(value);
        if (v.bitLength() > bits) {
            throw new InvalidEpcException("raw URI '" + uri + "': value does not fit " + bits + " bits");
        }
        byte[] bytes = new byte[(bits + 7) / 8];
        BigInteger aligned = v.shiftLeft(bytes.length * 8 - bits);
        byte[] mag = aligned.toByteArray();
        int n = Math.min(mag.length, bytes.length);
        System.arraycopy(mag, mag.length - n, bytes, bytes.length - n, n);
        return new RawEpc(bytes, bits);
    }

    private static String toPure(Map<String, String> ais, int gcpLength) {
        if (gcpLength != NO_GCP) {
            return Gs1Keys.toPureIdentity(ais, gcpLength);
        }
        Map.Entry<String, String> key = ais.entrySet().iterator().next();
        for (CompanyPrefixLengths p : Lengths.ALL) {
            OptionalInt l = p.lengthOf(key.getKey(), key.getValue());
            if (l.isPresent()) {
                return Gs1Keys.toPureIdentity(ais, l.getAsInt());
            }
        }
        throw new InvalidEpcException("the GS1 Company Prefix length of (" + key.getKey() + ")" + key.getValue()
                + " is unknown: give it explicitly (e.g. gcp parameter) or register a CompanyPrefixLengths service");
    }

    private static String requireText(String s) {
        if (s == null || s.isBlank()) {
            throw new InvalidEpcException("EPC input is empty");
        }
        return s.strip();
    }

    private static final class Lengths {
        static final List<CompanyPrefixLengths> ALL = ServiceLoader
                .load(CompanyPrefixLengths.class, CompanyPrefixLengths.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).toList();
    }
}
