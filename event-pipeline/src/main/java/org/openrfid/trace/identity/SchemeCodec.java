package org.openrfid.trace.identity;

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
     * Decodes the fields after the 8-bit header.
     *
     * @param parts receives the unescaped pure-identity components, {@code family().components.length} of them
     * @return the filter value, or -1 when the scheme has none
     */
    int decode(BitReader r, String[] parts);

    /** True when every component is digits or letters, so URIs and Digital Links need no escaping. */
    boolean escapeFree();

    /** Encodes header, filter and the unescaped components; refuses values the scheme cannot hold. */
    void encode(BitWriter w, int filter, String[] parts);
}
