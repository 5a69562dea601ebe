package org.openrfid.trace.identity;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.openrfid.trace.reader.RawEpc;

/**
 * What an EPC bank says about the tagged object, in every representation of GS1 EPC TDS 1.13.
 *
 * <p>{@code scheme} is the lower-case TDS scheme name of the binary encoding ({@code sgtin-96},
 * {@code sgtin-198}, {@code sscc-96}, {@code sgln-96}, {@code sgln-195}, {@code grai-96}, {@code grai-170},
 * {@code giai-96}, {@code giai-202}, {@code gsrn-96}, {@code gsrnp-96}, {@code gdti-96}, {@code gdti-174},
 * {@code cpi-96}, {@code cpi-var}, {@code sgcn-96}, {@code itip-110}, {@code itip-212}, {@code gid-96},
 * {@code usdod-96}, {@code adi-var}), or one of:
 * <ul>
 *   <li>{@code unknown}: a header TDS 1.13 Table 14-1 does not assign (including the TDS 2.x "+" headers);
 *       the bits are kept in {@code epc} and as an EPC raw URI (TDS 1.13 section 12.4) in {@code tagUri};</li>
 *   <li>{@code unprogrammed}: header {@code 00} (TDS 1.13 Table 14-1);</li>
 *   <li>{@code iso-uii}: the Gen2 PC toggle bit 17h is 1 (TDS 1.13 section 9.3, Table 9-3), so the EPC bank
 *       holds an ISO/IEC 15961 UII for the AFI in PC bits 18h-1Fh (e.g. library items, ISO/TS 28560-4);
 *       the UII is kept opaque because its layout (ISO/IEC 15962 compaction per AFI) is not public here;</li>
 *   <li>any name a {@link TagDataDecoder} plug-in chooses.</li>
 * </ul>
 *
 * <p>{@code filter} is the filter value (TDS 1.13 section 10), {@code null} where the scheme has none (GID,
 * non-EPC). {@code tagUri} is the EPC tag URI (section 12.3) or raw URI (section 12.4); {@code pureIdentityUri}
 * the pure-identity URI (section 6); {@code gs1ElementString} the human-readable GS1 element string with
 * check digits (section 7, null for GID, USDOD, ADI and non-EPC); {@code digitalLink} the canonical GS1
 * Digital Link URI on {@code https://id.gs1.org} (null where there is no GS1 key).
 *
 * <p>{@code fields} holds the decoded (unescaped) components in URI order, under these keys:
 * <table>
 *   <caption>Field keys by scheme family</caption>
 *   <tr><th>family</th><th>keys</th></tr>
 *   <tr><td>sgtin</td><td>companyPrefix, itemReference (indicator digit first), serial, gtin</td></tr>
 *   <tr><td>sscc</td><td>companyPrefix, serialReference (extension digit first), sscc</td></tr>
 *   <tr><td>sgln</td><td>companyPrefix, locationReference, extension, gln</td></tr>
 *   <tr><td>grai</td><td>companyPrefix, assetType, serial, grai</td></tr>
 *   <tr><td>giai</td><td>companyPrefix, individualAssetReference, giai</td></tr>
 *   <tr><td>gsrn / gsrnp</td><td>companyPrefix, serviceReference, gsrn / gsrnp</td></tr>
 *   <tr><td>gdti</td><td>companyPrefix, documentType, serial, gdti</td></tr>
 *   <tr><td>cpi</td><td>companyPrefix, componentPartReference, serial, cpi</td></tr>
 *   <tr><td>sgcn</td><td>companyPrefix, couponReference, serial, sgcn</td></tr>
 *   <tr><td>itip</td><td>companyPrefix, itemReference, piece, total, serial, itip (AI 8006 value)</td></tr>
 *   <tr><td>gid</td><td>generalManagerNumber, objectClass, serial</td></tr>
 *   <tr><td>usdod</td><td>cageOrDodaac, serial</td></tr>
 *   <tr><td>adi</td><td>cageOrDodaac, partNumber, serial</td></tr>
 *   <tr><td>unknown</td><td>header (two hex digits, absent when shorter than 8 bits)</td></tr>
 *   <tr><td>iso-uii</td><td>afi (two hex digits), uii (the EPC bank as hex)</td></tr>
 * </table>
 *
 * <p>{@code epc} is the input exactly as read (bit length included).
 *
 * <p>Immutable and thread-safe, with the accessors, {@code equals} and {@code toString} of the record it used to
 * be. An identity decoded by {@link EpcDecoder} from a TDS scheme holds its components as numbers (or, for
 * string-valued components, as decoded strings) and builds the URIs, element string, Digital Link and field map
 * on first use: decoding, with every check TDS asks for, stays cheap for the many EPCs whose strings nobody
 * reads. {@code hashCode} depends on {@code scheme}, {@code filter} and {@code epc} only (equal identities have
 * equal values of those).
 */
public final class TagIdentity {

    private static final int TAG_PREFIX_LENGTH = "urn:epc:tag:".length();
    private static final int ID_PREFIX_LENGTH = "urn:epc:id:".length();

    private final String scheme;
    private final Integer filter;
    private final RawEpc epc;
    /** The representations given to the public constructor; null when decoded from a TDS scheme. */
    private final Given given;

    // ---- decoded form (given == null)
    private final SchemeCodec codec;
    private final int partition;
    private final long n0;
    private final long n1;
    private final long n2;
    /** Components decoded as strings, or null when they are numeric ({@link SchemeCodec#numericWidth}). */
    private final String[] parts;

    // ---- built on first use (racy single-check: String and FieldMap are immutable with final fields only, so
    // a thread either sees a complete value or null and builds an equal one)
    private FieldMap fieldMap;
    private String tagUri;
    private String pureIdentityUri;
    private String gs1ElementString;
    private String digitalLink;

    private record Given(String tagUri, String pureIdentityUri, String gs1ElementString, String digitalLink,
                         Map<String, String> fields) {
    }

    /** An identity with every representation given, e.g. by a {@link TagDataDecoder}; {@code fields} null means none. */
    public TagIdentity(String scheme, Integer filter, String tagUri, String pureIdentityUri, String gs1ElementString,
                       String digitalLink, Map<String, String> fields, RawEpc epc) {
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.epc = Objects.requireNonNull(epc, "epc");
        this.filter = filter;
        this.given = new Given(tagUri, pureIdentityUri, gs1ElementString, digitalLink, fields == null ? Map.of() : fields);
        this.codec = null;
        this.partition = 0;
        this.n0 = 0;
        this.n1 = 0;
        this.n2 = 0;
        this.parts = null;
    }

    private TagIdentity(SchemeCodec codec, RawEpc epc, int filter, int partition, long n0, long n1, long n2,
                        String[] parts) {
        this.scheme = codec.schemeName();
        this.epc = epc;
        this.filter = filter < 0 ? null : Integer.valueOf(filter);
        this.given = null;
        this.codec = codec;
        this.partition = partition;
        this.n0 = n0;
        this.n1 = n1;
        this.n2 = n2;
        this.parts = parts;
    }

    /**
     * A decoded EPC whose components are numbers, turned into strings by {@link SchemeCodec#numericWidth}.
     *
     * @param filter the filter value, or -1 when the scheme has none
     */
    static TagIdentity numeric(SchemeCodec codec, RawEpc epc, int filter, int partition, long n0, long n1, long n2) {
        return new TagIdentity(codec, epc, filter, partition, n0, n1, n2, null);
    }

    /**
     * A decoded EPC with its unescaped pure-identity components (not copied: the caller hands them over).
     *
     * @param filter the filter value, or -1 when the scheme has none
     */
    static TagIdentity withParts(SchemeCodec codec, RawEpc epc, int filter, String[] parts) {
        return new TagIdentity(codec, epc, filter, 0, 0, 0, 0, parts);
    }

    public String scheme() {
        return scheme;
    }

    public Integer filter() {
        return filter;
    }

    public RawEpc epc() {
        return epc;
    }

    /** The EPC tag URI (TDS 1.13 section 12.3) or raw URI (section 12.4). */
    public String tagUri() {
        if (given != null) {
            return given.tagUri;
        }
        String s = tagUri;
        if (s == null) {
            int f = filter == null ? -1 : filter;
            if (parts == null && pureIdentityUri == null && fieldMap == null) {
                s = numericUri("urn:epc:tag:", scheme, f);
            } else {
                String body = body();
                s = f < 0 ? "urn:epc:tag:" + scheme + ":" + body : "urn:epc:tag:" + scheme + ":" + f + "." + body;
            }
            tagUri = s;
        }
        return s;
    }

    /** The pure-identity URI (TDS 1.13 section 6), null for non-EPC data. */
    public String pureIdentityUri() {
        if (given != null) {
            return given.pureIdentityUri;
        }
        String s = pureIdentityUri;
        if (s == null) {
            s = parts == null && tagUri == null && fieldMap == null ? numericUri("urn:epc:id:", codec.family().urnName, -1)
                    : "urn:epc:id:" + codec.family().urnName + ":" + body();
            pureIdentityUri = s;
        }
        return s;
    }

    /** The GS1 element string with check digits (TDS 1.13 section 7), null where there is no GS1 key. */
    public String gs1ElementString() {
        if (given != null) {
            return given.gs1ElementString;
        }
        String s = gs1ElementString;
        if (s == null && Gs1Keys.primaryAi(codec.family()) != null) {
            FieldMap m = fieldMap();
            s = Gs1Keys.elementString(codec.family(), m.array(), m.key());
            gs1ElementString = s;
        }
        return s;
    }

    /** The canonical GS1 Digital Link URI on {@code https://id.gs1.org}, null where there is no GS1 key. */
    public String digitalLink() {
        if (given != null) {
            return given.digitalLink;
        }
        String s = digitalLink;
        if (s == null && Gs1Keys.primaryAi(codec.family()) != null) {
            FieldMap m = fieldMap();
            s = Gs1Keys.digitalLink(codec.family(), m.array(), m.key(), !codec.escapeFree());
            digitalLink = s;
        }
        return s;
    }

    /** The decoded (unescaped) components in URI order, then the GS1 key; see the class comment for the keys. */
    public Map<String, String> fields() {
        return given != null ? given.fields : fieldMap();
    }

    /** True when the EPC is a GS1 / TDS encoding (not {@code unknown}, {@code unprogrammed} or {@code iso-uii}). */
    public boolean isEpc() {
        return given == null || given.pureIdentityUri != null;
    }

    /** Components and GS1 key, built once: every string representation is made from them. */
    private FieldMap fieldMap() {
        FieldMap m = fieldMap;
        if (m == null) {
            Family f = codec.family();
            String[] p = components();
            int n = p.length;
            String key = Gs1Keys.primaryValue(f, p);
            String[] values = Arrays.copyOf(p, n + 1);
            values[n] = key;
            m = new FieldMap(f.fieldNames, values, key == null ? n : n + 1);
            fieldMap = m;
        }
        return m;
    }

    /** The unescaped pure-identity components. */
    private String[] components() {
        if (parts != null) {
            return parts;
        }
        int n = codec.family().components.length;
        String[] p = new String[n];
        String body = cachedBody();
        if (body != null) { // digits only: split at the dots
            int from = 0;
            for (int i = 0; i < n - 1; i++) {
                int dot = body.indexOf('.', from);
                p[i] = body.substring(from, dot);
                from = dot + 1;
            }
            p[n - 1] = body.substring(from);
            return p;
        }
        for (int i = 0; i < n; i++) {
            long v = number(i);
            p[i] = Chars.pad(codec.numericDigits(i, v), codec.numericWidth(i, partition, v));
        }
        return p;
    }

    /** The components part of a URI built already ({@code a.b.c}, escaped), or null. */
    private String cachedBody() {
        String pure = pureIdentityUri;
        if (pure != null) {
            return pure.substring(ID_PREFIX_LENGTH + codec.family().urnName.length() + 1);
        }
        String tag = tagUri;
        if (tag != null) {
            return tag.substring(TAG_PREFIX_LENGTH + scheme.length() + 1
                    + (filter == null ? 0 : Chars.digitCount(filter) + 1));
        }
        return null;
    }

    private long number(int i) {
        return i == 0 ? n0 : i == 1 ? n1 : n2;
    }

    /** {@code <prefix><name>:[<filter>.]<components joined by '.'>}, see {@link NumericUri}. */
    private String numericUri(String prefix, String name, int f) {
        return NumericUri.write(codec, partition, n0, n1, n2, prefix, name, f);
    }

    /** The URI components, escaped per TDS 1.13 Table A-1 where the scheme needs it, joined with '.'. */
    private String body() {
        String cached = cachedBody();
        if (cached != null) {
            return cached;
        }
        String[] p = fieldMap().array();
        boolean plain = codec.escapeFree();
        int n = codec.family().components.length;
        return switch (n) {
            case 2 -> plain ? p[0] + "." + p[1] : Chars.uriEscape(p[0]) + "." + Chars.uriEscape(p[1]);
            case 3 -> plain ? p[0] + "." + p[1] + "." + p[2]
                    : Chars.uriEscape(p[0]) + "." + Chars.uriEscape(p[1]) + "." + Chars.uriEscape(p[2]);
            default -> {
                StringBuilder b = new StringBuilder(64);
                for (int i = 0; i < n; i++) {
                    b.append(i == 0 ? "" : ".").append(plain ? p[i] : Chars.uriEscape(p[i]));
                }
                yield b.toString();
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TagIdentity t) || !scheme.equals(t.scheme) || !Objects.equals(filter, t.filter)
                || !epc.equals(t.epc)) {
            return false;
        }
        if (codec != null && codec == t.codec) {
            return true; // both decoded from the same bits by the same scheme
        }
        return Objects.equals(tagUri(), t.tagUri()) && Objects.equals(pureIdentityUri(), t.pureIdentityUri())
                && Objects.equals(gs1ElementString(), t.gs1ElementString())
                && Objects.equals(digitalLink(), t.digitalLink()) && Objects.equals(fields(), t.fields());
    }

    @Override
    public int hashCode() {
        return (31 * scheme.hashCode() + Objects.hashCode(filter)) * 31 + epc.hashCode();
    }

    @Override
    public String toString() {
        return "TagIdentity[scheme=" + scheme + ", filter=" + filter + ", tagUri=" + tagUri()
                + ", pureIdentityUri=" + pureIdentityUri() + ", gs1ElementString=" + gs1ElementString()
                + ", digitalLink=" + digitalLink() + ", fields=" + fields() + ", epc=" + epc + "]";
    }
}
