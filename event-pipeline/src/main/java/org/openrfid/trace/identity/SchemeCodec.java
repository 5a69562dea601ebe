package org.openrfid.trace.identity;

import org.openrfid.trace.reader.RawEpc;

/** One EPC binary encoding scheme of GS1 EPC TDS 1.13 Table 14-1: its header, layout and URI components. */
interface SchemeCodec {

    /** Lower-case TDS name as in the tag URI, e.g. {@code sgtin-96}. */
    String schemeName();

    int header();

    Family family();

    /** Filter field width in bits, 0 when the scheme has no filter (GID-96). */
    int filterBits();

    /** Encoded length in bits for fixed-length schemes, 0 for variable-length ones. */
    int fixedBits();

    /**
     * Decodes and checks the fields after the 8-bit header. Every check happens here; the identity only turns
     * the decoded values into strings, on demand.
     *
     * @param epc the EPC being decoded, kept in the identity
     */
    TagIdentity decode(BitReader r, RawEpc epc);

    /**
     * For an identity this scheme decoded as numbers ({@link TagIdentity#numeric}): how many decimal digits
     * component {@code i} with number {@code v} has, leading zeros included (GS1 fixed-digit fields).
     */
    int numericWidth(int i, int partition, long v);

    /**
     * The number whose decimal form, zero-padded to {@link #numericWidth}, is component {@code i}: {@code v}
     * itself except for encodings such as the numeric string, which stores a leading '1'.
     */
    default long numericDigits(int i, long v) {
        return v;
    }

    /** True when every component is digits or letters, so URIs and Digital Links need no escaping. */
    boolean escapeFree();

    /** Encodes header, filter and the unescaped components; refuses values the scheme cannot hold. */
    void encode(BitWriter w, int filter, String[] parts);
}
