package org.openrfid.trace.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.reader.RawEpc;

class FilterVariantsUnitTests {

    @Test
    void pureIdentityFindsTheTagWrittenWithAnyFilter() {
        RawEpc fromPure = EpcInput.parse("urn:epc:id:sgtin:0614141.812345.6789");
        RawEpc asWritten = RawEpc.ofHex("3074257BF7194E4000001A85"); // filter 3

        List<RawEpc> variants = FilterVariants.of(fromPure);

        assertThat(variants).hasSize(8).first().isEqualTo(fromPure);
        assertThat(variants).contains(asWritten).doesNotHaveDuplicates();
        assertThat(variants).extracting(v -> EpcDecoder.decode(v).pureIdentityUri()).containsOnly("urn:epc:id:sgtin:0614141.812345.6789");
        assertThat(variants).extracting(v -> EpcDecoder.decode(v).filter()).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void tagsWithoutFilterOrUnknownSchemesStayAsTheyAre() {
        RawEpc unknown = RawEpc.ofHex("AD0000000000000000000000000000AB");

        assertThat(FilterVariants.of(unknown)).containsExactly(unknown);
    }

    @Test
    void hexAndTagUrisNameOneTagWhileObjectNamesMeanEveryFilter() {
        String hex = "3074257BF7194E4000001A85";
        String tagUri = "urn:epc:tag:sgtin-96:3.0614141.812345.6789";
        String pure = "urn:epc:id:sgtin:0614141.812345.6789";
        String digitalLink = "https://id.gs1.org/01/80614141123458/21/6789";

        assertThat(FilterVariants.ofInput(hex, EpcInput.parse(hex))).containsExactly(RawEpc.ofHex(hex));
        assertThat(FilterVariants.ofInput(tagUri, EpcInput.parse(tagUri))).containsExactly(RawEpc.ofHex(hex));
        assertThat(FilterVariants.ofInput(pure, EpcInput.parse(pure))).hasSize(8).contains(RawEpc.ofHex(hex));
        assertThat(FilterVariants.ofInput(digitalLink, EpcInput.parse(digitalLink, 7))).hasSize(8).contains(RawEpc.ofHex(hex));
    }
}
