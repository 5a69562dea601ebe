package org.openrfid.trace.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openrfid.trace.reader.RawEpc;

/**
 * Every row of {@code tds/negative_and_edge_vectors.csv} (columns source, input_hex, expected, notes).
 * Rows are matched on their {@code expected} text; a row this test does not know fails, so new rows
 * cannot pass unnoticed.
 */
class NegativeAndEdgeVectorsUnitTests {

    private static final List<Map<String, String>> ROWS = SharedData.csv("tds/negative_and_edge_vectors.csv");

    @TestFactory
    Stream<DynamicTest> everyRowBehavesAsExpected() {
        return ROWS.stream().map(row -> DynamicTest.dynamicTest(row.get("input_hex") + " -> " + row.get("expected"),
                () -> check(row.get("input_hex"), row.get("expected"), row.get("notes"))));
    }

    private static void check(String input, String expected, String notes) {
        if (expected.startsWith("reject as SGTIN")) {
            // header F4 is unassigned in TDS 1.13 (a TDS 2.x "+" header): not an SGTIN, yet not invalid either
            TagIdentity id = EpcDecoder.decode(RawEpc.ofHex(input));
            assertThat(id.scheme()).isEqualTo("unknown");
            assertThat(id.fields()).containsEntry("header", "F4");
            assertThat(id.tagUri()).isEqualTo("urn:epc:raw:96.x" + input);
        } else if (expected.contains("partition value 7")) {
            assertThatThrownBy(() -> EpcDecoder.decode(RawEpc.ofHex(input)))
                    .isInstanceOf(InvalidEpcException.class)
                    .hasMessageContaining("sgtin-96").hasMessageContaining("partition value 7");
        } else if (expected.contains("non-hex character")) {
            char bad = expected.charAt(expected.indexOf('\'') + 1);
            assertThatThrownBy(() -> EpcInput.parse(input))
                    .isInstanceOf(InvalidEpcException.class)
                    .hasMessageContaining("non-hex character '" + bad + "'");
        } else if (expected.startsWith("filter 1, partition 1")) {
            String tagUri = notes.substring(notes.indexOf("urn:epc:tag:")).split(" ")[0];
            TagIdentity id = EpcDecoder.decode(RawEpc.ofHex(input));
            assertThat(id.tagUri()).isEqualTo(tagUri);
            assertThat(id.filter()).isEqualTo(1);
            assertThat(id.fields()).containsEntry("companyPrefix", "14167401864").containsEntry("serial", "96511988276");
            assertThat(EpcEncoder.encode(tagUri).toHex()).isEqualTo(input);
        } else if (expected.equals("reject as EPC")) {
            for (String fill : new String[] {"0", "F", "5"}) {
                RawEpc tid = RawEpc.ofHex(input.replace("x", fill));
                assertThatThrownBy(() -> EpcDecoder.decode(tid))
                        .isInstanceOf(InvalidEpcException.class).hasMessageContaining("header E2");
            }
        } else if (expected.equals("unprogrammed tag")) {
            for (String fill : new String[] {"0", "F", "5"}) {
                TagIdentity id = EpcDecoder.decode(RawEpc.ofHex(input.replace("x", fill)));
                assertThat(id.scheme()).isEqualTo("unprogrammed");
                assertThat(id.pureIdentityUri()).isNull();
            }
        } else if (expected.startsWith("decode using only the significant bits")) {
            // 1 and 9 significant bits with junk in the pad bits decode as if the pad bits were zero
            for (int bits : new int[] {1, 9}) {
                RawEpc junk = new RawEpc(new byte[] {(byte) 0xB7, (byte) 0xFF}, bits);
                RawEpc clean = new RawEpc(new byte[] {(byte) (bits == 1 ? 0x80 : 0xB7), (byte) (bits == 1 ? 0 : 0x80)}, bits);
                assertThat(EpcDecoder.decode(junk).tagUri()).isEqualTo(EpcDecoder.decode(clean).tagUri());
            }
            assertThat(EpcDecoder.decode(new RawEpc(new byte[] {(byte) 0xFF}, 1)).tagUri()).isEqualTo("urn:epc:raw:1.x8");
            assertThat(EpcDecoder.decode(new RawEpc(new byte[] {(byte) 0xB7, (byte) 0xFF}, 9)).tagUri())
                    .isEqualTo("urn:epc:raw:9.xB78");
        } else {
            fail("row not understood by this test: " + input + " / " + expected);
        }
    }
}
