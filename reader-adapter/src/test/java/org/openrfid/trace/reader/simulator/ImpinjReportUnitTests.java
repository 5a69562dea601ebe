package org.openrfid.trace.reader.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.reader.llrp.RoAccessReportDecoder;
import org.openrfid.trace.reader.llrp.TagReportView;

/** Impinj custom parameters in the simulator's reports, decoded by our decoder (Doppler via the visitor view). */
class ImpinjReportUnitTests {

    @Test
    void dopplerPhaseAndPeakRssiAreDecoded() throws Exception {
        ScenarioRow row = new ScenarioRow(1234, "r1", 3, "3034257BF7194E4000019919", null, -47.12);
        ReportSelector sel = new ReportSelector(true, false, true, true, true, true, true, true, true);
        byte[] frame = SimMessages.report(List.of(new SimMessages.Observation(row, 1L)), sel, -1).encodeBinary();
        List<int[]> seen = new ArrayList<>();
        List<Double> hz = new ArrayList<>();
        new RoAccessReportDecoder().decode(frame, 0, frame.length, t -> {
            seen.add(new int[] {t.peakRssiCdbm(), t.phase(), t.dopplerHz16()});
            hz.add(t.dopplerHz());
        });
        int doppler = SimMessages.dopplerHz16(row);
        assertThat(seen).singleElement().satisfies(v -> {
            assertThat(v[0]).isEqualTo(-4712);
            assertThat(v[1]).isEqualTo(SimMessages.phase(row));
            assertThat(v[2]).isEqualTo(doppler);
        });
        assertThat(hz).containsExactly(doppler / 16.0);
        assertThat(doppler).isNotZero();
    }

    @Test
    void withoutTheDopplerParameterTheViewSaysSo() throws Exception {
        ScenarioRow row = new ScenarioRow(0, "r1", 1, "3034257BF7194E4000019919", null, -50);
        byte[] frame = SimMessages.report(List.of(new SimMessages.Observation(row, 1L)), ReportSelector.DEFAULT, -1)
                .encodeBinary();
        List<Integer> doppler = new ArrayList<>();
        new RoAccessReportDecoder().decode(frame, 0, frame.length, t -> doppler.add(t.dopplerHz16()));
        assertThat(doppler).containsExactly(TagReportView.NO_DOPPLER);
    }
}
