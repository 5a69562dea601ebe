package org.openrfid.trace.identity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import org.openrfid.trace.reader.RawEpc;

/**
 * Decodes the EPC bank of a Gen2 tag per GS1 EPC TDS 1.13 section 15.2 (decoding of the EPC memory bank)
 * and section 14 (EPC binary encodings) into every representation at once.
 *
 * <p>Length rule: a fixed-length scheme accepts its exact length up to the length rounded to whole
 * 16-bit words (a reader reports the EPC as the PC length field says, in words); a variable-length scheme
 * (CPI-var, ADI-var) likewise up to its word-rounded decoded length. Bits past the scheme's length are
 * ignored (they are pad bits of the last word).
 *
 * <p>Never throws for data TDS 1.13 does not define (unassigned header, TDS 2.x headers, ISO data): those
 * come back as {@code unknown} / {@code iso-uii} unless a {@link TagDataDecoder} plug-in claims them.
 * Throws {@link InvalidEpcException} for an invalid encoding of a known scheme and for header {@code E2}
 * (permanently reserved, Table 14-1: it is the first byte of a TID, not an EPC).
 *
 * <p>All checks happen in {@code decode}; the result keeps numeric components as numbers and builds its strings
 * when first asked (see {@link TagIdentity}). There is no cache of recent decodes and no other shared state: a
 * cold EPC-96 decode allocates one identity and costs about what a cache lookup did.
 */
public final class EpcDecoder {

    /** PC word toggle bit 17h (TDS 1.13 Table 9-3): 1 means the bank holds ISO/IEC 15961 data. */
    static final int PC_TOGGLE = 0x0100;

    private EpcDecoder() {
    }

    /** Decodes an EPC without its PC word (as a GS1 EPC unless the header says otherwise). */
    public static TagIdentity decode(RawEpc epc) {
        return decode(epc, TagDataDecoder.NO_PC_WORD);
    }

    /**
     * Decodes an EPC with the Gen2 PC word the reader reported.
     *
     * <p>When the toggle bit 0x0100 is set, the EPC bank holds a UII under the ISO/IEC 15961 AFI in the low
     * 8 bits of the PC word (TDS 1.13 section 9.3). Registered {@link TagDataDecoder}s are asked first;
     * otherwise the result is scheme {@code iso-uii} with fields {@code afi} and {@code uii} (the EPC bank
     * as opaque hex: ISO/TS 28560-4 library UIIs and other ISO layouts are not decoded) and the raw URI
     * {@code urn:epc:raw:<bits>.x<AFI>.x<hex>} (section 12.4) as tag URI.
     *
     * @param pcWord the 16-bit PC word, or {@link TagDataDecoder#NO_PC_WORD}
     */
    public static TagIdentity decode(RawEpc epc, int pcWord) {
        return decode(epc, pcWord, Plugins.ALL);
    }

    /** As {@link #decode(RawEpc, int)} with the given plug-ins instead of the ServiceLoader ones. */
    static TagIdentity decode(RawEpc epc, int pcWord, List<TagDataDecoder> plugins) {
        Objects.requireNonNull(epc, "epc");
        if (pcWord != TagDataDecoder.NO_PC_WORD && (pcWord < 0 || pcWord > 0xFFFF)) {
            throw new InvalidEpcException("PC word " + pcWord + " is not a 16-bit value");
        }
        boolean iso = pcWord != TagDataDecoder.NO_PC_WORD && (pcWord & PC_TOGGLE) != 0;
        int bits = epc.bitLength();
        byte[] bytes = epc.bytes();
        if (iso) {
            return plugin(plugins, epc, pcWord).orElseGet(() -> isoUii(epc, bytes, pcWord & 0xFF));
        }
        if (bits < 8) {
            return plugin(plugins, epc, pcWord).orElseGet(() -> raw("unknown", epc, bytes, Map.of()));
        }
        int header = bytes[0] & 0xFF;
        if (header == 0x00) {
            return raw("unprogrammed", epc, bytes, Map.of());
        }
        if (header == 0xE2) {
            throw new InvalidEpcException("header E2 is permanently reserved (TDS 1.13 Table 14-1): it is the first"
                    + " byte of a Gen2 TID, so the reader probably reported the TID bank as the EPC");
        }
        SchemeCodec scheme = Schemes.byHeader(header);
        if (scheme == null) {
            String h = Chars.hex(bytes, 8);
            return plugin(plugins, epc, pcWord).orElseGet(() -> raw("unknown", epc, bytes, Map.of("header", h)));
        }
        return decode(scheme, epc, bytes, bits);
    }

    /**
     * Checks the length, then decodes and checks every field; the strings (URIs, element string, Digital Link,
     * field map) are made by the identity when first asked for.
     */
    private static TagIdentity decode(SchemeCodec scheme, RawEpc epc, byte[] bytes, int bits) {
        int fixed = scheme.fixedBits();
        if (fixed > 0 && (bits < fixed || bits > Schemes.wordRounded(fixed))) {
            throw new InvalidEpcException(String.format("wrong length for header %02X: %s is %d bits, the EPC has %d",
                    scheme.header(), scheme.schemeName(), fixed, bits));
        }
        BitReader r = new BitReader(bytes, bits, scheme.schemeName());
        r.read(8, "header");
        TagIdentity id = scheme.decode(r, epc);
        if (fixed == 0 && bits > Schemes.wordRounded(r.position())) {
            throw new InvalidEpcException("wrong length for header " + Chars.hex(bytes, 8) + ": this " + scheme.schemeName()
                    + " ends at bit " + r.position() + ", the EPC has " + bits + " bits");
        }
        return id;
    }

    private static TagIdentity raw(String scheme, RawEpc epc, byte[] bytes, Map<String, String> fields) {
        String uri = "urn:epc:raw:" + epc.bitLength() + ".x" + Chars.hex(bytes, epc.bitLength());
        return new TagIdentity(scheme, null, uri, null, null, null, fields, epc);
    }

    private static TagIdentity isoUii(RawEpc epc, byte[] bytes, int afi) {
        String afiHex = String.format("%02X", afi);
        String hex = Chars.hex(bytes, epc.bitLength());
        String uri = "urn:epc:raw:" + epc.bitLength() + ".x" + afiHex + ".x" + hex;
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("afi", afiHex);
        fields.put("uii", hex);
        return new TagIdentity("iso-uii", null, uri, null, null, null, Collections.unmodifiableMap(fields), epc);
    }

    private static Optional<TagIdentity> plugin(List<TagDataDecoder> plugins, RawEpc epc, int pcWord) {
        for (TagDataDecoder d : plugins) {
            Optional<TagIdentity> id = d.decode(epc, pcWord);
            if (id != null && id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    /** Plug-ins found once, with the class loader of this library (works inside a Spring Boot jar too). */
    private static final class Plugins {
        static final List<TagDataDecoder> ALL = ServiceLoader
                .load(TagDataDecoder.class, TagDataDecoder.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).toList();
    }
}
