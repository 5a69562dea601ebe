package org.openrfid.trace.web.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What people type is folded to what the registries know. */
class ObjectSearchUnitTests {

    @Test
    void fullWidthLettersDigitsAndOtherDotsBecomeTheRegistrySpelling() {
        assertThat(ObjectSearch.normalise("渝Ａ１２３４５")).isEqualTo("渝A12345");
        assertThat(ObjectSearch.normalise(" 渝A・12345 ")).isEqualTo("渝A·12345");
        assertThat(ObjectSearch.normalise("渝A·12345")).isEqualTo("渝A·12345");
        assertThat(ObjectSearch.normalise("CN-2025-0001")).isEqualTo("CN-2025-0001");
        assertThat(ObjectSearch.normalise("urn:epc:id:sgtin:0614141.812345.6789")).as("EPC URIs keep their dots")
                .isEqualTo("urn:epc:id:sgtin:0614141.812345.6789");
    }
}
