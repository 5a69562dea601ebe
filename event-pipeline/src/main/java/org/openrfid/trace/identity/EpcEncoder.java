package org.openrfid.trace.identity;

import java.util.Locale;
import org.openrfid.trace.reader.RawEpc;

/**
 * Encodes an EPC tag URI (GS1 EPC TDS 1.13 section 12.3, {@code urn:epc:tag:<scheme>:<filter>.<fields>})
 * into its binary encoding (section 15.1 encoding procedure, layouts of section 14.5). Components are
 * URI-unescaped first (Table A-1); values a scheme cannot hold are refused with {@link InvalidEpcException}.
 * The result has exactly the scheme's bit length (e.g. 198 bits for SGTIN-198, not word-padded).
 */
public final class EpcEncoder {

    static final String TAG_PREFIX = "urn:epc:tag:";

    private EpcEncoder() {
    }

    public static RawEpc encode(String tagUri) {
        if (tagUri == null || !tagUri.regionMatches(true, 0, TAG_PREFIX, 0, TAG_PREFIX.length())) {
            throw new InvalidEpcException("not an EPC tag URI (urn:epc:tag:...): '" + tagUri + "'");
        }
        String rest = tagUri.substring(TAG_PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon < 0) {
            throw new InvalidEpcException("tag URI '" + tagUri + "' has no scheme name");
        }
        String name = rest.substring(0, colon).toLowerCase(Locale.ROOT);
        SchemeCodec scheme = Schemes.byName(name);
        if (scheme == null) {
            throw new InvalidEpcException("tag URI '" + tagUri + "': '" + name
                    + "' is not an EPC scheme of TDS 1.13 Table 14-1 (e.g. sgtin-96, sscc-96, giai-202)");
        }
        String body = rest.substring(colon + 1);
        int filter = -1;
        if (scheme.filterBits() > 0) {
            int dot = body.indexOf('.');
            String f = dot < 0 ? body : body.substring(0, dot);
            int max = (1 << scheme.filterBits()) - 1;
            if (f.isEmpty() || f.length() > 2 || !Chars.isDigits(f) || Integer.parseInt(f) > max) {
                throw new InvalidEpcException(name + ": filter '" + f + "' must be a number from 0 to " + max);
            }
            filter = Integer.parseInt(f);
            body = dot < 0 ? "" : body.substring(dot + 1);
        }
        return encode(scheme, filter, split(body, scheme.family(), name));
    }

    static RawEpc encode(SchemeCodec scheme, int filter, String[] parts) {
        BitWriter w = new BitWriter();
        scheme.encode(w, filter, parts);
        return w.toEpc();
    }

    /** Splits URI components on '.'; the last one may itself contain '.', which TDS does not escape. */
    static String[] split(String body, Family family, String what) {
        int n = family.components.length;
        String[] parts = body.split("\\.", n);
        if (parts.length != n) {
            throw new InvalidEpcException(what + ": expected " + n + " components (" + String.join(".", family.components)
                    + ") but found " + parts.length + " in '" + body + "'");
        }
        for (int i = 0; i < n; i++) {
            parts[i] = Chars.uriUnescape(parts[i], what + " " + family.components[i]);
        }
        return parts;
    }
}
