package org.openrfid.trace.identity;

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
 */
public record TagIdentity(
        String scheme,
        Integer filter,
        String tagUri,
        String pureIdentityUri,
        String gs1ElementString,
        String digitalLink,
        Map<String, String> fields,
        RawEpc epc) {

    public TagIdentity {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(epc, "epc");
        fields = fields == null ? Map.of() : fields;
    }

    /** True when the EPC is a GS1 / TDS encoding (not {@code unknown}, {@code unprogrammed} or {@code iso-uii}). */
    public boolean isEpc() {
        return pureIdentityUri != null;
    }
}
