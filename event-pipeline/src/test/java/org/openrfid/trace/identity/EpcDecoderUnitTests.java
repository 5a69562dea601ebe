package org.openrfid.trace.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openrfid.trace.reader.RawEpc;

class EpcDecoderUnitTests {

    /** Vectors listed in STANDARDS.md 2.8 besides the CSV: Fosstrak TDT TestCaseSgtin (binary converted to hex) and sllurp. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            30740242201D8840000FE632                            | urn:epc:tag:sgtin-96:3.0037000.030241.1041970
            36403C3C3C3C3E50A750A552B5AB172F74EDEDF00000000000  | urn:epc:tag:sgtin-198:2.064677154575.9.!'()*+-,.%2F:;=_
            38403C3C3C3C3FBF8F3E983164CDA356CDDC396000000000000 | urn:epc:tag:giai-202:2.064677154575.wxyz01234567890
            33403C3C3C3C3C3F0000FFFF                            | urn:epc:tag:grai-96:2.064677154575..270583005183
            30204ED9496334000000006E                            | urn:epc:tag:sgtin-96:1.084663228621.0.110
            """)
    void decodesFurtherPublishedVectors(String hex, String tagUri) {
        assertThat(EpcDecoder.decode(RawEpc.ofHex(hex)).tagUri()).isEqualTo(tagUri);
        String encoded = Chars.hex(EpcEncoder.encode(tagUri).bytes(), EpcEncoder.encode(tagUri).bitLength());
        assertThat(hex).startsWith(encoded);
    }

    @Test
    void fillsEveryRepresentationOfAnSgtin() {
        TagIdentity id = EpcDecoder.decode(RawEpc.ofHex("3074257BF7194E4000001A85"));
        assertThat(id.filter()).isEqualTo(3);
        assertThat(id.digitalLink()).isEqualTo("https://id.gs1.org/01/80614141123458/21/6789");
        assertThat(id.fields()).containsExactly(Map.entry("companyPrefix", "0614141"), Map.entry("itemReference", "812345"),
                Map.entry("serial", "6789"), Map.entry("gtin", "80614141123458"));
        assertThat(id.isEpc()).isTrue();
    }

    @Test
    void refusesAWrongLengthForTheHeaderNamingBoth() {
        assertThatThrownBy(() -> EpcDecoder.decode(RawEpc.ofHex("3074257BF7194E40")))
                .isInstanceOf(InvalidEpcException.class)
                .hasMessageContaining("header 30").hasMessageContaining("sgtin-96 is 96 bits").hasMessageContaining("64");
        assertThatThrownBy(() -> EpcDecoder.decode(RawEpc.ofHex("3074257BF7194E4000001A8500000000")))
                .isInstanceOf(InvalidEpcException.class).hasMessageContaining("128");
    }

    @Test
    void acceptsWordPaddingOfShorterSchemes() {
        // SGTIN-198 as a Gen2 tag holds it: 13 words = 208 bits
        RawEpc padded = EpcInput.parseHex("3674257BF6B7A659B2C2BF1000000000000000000000000000000000".substring(0, 52), 208);
        assertThat(EpcDecoder.decode(padded).tagUri()).isEqualTo("urn:epc:tag:sgtin-198:3.0614141.712345.32a%2Fb");
    }

    @Test
    void refusesValuesOutOfRangeForThePartition() {
        // SGTIN-96 partition 6 (6-digit prefix): item reference field of 24 bits holding 9999999 + 1 = 10000000 (> 7 digits)
        RawEpc epc = EpcEncoder.encode("urn:epc:tag:sgtin-96:0.123456.1234567.1");
        byte[] b = epc.bytes();
        // set the 24-bit item reference (bits 34..57) to 0xFFFFFF
        BitWriterForTest.setBits(b, 34, 24, 0xFFFFFF);
        assertThatThrownBy(() -> EpcDecoder.decode(new RawEpc(b, 96)))
                .isInstanceOf(InvalidEpcException.class)
                .hasMessageContaining("itemReference value 16777215 does not fit 7 digits");
    }

    @Test
    void refusesNonZeroCharactersAfterTheStringTerminator() {
        RawEpc epc = EpcEncoder.encode("urn:epc:tag:sgtin-198:3.0614141.712345.AB");
        byte[] b = epc.bytes();
        BitWriterForTest.setBits(b, 58 + 7 * 3, 7, 'C');
        assertThatThrownBy(() -> EpcDecoder.decode(new RawEpc(b, 198)))
                .isInstanceOf(InvalidEpcException.class).hasMessageContaining("after its terminating zero");
    }

    @Test
    void reportsUnassignedHeadersAsUnknownRawEpc() {
        TagIdentity id = EpcDecoder.decode(RawEpc.ofHex("F7012345"));
        assertThat(id.scheme()).isEqualTo("unknown");
        assertThat(id.tagUri()).isEqualTo("urn:epc:raw:32.xF7012345");
        assertThat(id.pureIdentityUri()).isNull();
        assertThat(id.epc().toHex()).isEqualTo("F7012345");
        assertThat(EpcDecoder.decode(new RawEpc(new byte[0], 0)).scheme()).isEqualTo("unknown");
    }

    @Test
    void readsIsoDataWhenThePcToggleIsSet() {
        // PC 0x31A1: length 6 words, toggle 1, AFI A1 (ISO/IEC 15961 data of an application with no decoder
        // here; library items, AFI C2, have LibraryUiiDecoder: LibraryUiiDecoderUnitTests)
        TagIdentity id = EpcDecoder.decode(RawEpc.ofHex("3074257BF7194E4000001A85"), 0x31A1);
        assertThat(id.scheme()).isEqualTo("iso-uii");
        assertThat(id.fields()).containsEntry("afi", "A1").containsEntry("uii", "3074257BF7194E4000001A85");
        assertThat(id.tagUri()).isEqualTo("urn:epc:raw:96.xA1.x3074257BF7194E4000001A85");
        // toggle 0: the same bank is an SGTIN, the attribute bits do not matter
        assertThat(EpcDecoder.decode(RawEpc.ofHex("3074257BF7194E4000001A85"), 0x3001).scheme()).isEqualTo("sgtin-96");
        assertThatThrownBy(() -> EpcDecoder.decode(RawEpc.ofHex("30"), 0x10000)).isInstanceOf(InvalidEpcException.class);
    }

    @Test
    void asksPluginsOnlyForNonGs1Data() {
        TagDataDecoder plate = (epc, pc) -> epc.toHex().startsWith("C0FFEE")
                ? Optional.of(new TagIdentity("test-plate", null, null, null, null, null, Map.of("plate", "B-123"), epc))
                : Optional.empty();
        List<TagDataDecoder> plugins = List.of(plate);
        assertThat(EpcDecoder.decode(RawEpc.ofHex("C0FFEE01"), -1, plugins).scheme()).isEqualTo("test-plate");
        assertThat(EpcDecoder.decode(RawEpc.ofHex("C0FFEE01"), 0x2100, plugins).scheme()).isEqualTo("test-plate");
        assertThat(EpcDecoder.decode(RawEpc.ofHex("C1FFEE01"), -1, plugins).scheme()).isEqualTo("unknown");
        assertThat(EpcDecoder.decode(RawEpc.ofHex("3074257BF7194E4000001A85"), -1, List.of((e, p) -> {
            throw new AssertionError("must not be asked for a GS1 EPC");
        })).scheme()).isEqualTo("sgtin-96");
    }

    @Test
    void encoderRefusesBadInputWithAReason() {
        assertThatThrownBy(() -> EpcEncoder.encode("urn:epc:tag:sgtin-96:8.0614141.812345.6789"))
                .hasMessageContaining("filter '8' must be a number from 0 to 7");
        assertThatThrownBy(() -> EpcEncoder.encode("urn:epc:tag:sgtin-96:3.0614141.812345.0123"))
                .hasMessageContaining("without leading zeros");
        assertThatThrownBy(() -> EpcEncoder.encode("urn:epc:tag:sgtin-96:3.0614141.812345.274877906944"))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> EpcEncoder.encode("urn:epc:tag:sgtin-96:3.06141.8123456.1"))
                .hasMessageContaining("6 to 12 digits");
        assertThatThrownBy(() -> EpcEncoder.encode("urn:epc:tag:sgtin-96:3.0614141.81234.1"))
                .hasMessageContaining("exactly 6 digits");
        assertThatThrownBy(() -> EpcEncoder.encode("urn:epc:tag:sgtin-198:3.0614141.812345.a#b"))
                .hasMessageContaining("not in the GS1 AI character set");
        assertThatThrownBy(() -> EpcEncoder.encode("urn:epc:tag:sgtin-198:3.0614141.812345.123456789012345678901"))
                .hasMessageContaining("1 to 20 characters");
        assertThatThrownBy(() -> EpcEncoder.encode("urn:epc:tag:sgtin-99:3.0614141.812345.1"))
                .hasMessageContaining("not an EPC scheme");
        assertThatThrownBy(() -> EpcEncoder.encode("urn:epc:tag:sscc-96:3.0614141"))
                .hasMessageContaining("expected 2 components");
        assertThatThrownBy(() -> EpcEncoder.encode("urn:epc:tag:cpi-var:3.0614141.ab.1"))
                .hasMessageContaining("CPI allows only");
        assertThatThrownBy(() -> EpcEncoder.encode("urn:epc:tag:sgtin-198:3.0614141.812345.a%2"))
                .hasMessageContaining("two hex digits");
        assertThatThrownBy(() -> EpcEncoder.encode("urn:epc:tag:cpi-var:3.0614141.AB.1000000000000"))
                .hasMessageContaining("out of range (at most 999999999999)");
        assertThatThrownBy(() -> EpcEncoder.encode("urn:epc:tag:usdod-96:3.CAGIO.1"))
                .hasMessageContaining("other than I and O");
        assertThatThrownBy(() -> EpcEncoder.encode("urn:epc:id:sgtin:0614141.812345.1"))
                .hasMessageContaining("not an EPC tag URI");
    }

    @Test
    void inputChoosesTheShortestSchemeForAPureIdentity() {
        assertThat(EpcDecoder.decode(EpcInput.parse("urn:epc:id:sgtin:0614141.812345.6789")).tagUri())
                .isEqualTo("urn:epc:tag:sgtin-96:0.0614141.812345.6789");
        assertThat(EpcDecoder.decode(EpcInput.parse("urn:epc:id:sgtin:0614141.812345.06789")).scheme()).isEqualTo("sgtin-198");
        assertThat(EpcDecoder.decode(EpcInput.parse("urn:epc:id:sgtin:0614141.812345.274877906944")).scheme()).isEqualTo("sgtin-198");
        assertThat(EpcDecoder.decode(EpcInput.parse("urn:epc:id:giai:0614141.ABC")).scheme()).isEqualTo("giai-202");
        assertThat(EpcDecoder.decode(EpcInput.parse("urn:epc:id:cpi:0614141.5PQ7%2FZ43.12345")).scheme()).isEqualTo("cpi-var");
        assertThatThrownBy(() -> EpcInput.parse("urn:epc:id:pgln:0614141.00000")).hasMessageContaining("no EPC binary encoding");
    }

    @Test
    void inputRefusesBadCheckDigitsAndMissingPrefixLength() {
        assertThatThrownBy(() -> EpcInput.parse("(01)80614141123459(21)6789", 7))
                .isInstanceOf(InvalidEpcException.class).hasMessageContaining("check digit is 9, expected 8");
        assertThatThrownBy(() -> EpcInput.parse("https://id.gs1.org/00/106141412345678909", 7))
                .hasMessageContaining("SSCC 106141412345678909: check digit is 9, expected 8");
        assertThatThrownBy(() -> EpcInput.parse("https://id.gs1.org/01/80614141123458"))
                .hasMessageContaining("Company Prefix length");
        assertThatThrownBy(() -> EpcInput.parse("https://id.gs1.org/01/80614141123458", 7))
                .hasMessageContaining("AI (21)");
        assertThat(EpcInput.pureIdentity("https://example.com/shop/01/80614141123458/21/6789?linkType=all", 7))
                .isEqualTo("urn:epc:id:sgtin:0614141.812345.6789");
    }

    @Test
    void inputAcceptsRawUrisAndHexWithPrefix() {
        assertThat(EpcInput.parse("urn:epc:raw:96.x3074257BF7194E4000001A85").toHex()).isEqualTo("3074257BF7194E4000001A85");
        assertThat(EpcInput.parse("0x3074257bf7194e4000001a85").toHex()).isEqualTo("3074257BF7194E4000001A85");
        assertThat(EpcInput.parse("urn:epc:raw:16.12345").toHex()).isEqualTo("3039");
        assertThatThrownBy(() -> EpcInput.parse("")).isInstanceOf(InvalidEpcException.class);
        assertThatThrownBy(() -> EpcInput.parseHex("3074", 17)).hasMessageContaining("17 bits do not match 4 hex digits");
    }

    @Test
    void decodesSchemesWithoutGs1Keys() {
        TagIdentity adi = EpcDecoder.decode(RawEpc.ofHex("3B0E0CF5E76C9047759AD00373DC7602E7200"));
        assertThat(adi.fields()).containsEntry("cageOrDodaac", "35962").containsEntry("partNumber", "PQ7VZ4")
                .containsEntry("serial", "M37GXB92");
        assertThat(adi.gs1ElementString()).isNull();
        assertThat(adi.digitalLink()).isNull();
        TagIdentity gid = EpcDecoder.decode(RawEpc.ofHex("350007AB70425D4000000586"));
        assertThat(gid.filter()).isNull();
        assertThat(EpcDecoder.decode(EpcEncoder.encode("urn:epc:tag:adi-var:9.ABCDEF..%23A%2FB")).tagUri())
                .isEqualTo("urn:epc:tag:adi-var:9.ABCDEF..%23A%2FB");
    }
}
