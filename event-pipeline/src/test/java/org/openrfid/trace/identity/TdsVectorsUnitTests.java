package org.openrfid.trace.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openrfid.trace.reader.RawEpc;

/** Every row of {@code tds/tds_vectors.csv} (GS1 EPC TDS 1.13 Appendix E.3 and others), both directions. */
class TdsVectorsUnitTests {

    private static final List<Map<String, String>> ROWS = SharedData.csv("tds/tds_vectors.csv");

    @TestFactory
    Stream<DynamicTest> decodesBinaryToAllRepresentations() {
        return ROWS.stream().map(row -> DynamicTest.dynamicTest(name(row), () -> {
            TagIdentity id = EpcDecoder.decode(RawEpc.ofHex(row.get("epc_binary_hex")));
            assertThat(id.scheme()).isEqualTo(row.get("scheme").toLowerCase(Locale.ROOT));
            assertThat(id.tagUri()).isEqualTo(row.get("epc_tag_uri"));
            assertThat(id.pureIdentityUri()).isEqualTo(row.get("epc_pure_identity_uri"));
            String element = row.get("gs1_element_string");
            if (!element.isEmpty()) {
                assertThat(id.gs1ElementString()).isEqualTo(element);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> encodesTagUriToBinary() {
        return ROWS.stream().map(row -> DynamicTest.dynamicTest(name(row), () -> {
            RawEpc epc = EpcEncoder.encode(row.get("epc_tag_uri"));
            String expected = row.get("epc_binary_hex");
            String actual = Chars.hex(epc.bytes(), epc.bitLength());
            // the CSV pads non-96-bit encodings to a nibble or word with zeros
            assertThat(expected).startsWith(actual);
            assertThat(expected.substring(actual.length())).matches("0*");
            assertThat(epc.bitLength()).isEqualTo(expectedBits(row.get("scheme"), epc));
        }));
    }

    @TestFactory
    Stream<DynamicTest> pureIdentityAndElementStringGiveTheSameEpc() {
        return ROWS.stream().map(row -> DynamicTest.dynamicTest(name(row), () -> {
            String pure = row.get("epc_pure_identity_uri");
            assertThat(EpcInput.pureIdentity(row.get("epc_binary_hex"))).isEqualTo(pure);
            assertThat(EpcInput.pureIdentity(row.get("epc_tag_uri"))).isEqualTo(pure);
            assertThat(EpcInput.pureIdentity(pure)).isEqualTo(pure);
            TagIdentity fromPure = EpcDecoder.decode(EpcInput.parse(pure));
            assertThat(fromPure.pureIdentityUri()).isEqualTo(pure);
            String element = row.get("gs1_element_string");
            if (!element.isEmpty()) {
                int gcp = pure.substring(pure.indexOf(':', 11) + 1).indexOf('.');
                assertThat(EpcInput.pureIdentity(element, gcp)).isEqualTo(pure);
                TagIdentity id = EpcDecoder.decode(RawEpc.ofHex(row.get("epc_binary_hex")));
                assertThat(EpcInput.pureIdentity(id.digitalLink(), gcp)).isEqualTo(pure);
            }
        }));
    }

    private static int expectedBits(String scheme, RawEpc epc) {
        String digits = scheme.replaceAll("^.*-", "");
        return digits.equals("var") ? epc.bitLength() : Integer.parseInt(digits);
    }

    private static String name(Map<String, String> row) {
        return row.get("scheme") + " " + row.get("epc_tag_uri");
    }
}
