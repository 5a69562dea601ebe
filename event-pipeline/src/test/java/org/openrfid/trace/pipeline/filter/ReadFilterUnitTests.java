package org.openrfid.trace.pipeline.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.identity.EpcDecoder;
import org.openrfid.trace.identity.EpcInput;
import org.openrfid.trace.passage.ReadPoint;
import org.openrfid.trace.passage.ReadPointDirectory;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.TagRead;

class ReadFilterUnitTests {

    /** urn:epc:tag:sgtin-96:3.0614141.812345.6789 */
    static final RawEpc SGTIN = RawEpc.ofHex("3074257BF7194E4000001A85");
    static final RawEpc RAW = RawEpc.ofHex("AD0000000000000000000000000000AB");

    final ReadPointDirectory readPoints = new ReadPointDirectory();

    ReadFilterUnitTests() {
        readPoints.put(ReadPoint.wholeReader("gate", "GATE-1"));
        readPoints.put(ReadPoint.wholeReader("dock", "DOCK-1"));
    }

    @Test
    void patternsMatchFieldsWildcardsAndRanges() {
        var id = EpcDecoder.decode(SGTIN);
        assertThat(EpcPattern.parse("urn:epc:pat:sgtin-96:3.0614141.*.*").matches(id)).isTrue();
        assertThat(EpcPattern.parse("urn:epc:pat:sgtin-96:X.0614141.812345.[6000-7000]").matches(id)).isTrue();
        assertThat(EpcPattern.parse("urn:epc:pat:sgtin-96:3.0614141.812345.[1-6788]").matches(id)).isFalse();
        assertThat(EpcPattern.parse("urn:epc:pat:sgtin-96:1.0614141.*.*").matches(id)).isFalse();
        assertThat(EpcPattern.parse("urn:epc:pat:sscc-96:*.*.*").matches(id)).isFalse();
        assertThat(EpcPattern.parse("urn:epc:pat:sgtin-96:3.0614141.*").matches(id)).as("too few fields").isFalse();
        assertThat(EpcPattern.parse("urn:epc:idpat:sgtin:0614141.*.*").matches(id)).isTrue();
        assertThat(EpcPattern.parse("urn:epc:idpat:sgtin:0614141.*.*").matches(EpcDecoder.decode(RAW))).isFalse();
        assertThatThrownBy(() -> EpcPattern.parse("urn:epc:id:sgtin:0614141.812345.6789")).hasMessageContaining("urn:epc:pat:");
        assertThatThrownBy(() -> EpcPattern.parse("urn:epc:pat:sgtin-96:3.[9-1].*.*")).hasMessageContaining("range");
    }

    @Test
    void rssiFloorDropsWeakReadsButNotReadsWithoutRssi() {
        ReadFilter filter = filter(new ReadFilter.Rules(-70.0, null, null, null, null, null));

        assertThat(filter.test(read("gate", SGTIN, -7050))).isEqualTo(ReadFilter.Verdict.RSSI_BELOW_FLOOR);
        assertThat(filter.test(read("gate", SGTIN, -7000))).isEqualTo(ReadFilter.Verdict.PASS);
        assertThat(filter.test(read("gate", SGTIN, TagRead.NO_RSSI))).isEqualTo(ReadFilter.Verdict.PASS);
        assertThat(filter.count(ReadFilter.Verdict.RSSI_BELOW_FLOOR)).isEqualTo(1);
    }

    @Test
    void includeExcludeAndUnknownTags() {
        ReadFilter filter = filter(new ReadFilter.Rules(null, EpcPattern.parseAll(List.of("urn:epc:pat:sgtin-96:*.0614141.*.*")),
                EpcPattern.parseAll(List.of("urn:epc:pat:sgtin-96:*.*.*.[0-99]")), null, null, ReadFilter.UnknownTagPolicy.DROP));

        assertThat(filter.test(read("gate", SGTIN, -5000))).isEqualTo(ReadFilter.Verdict.PASS);
        assertThat(filter.test(read("gate", RAW, -5000))).isEqualTo(ReadFilter.Verdict.UNKNOWN_TAG);
        assertThat(filter.test(read("gate", EpcInput.parse("urn:epc:tag:sgtin-96:3.0614141.812345.1"), -5000))).isEqualTo(ReadFilter.Verdict.EXCLUDED);
        assertThat(filter.test(read("gate", EpcInput.parse("urn:epc:tag:sgtin-96:3.0614142.812345.6789"), -5000))).isEqualTo(ReadFilter.Verdict.NOT_INCLUDED);
    }

    @Test
    void unknownTagsAreKeptByDefault() {
        ReadFilter filter = filter(new ReadFilter.Rules(null, null, EpcPattern.parseAll(List.of("urn:epc:pat:sscc-96:*.*.*")), null, null, null));

        assertThat(filter.test(read("gate", RAW, -5000))).isEqualTo(ReadFilter.Verdict.PASS);
    }

    @Test
    void perLocationAllowAndDeny() {
        ReadFilter filter = filter(new ReadFilter.Rules(null, null, null,
                Map.of("DOCK-1", EpcPattern.parseAll(List.of("urn:epc:idpat:sscc:*.*"))),
                Map.of("GATE-1", EpcPattern.parseAll(List.of("urn:epc:idpat:sgtin:0614141.*.*"))), null));

        assertThat(filter.test(read("gate", SGTIN, -5000))).isEqualTo(ReadFilter.Verdict.LOCATION_DENIED);
        assertThat(filter.test(read("dock", SGTIN, -5000))).isEqualTo(ReadFilter.Verdict.LOCATION_NOT_ALLOWED);
        assertThat(filter.test(read("gate", RAW, -5000))).isEqualTo(ReadFilter.Verdict.PASS);
        assertThat(filter.test(read("elsewhere", SGTIN, -5000))).isEqualTo(ReadFilter.Verdict.PASS);
    }

    private ReadFilter filter(ReadFilter.Rules rules) {
        return new ReadFilter(rules, readPoints);
    }

    private static TagRead read(String reader, RawEpc epc, int rssi) {
        return new TagRead(reader, 1, epc, null, null, rssi, -1, -1, 1, 1, 1, 1);
    }
}
