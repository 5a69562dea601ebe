package org.openrfid.trace.identity;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.openrfid.trace.reader.RawEpc;

/**
 * Random valid field values per scheme: tag URI -> binary -> tag URI is the identity, and the pure identity
 * and hex forms parse back to the same binary. Random bytes never raise anything but {@link InvalidEpcException}.
 */
class EpcRoundTripPropertyTests {

    private static final String AI82 =
            "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    private static final String CPI6 = "#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ADI6 = "-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String CAGE = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int[] GCP_BITS = {40, 37, 34, 30, 27, 24, 20};

    // ------------------------------------------------------------------ one property per scheme

    @Property(tries = 300) void sgtin96(@ForAll("sgtin96") String uri) { roundTrip(uri); }
    @Property(tries = 300) void sgtin198(@ForAll("sgtin198") String uri) { roundTrip(uri); }
    @Property(tries = 300) void sscc96(@ForAll("sscc96") String uri) { roundTrip(uri); }
    @Property(tries = 300) void sgln96(@ForAll("sgln96") String uri) { roundTrip(uri); }
    @Property(tries = 300) void sgln195(@ForAll("sgln195") String uri) { roundTrip(uri); }
    @Property(tries = 300) void grai96(@ForAll("grai96") String uri) { roundTrip(uri); }
    @Property(tries = 300) void grai170(@ForAll("grai170") String uri) { roundTrip(uri); }
    @Property(tries = 300) void giai96(@ForAll("giai96") String uri) { roundTrip(uri); }
    @Property(tries = 300) void giai202(@ForAll("giai202") String uri) { roundTrip(uri); }
    @Property(tries = 300) void gsrn96(@ForAll("gsrn96") String uri) { roundTrip(uri); }
    @Property(tries = 300) void gsrnp96(@ForAll("gsrnp96") String uri) { roundTrip(uri); }
    @Property(tries = 300) void gdti96(@ForAll("gdti96") String uri) { roundTrip(uri); }
    @Property(tries = 300) void gdti174(@ForAll("gdti174") String uri) { roundTrip(uri); }
    @Property(tries = 300) void cpi96(@ForAll("cpi96") String uri) { roundTrip(uri); }
    @Property(tries = 300) void cpiVar(@ForAll("cpiVar") String uri) { roundTrip(uri); }
    @Property(tries = 300) void sgcn96(@ForAll("sgcn96") String uri) { roundTrip(uri); }
    @Property(tries = 300) void itip110(@ForAll("itip110") String uri) { roundTrip(uri); }
    @Property(tries = 300) void itip212(@ForAll("itip212") String uri) { roundTrip(uri); }
    @Property(tries = 300) void gid96(@ForAll("gid96") String uri) { roundTrip(uri); }
    @Property(tries = 300) void usdod96(@ForAll("usdod96") String uri) { roundTrip(uri); }
    @Property(tries = 300) void adiVar(@ForAll("adiVar") String uri) { roundTrip(uri); }

    private static void roundTrip(String tagUri) {
        RawEpc epc = EpcEncoder.encode(tagUri);
        TagIdentity id = EpcDecoder.decode(epc);
        assertThat(id.tagUri()).isEqualTo(tagUri);
        assertThat(id.scheme()).isEqualTo(tagUri.split(":")[3]);
        // word-padded, as a Gen2 reader reports it
        int words = (epc.bitLength() + 15) / 16 * 16;
        RawEpc padded = EpcInput.parseHex(Chars.hex(java.util.Arrays.copyOf(epc.bytes(), words / 8), words), words);
        assertThat(EpcDecoder.decode(padded).tagUri()).isEqualTo(tagUri);
        // the pure identity, re-encoded with filter 0, names the same object
        TagIdentity viaPure = EpcDecoder.decode(EpcInput.parse(id.pureIdentityUri()));
        assertThat(viaPure.pureIdentityUri()).isEqualTo(id.pureIdentityUri());
        assertThat(viaPure.digitalLink()).isEqualTo(id.digitalLink());
        if (id.digitalLink() != null) {
            int gcp = id.fields().get("companyPrefix").length();
            assertThat(EpcInput.pureIdentity(id.digitalLink(), gcp)).isEqualTo(id.pureIdentityUri());
            assertThat(EpcInput.pureIdentity(id.gs1ElementString(), gcp)).isEqualTo(id.pureIdentityUri());
        }
    }

    // ------------------------------------------------------------------ random input

    @Property(tries = 3000)
    void randomBytesOnlyEverFailWithInvalidEpc(@ForAll("knownHeader") int header,
                                               @ForAll @Size(max = 40) byte[] tail,
                                               @ForAll @IntRange(min = 0, max = 330) int bits) {
        byte[] bytes = new byte[tail.length + 1];
        bytes[0] = (byte) header;
        System.arraycopy(tail, 0, bytes, 1, tail.length);
        RawEpc epc = new RawEpc(bytes, Math.min(bits, bytes.length * 8));
        try {
            TagIdentity id = EpcDecoder.decode(epc);
            if (id.isEpc()) {
                // whatever decodes also re-encodes to the same tag URI
                assertThat(EpcDecoder.decode(EpcEncoder.encode(id.tagUri())).tagUri()).isEqualTo(id.tagUri());
            }
        } catch (InvalidEpcException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 1000)
    void randomPcWordsOnlyEverFailWithInvalidEpc(@ForAll @Size(min = 1, max = 32) byte[] bytes,
                                                 @ForAll @IntRange(min = -1, max = 0xFFFF) int pc) {
        try {
            TagIdentity id = EpcDecoder.decode(new RawEpc(bytes, bytes.length * 8), pc);
            if (pc >= 0 && (pc & 0x0100) != 0) {
                // AFI C2 is a library item's: decoded when it is URN Code 40 (ISO/TS 28560-4), opaque otherwise
                assertThat(id.scheme()).isEqualTo((pc & 0xFF) == 0xC2 && id.scheme().equals("library-uii") ? "library-uii" : "iso-uii");
                assertThat(id.fields().get("afi")).isEqualTo(String.format("%02X", pc & 0xFF));
            }
        } catch (InvalidEpcException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 2000)
    void randomTextOnlyEverFailsWithInvalidEpc(@ForAll("text") String text) {
        try {
            EpcInput.pureIdentity(text, 7);
        } catch (InvalidEpcException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<Integer> knownHeader() {
        return Arbitraries.oneOf(
                Arbitraries.of(0x2C, 0x2D, 0x2E, 0x2F, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39,
                        0x3B, 0x3C, 0x3D, 0x3E, 0x3F, 0x40, 0x41),
                Arbitraries.integers().between(0, 255));
    }

    @Provide
    Arbitrary<String> text() {
        Arbitrary<String> prefix = Arbitraries.of("", "urn:epc:tag:sgtin-96:", "urn:epc:tag:adi-var:", "urn:epc:id:sgtin:",
                "urn:epc:id:cpi:", "urn:epc:raw:", "https://id.gs1.org/01/", "(01)", "(8003)", "0x", "urn:epc:tag:gid-96:");
        Arbitrary<String> body = Arbitraries.strings().withChars("0123456789.%/#:()ABCDEFabcdefxX -_~!\"&<>?")
                .ofMaxLength(40);
        return Combinators.combine(prefix, body).as(String::concat);
    }

    // ------------------------------------------------------------------ generators of valid tag URIs

    private static Arbitrary<Integer> filter3() {
        return Arbitraries.integers().between(0, 7);
    }

    private static Arbitrary<String> digits(int n) {
        return n == 0 ? Arbitraries.just("") : Arbitraries.strings().numeric().ofLength(n);
    }

    private static Arbitrary<String> integer(long max) {
        return Arbitraries.longs().between(0, max).map(v -> Long.toString(v));
    }

    private static Arbitrary<String> chars(String set, int min, int max) {
        return Arbitraries.strings().withChars(set).ofMinLength(min).ofMaxLength(max).map(Chars::uriEscape);
    }

    /** filter.gcp.ref with a company prefix of 6 to 12 digits and {@code total} digits together. */
    private static Arbitrary<String> front(int total) {
        return Arbitraries.integers().between(6, 12).flatMap(l ->
                Combinators.combine(filter3(), digits(l), digits(total - l)).as((f, g, r) -> f + "." + g + "." + r));
    }

    private static Arbitrary<String> uri(String scheme, Arbitrary<String> front, Arbitrary<String> last) {
        return Combinators.combine(front, last).as((f, l) -> "urn:epc:tag:" + scheme + ":" + f + "." + l);
    }

    @Provide Arbitrary<String> sgtin96() { return uri("sgtin-96", front(13), integer((1L << 38) - 1)); }
    @Provide Arbitrary<String> sgtin198() { return uri("sgtin-198", front(13), chars(AI82, 1, 20)); }
    @Provide Arbitrary<String> sscc96() { return front(17).map(f -> "urn:epc:tag:sscc-96:" + f); }
    @Provide Arbitrary<String> sgln96() { return uri("sgln-96", front(12), integer((1L << 41) - 1)); }
    @Provide Arbitrary<String> sgln195() { return uri("sgln-195", front(12), chars(AI82, 1, 20)); }
    @Provide Arbitrary<String> grai96() { return uri("grai-96", front(12), integer((1L << 38) - 1)); }
    @Provide Arbitrary<String> grai170() { return uri("grai-170", front(12), chars(AI82, 1, 16)); }
    @Provide Arbitrary<String> gsrn96() { return front(17).map(f -> "urn:epc:tag:gsrn-96:" + f); }
    @Provide Arbitrary<String> gsrnp96() { return front(17).map(f -> "urn:epc:tag:gsrnp-96:" + f); }
    @Provide Arbitrary<String> gdti96() { return uri("gdti-96", front(12), integer((1L << 41) - 1)); }
    @Provide Arbitrary<String> gdti174() { return uri("gdti-174", front(12), chars(AI82, 1, 17)); }
    @Provide Arbitrary<String> sgcn96() { return Arbitraries.integers().between(1, 12).flatMap(n -> uri("sgcn-96", front(12), digits(n))); }

    @Provide
    Arbitrary<String> giai96() {
        return Arbitraries.integers().between(6, 12).flatMap(l -> {
            int refBits = 82 - GCP_BITS[12 - l];
            long maxDigits = 25 - l >= 19 ? Long.MAX_VALUE : (long) Math.pow(10, 25 - l) - 1;
            long max = Math.min(maxDigits, refBits >= 63 ? Long.MAX_VALUE : (1L << refBits) - 1);
            return Combinators.combine(filter3(), digits(l), integer(max))
                    .as((f, g, r) -> "urn:epc:tag:giai-96:" + f + "." + g + "." + r);
        });
    }

    @Provide
    Arbitrary<String> giai202() {
        return Arbitraries.integers().between(6, 12).flatMap(l -> Combinators.combine(filter3(), digits(l), chars(AI82, 1, 30 - l))
                .as((f, g, r) -> "urn:epc:tag:giai-202:" + f + "." + g + "." + r));
    }

    @Provide
    Arbitrary<String> cpi96() {
        int[] refBits = {11, 14, 17, 21, 24, 27, 31};
        return Arbitraries.integers().between(6, 12).flatMap(l -> {
            long max = Math.min((long) Math.pow(10, 15 - l) - 1, (1L << refBits[12 - l]) - 1);
            return Combinators.combine(filter3(), digits(l), integer(max), integer((1L << 31) - 1))
                    .as((f, g, r, s) -> "urn:epc:tag:cpi-96:" + f + "." + g + "." + r + "." + s);
        });
    }

    @Provide
    Arbitrary<String> cpiVar() {
        return Arbitraries.integers().between(6, 12).flatMap(l ->
                Combinators.combine(filter3(), digits(l), chars(CPI6, 1, 30 - l), integer(999_999_999_999L))
                        .as((f, g, r, s) -> "urn:epc:tag:cpi-var:" + f + "." + g + "." + r + "." + s));
    }

    @Provide
    Arbitrary<String> itip110() {
        return Combinators.combine(front(13), digits(2), digits(2), integer((1L << 38) - 1))
                .as((f, p, t, s) -> "urn:epc:tag:itip-110:" + f + "." + p + "." + t + "." + s);
    }

    @Provide
    Arbitrary<String> itip212() {
        return Combinators.combine(front(13), digits(2), digits(2), chars(AI82, 1, 20))
                .as((f, p, t, s) -> "urn:epc:tag:itip-212:" + f + "." + p + "." + t + "." + s);
    }

    @Provide
    Arbitrary<String> gid96() {
        return Combinators.combine(integer((1L << 28) - 1), integer((1L << 24) - 1), integer((1L << 36) - 1))
                .as((m, c, s) -> "urn:epc:tag:gid-96:" + m + "." + c + "." + s);
    }

    @Provide
    Arbitrary<String> usdod96() {
        return Combinators.combine(Arbitraries.integers().between(0, 15), chars(CAGE, 5, 6), integer((1L << 36) - 1))
                .as((f, c, s) -> "urn:epc:tag:usdod-96:" + f + "." + c + "." + s);
    }

    @Provide
    Arbitrary<String> adiVar() {
        Arbitrary<String> serial = Combinators.combine(Arbitraries.of("", "%23"), chars(ADI6, 1, 29)).as(String::concat);
        return Combinators.combine(Arbitraries.integers().between(0, 63), chars(CAGE, 5, 6), chars(ADI6, 0, 32), serial)
                .as((f, c, p, s) -> "urn:epc:tag:adi-var:" + f + "." + c + "." + p + "." + s);
    }
}
