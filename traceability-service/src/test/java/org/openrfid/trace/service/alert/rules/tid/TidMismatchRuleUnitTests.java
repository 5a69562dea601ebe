package org.openrfid.trace.service.alert.rules.tid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageId;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.alert.AlertCandidate;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.Severity;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.location.LocationInfo;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.service.registry.binding.ObjectKind;

class TidMismatchRuleUnitTests {

    static final String EPC = "3416451DA400000005F5F3C2";
    static final String REGISTERED = "E2801160200030AF564C8FFA";
    static final String COPY = "E28011602000E9C39B2CF003";
    static final Instant T = Instant.parse("2026-11-24T08:03:50Z");
    static final LocationInfo JIEFANGBEI = new LocationInfo("CQ-CP-019", "解放碑 Jiefangbei", "checkpoint", 29.56, 106.58);

    private final List<AlertCandidate> raised = new ArrayList<>();

    private TidMismatchRule rule(List<String> locations) {
        return new TidMismatchRule(new RuleDefinition("clone-tid", AlertType.CLONE_TID_MISMATCH, true, Severity.CRITICAL, Map.of(),
                locations, null), epc -> EPC.equals(epc) ? REGISTERED : null, o -> "渝D·B133R");
    }

    private static EnrichedPassage passage(String epcHex, String tid, String otherTid) {
        RawEpc epc = RawEpc.ofHex(epcHex);
        Passage p = new Passage(PassageId.of(epc, JIEFANGBEI.id(), T.toEpochMilli() * 1000), epc, null, JIEFANGBEI.id(), "rdr-CQ-CP-019", 2,
                T, T.plusSeconds(3), 20, -50, Direction.IN).withTid(tid, otherTid);
        return new EnrichedPassage(p, new BoundObject(ObjectKind.VEHICLE, "v-1"), JIEFANGBEI);
    }

    @Test
    void aTidOtherThanTheRegisteredOneIsAClone() {
        rule(List.of()).onPassage(passage(EPC, COPY, null), raised::add);
        assertThat(raised).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AlertType.CLONE_TID_MISMATCH);
            assertThat(a.plate()).isEqualTo("渝D·B133R");
            assertThat(a.summary()).contains("渝D·B133R", "解放碑 Jiefangbei", COPY, REGISTERED);
            assertThat(a.evidence()).containsEntry("tidRead", COPY).containsEntry("tidRegistered", REGISTERED);
            assertThat(a.subject()).isEqualTo("EPC:" + EPC);
            assertThat(a.raisedAt()).isEqualTo(T);
        });
    }

    @Test
    void theRegisteredTidInAnyCaseIsNoAlert() {
        rule(List.of()).onPassage(passage(EPC, REGISTERED.toLowerCase(), null), raised::add);
        assertThat(raised).isEmpty();
    }

    @Test
    void twoChipsInOnePassageAreAClonEvenWithoutARegisteredTid() {
        rule(List.of()).onPassage(passage("3416451DA400000005F5E100", REGISTERED, COPY), raised::add);
        assertThat(raised).singleElement().satisfies(a -> assertThat(a.evidence()).containsEntry("otherTidRead", COPY));
    }

    @Test
    void noTidReadOrNoTidRegisteredOrAnotherPlaceSaysNothing() {
        rule(List.of()).onPassage(passage(EPC, null, null), raised::add);
        rule(List.of()).onPassage(passage("3416451DA400000005F5E100", COPY, null), raised::add);
        rule(List.of("CQ-CP-001")).onPassage(passage(EPC, COPY, null), raised::add);
        assertThat(raised).isEmpty();
    }
}
