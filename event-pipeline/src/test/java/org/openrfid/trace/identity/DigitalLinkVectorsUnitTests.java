package org.openrfid.trace.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every pair of {@code digital-link/epc_urn_to_canonical_dl.csv}, in both directions. */
class DigitalLinkVectorsUnitTests {

    private static final List<Map<String, String>> ROWS = SharedData.csv("digital-link/epc_urn_to_canonical_dl.csv");

    @TestFactory
    Stream<DynamicTest> pureIdentityTranslatesToCanonicalDigitalLink() {
        return ROWS.stream().map(row -> DynamicTest.dynamicTest(row.get("epc_urn"), () ->
                assertThat(EpcInput.digitalLink(row.get("epc_urn"))).isEqualTo(row.get("canonical_gs1_digital_link"))));
    }

    @TestFactory
    Stream<DynamicTest> digitalLinkTranslatesBackWithTheCompanyPrefixLength() {
        return ROWS.stream().map(row -> DynamicTest.dynamicTest(row.get("canonical_gs1_digital_link"), () -> {
            String urn = row.get("epc_urn");
            int gcpLength = urn.substring(urn.indexOf(':', 11) + 1).indexOf('.');
            assertThat(EpcInput.pureIdentity(row.get("canonical_gs1_digital_link"), gcpLength)).isEqualTo(urn);
        }));
    }
}
