package org.openrfid.trace.pipeline.filter;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.openrfid.trace.identity.TagIdentity;

/**
 * An EPC pattern as ALE and GS1 EPC TDS write them, matched against a decoded {@link TagIdentity}.
 *
 * <ul>
 *   <li>{@code urn:epc:pat:<scheme>:<f1>.<f2>...} — against the tag URI ({@code urn:epc:tag:sgtin-96:3.0614141.812345.6789}
 *       is matched by {@code urn:epc:pat:sgtin-96:3.0614141.*.*}); the filter value is the first field;</li>
 *   <li>{@code urn:epc:idpat:<family>:<f1>...} — against the pure-identity URI, for rules that must not care
 *       about the binary scheme or filter value ({@code urn:epc:idpat:sgtin:0614141.*.*}).</li>
 * </ul>
 * Each field is a literal value, {@code *} (any value; ALE's {@code X} is read the same way) or a decimal
 * range {@code [lo-hi]} (inclusive, as in ALE 1.1 filter patterns). The number of fields must equal the
 * scheme's.
 */
public final class EpcPattern {

    private static final String TAG_PATTERN = "urn:epc:pat:";
    private static final String ID_PATTERN = "urn:epc:idpat:";

    private final String text;
    private final boolean pureIdentity;
    /** The prefix a matching URI starts with: {@code urn:epc:tag:sgtin-96:} or {@code urn:epc:id:sgtin:}. */
    private final String uriPrefix;
    private final Field[] fields;

    private EpcPattern(String text, boolean pureIdentity, String uriPrefix, Field[] fields) {
        this.text = text;
        this.pureIdentity = pureIdentity;
        this.uriPrefix = uriPrefix;
        this.fields = fields;
    }

    private record Field(String literal, BigInteger low, BigInteger high) {
        boolean any() {
            return literal == null && low == null;
        }

        boolean matches(String value) {
            if (any()) {
                return true;
            }
            if (literal != null) {
                return literal.equals(value);
            }
            if (value.isEmpty() || value.length() > 40 || !value.chars().allMatch(Character::isDigit)) {
                return false;
            }
            BigInteger v = new BigInteger(value);
            return v.compareTo(low) >= 0 && v.compareTo(high) <= 0;
        }
    }

    /** Parses a pattern; throws {@link IllegalArgumentException} naming what is wrong. */
    public static EpcPattern parse(String text) {
        Objects.requireNonNull(text, "pattern");
        String s = text.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        boolean id;
        String rest;
        if (lower.startsWith(TAG_PATTERN)) {
            id = false;
            rest = s.substring(TAG_PATTERN.length());
        } else if (lower.startsWith(ID_PATTERN)) {
            id = true;
            rest = s.substring(ID_PATTERN.length());
        } else {
            throw new IllegalArgumentException("EPC pattern must start with urn:epc:pat: or urn:epc:idpat:, was '" + text + "'");
        }
        int colon = rest.indexOf(':');
        if (colon <= 0 || colon == rest.length() - 1) {
            throw new IllegalArgumentException("EPC pattern '" + text + "' needs <scheme>:<fields>");
        }
        String scheme = rest.substring(0, colon).toLowerCase(Locale.ROOT);
        String[] parts = rest.substring(colon + 1).split("\\.", -1);
        Field[] fields = new Field[parts.length];
        for (int i = 0; i < parts.length; i++) {
            fields[i] = field(parts[i], text);
        }
        return new EpcPattern(s, id, (id ? "urn:epc:id:" : "urn:epc:tag:") + scheme + ":", fields);
    }

    public static List<EpcPattern> parseAll(List<String> texts) {
        return texts == null ? List.of() : texts.stream().map(EpcPattern::parse).toList();
    }

    private static Field field(String part, String text) {
        if (part.isEmpty()) {
            throw new IllegalArgumentException("EPC pattern '" + text + "' has an empty field");
        }
        if (part.equals("*") || part.equalsIgnoreCase("X")) {
            return new Field(null, null, null);
        }
        if (part.startsWith("[") && part.endsWith("]")) {
            int dash = part.indexOf('-');
            try {
                BigInteger low = new BigInteger(part.substring(1, dash));
                BigInteger high = new BigInteger(part.substring(dash + 1, part.length() - 1));
                if (low.signum() < 0 || low.compareTo(high) > 0) {
                    throw new IllegalArgumentException("EPC pattern '" + text + "': range " + part + " is empty");
                }
                return new Field(null, low, high);
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("EPC pattern '" + text + "': range " + part + " must be [low-high] in decimal");
            }
        }
        return new Field(part, null, null);
    }

    /** True when the identity's tag URI (or pure-identity URI for idpat) matches. Null identities never match. */
    public boolean matches(TagIdentity identity) {
        if (identity == null) {
            return false;
        }
        String uri = pureIdentity ? identity.pureIdentityUri() : identity.tagUri();
        if (uri == null || !uri.regionMatches(true, 0, uriPrefix, 0, uriPrefix.length())) {
            return false;
        }
        int start = uriPrefix.length();
        for (int i = 0; i < fields.length; i++) {
            int end = uri.indexOf('.', start);
            boolean lastField = i == fields.length - 1;
            if (lastField) {
                if (end >= 0) {
                    return false; // more fields than the pattern has
                }
                end = uri.length();
            } else if (end < 0) {
                return false;
            }
            if (!fields[i].matches(uri.substring(start, end))) {
                return false;
            }
            start = end + 1;
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
