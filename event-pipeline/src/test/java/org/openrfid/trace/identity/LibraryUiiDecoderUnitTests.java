package org.openrfid.trace.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openrfid.trace.reader.RawEpc;

/**
 * ISO/TS 28560-4 library UIIs in the EPC bank. Vectors:
 * <ul>
 *   <li>the worked example of ISO/TS 28560-4:2014(E), page 49 — PC {@code 45C2} and EPC bank
 *       {@code 141C C04F C70B ADB5 C6E2 DA1D ED4D D319} for the UII "CH-000134-1.12345678.31" (ISIL
 *       CH-000134-1, primary item id 12345678, then "31", read here as set information per the TS's
 *       §6.2.3 "Encoding set information"), as transcribed with its page in the public test suite of
 *       github.com/DigitalPlatform/dp2, {@code UnitTestRFID/TestUHF.cs} (Test_decode_epcbank_1, Test_decode_uii_1/2);</li>
 *   <li>the same compaction's long numeric string and trailing pad byte from the IPC "RFID standard for test
 *       letters", page 17 (UII "B.A12312345678" = {@code 10E2 FB21 02DD DF7C 4E00}), as cited in the same file
 *       (Test_encode_uii_3, Test_decode_longNumericString).</li>
 * </ul>
 */
class LibraryUiiDecoderUnitTests {

    static final String ISO_EXAMPLE_BANK = "141CC04FC70BADB5C6E2DA1DED4DD319";

    @Test
    void decodesTheIsoTs28560Part4ExampleIntoIsilAndPrimaryItemId() {
        TagIdentity id = EpcDecoder.decode(RawEpc.ofHex(ISO_EXAMPLE_BANK), 0x45C2);
        assertThat(id.scheme()).isEqualTo("library-uii");
        assertThat(id.fields()).containsEntry("afi", "C2").containsEntry("uii", ISO_EXAMPLE_BANK)
                .containsEntry("uiiText", "CH-000134-1.12345678.31").containsEntry("isil", "CH-000134-1")
                .containsEntry("primaryItemId", "12345678").containsEntry("setInformation", "31");
        assertThat(id.tagUri()).isEqualTo("urn:epc:raw:128.xC2.x" + ISO_EXAMPLE_BANK);
        assertThat(id.isEpc()).isFalse();
    }

    @Test
    void eachUrnCode40WordOfTheExampleIsThreeCharacters() {
        String[][] words = {{"141C", "CH-"}, {"C04F", "000"}, {"C70B", "134"}, {"ADB5", "-1."}, {"C6E2", "123"}, {"DA1D", "456"},
                {"ED4D", "78."}, {"D319", "31"}};
        for (String[] w : words) {
            assertThat(LibraryUiiDecoder.text(RawEpc.ofHex(w[0]).bytes(), 2)).as(w[0]).isEqualTo(w[1]);
        }
    }

    @Test
    void longNumericStringsAndAPadByteDecodeAsTheIpcExampleSays() {
        assertThat(LibraryUiiDecoder.text(RawEpc.ofHex("FB2102DDDF7C4E").bytes(), 7)).isEqualTo("12312345678");
        assertThat(LibraryUiiDecoder.text(RawEpc.ofHex("10E2FB2102DDDF7C4E00").bytes(), 10)).isEqualTo("B.A12312345678");
    }

    @Test
    void aUiiWithoutAnIsilIsThePrimaryItemIdAlone() {
        // "31200000001" as a long numeric string: FB, (11-9)<<4 | (5-4), then 0x0743AA3801 in five bytes
        TagIdentity id = EpcDecoder.decode(RawEpc.ofHex("FB210743AA380100"), 0x21C2);
        assertThat(id.scheme()).isEqualTo("library-uii");
        assertThat(id.fields()).containsEntry("primaryItemId", "31200000001").doesNotContainKey("isil");
    }

    @Test
    void otherLayoutsStayOpaque() {
        // AFI C2 but not URN Code 40 (FF is no code): kept as iso-uii with its hex
        TagIdentity odd = EpcDecoder.decode(RawEpc.ofHex("FF00112233445566"), 0x21C2);
        assertThat(odd.scheme()).isEqualTo("iso-uii");
        assertThat(odd.fields()).containsEntry("uii", "FF00112233445566");
        // another AFI: not a library item's, not ours
        assertThat(EpcDecoder.decode(RawEpc.ofHex(ISO_EXAMPLE_BANK), 0x45A1).scheme()).isEqualTo("iso-uii");
        // a word above FA00 is not URN Code 40 either
        assertThat(EpcDecoder.decode(RawEpc.ofHex("FA01"), 0x09C2).scheme()).isEqualTo("iso-uii");
        // toggle 0: a GS1 EPC whatever the low PC bits say
        assertThat(EpcDecoder.decode(RawEpc.ofHex("3074257BF7194E4000001A85"), 0x30C2).scheme()).isEqualTo("sgtin-96");
    }
}
