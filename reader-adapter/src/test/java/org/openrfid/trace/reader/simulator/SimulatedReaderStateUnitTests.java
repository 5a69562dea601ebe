package org.openrfid.trace.reader.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The simulated reader's ROSpec and AccessSpec transitions, as §10.2.1 and §11 allow them. */
class SimulatedReaderStateUnitTests {

    private final SimulatedReaderState state = new SimulatedReaderState();

    private static SimulatedReaderState.RoSpec roSpec(long id, boolean immediateStart) {
        return new SimulatedReaderState.RoSpec(id, immediateStart, 250, ReportSpec.DEFAULT);
    }

    @Test
    void aRoSpecReportsOnlyOnceEnabledAndStarted() {
        assertThat(state.addRoSpec(roSpec(1, false))).isEmpty();
        assertThat(state.startRoSpec(1)).contains("ROSpec 1 is in state 0");
        assertThat(state.enableRoSpec(1)).isEmpty();
        assertThat(state.snapshot().active()).isNull();
        assertThat(state.startRoSpec(1)).isEmpty();
        assertThat(state.snapshot().active().id).isEqualTo(1);
        assertThat(state.stopRoSpec(1)).isEmpty();
        assertThat(state.snapshot().active()).isNull();
    }

    @Test
    void anImmediateStartTriggerActivatesOnEnable() {
        state.addRoSpec(roSpec(3, true));
        state.enableRoSpec(3);
        assertThat(state.snapshot().active().id).isEqualTo(3);
    }

    @Test
    void idZeroMeansEverySpecAndSkipsThoseInTheWrongState() {
        state.addRoSpec(roSpec(1, false));
        state.addRoSpec(roSpec(2, false));
        state.enableRoSpec(2);
        assertThat(state.startRoSpec(0)).isEmpty();
        assertThat(state.snapshot().active().id).isEqualTo(2);
        assertThat(state.disableRoSpec(0)).isEmpty();
        assertThat(state.snapshot().active()).isNull();
        assertThat(state.deleteRoSpec(0)).isEmpty();
        assertThat(state.deleteRoSpec(1)).contains("ROSpec 1 does not exist");
    }

    @Test
    void idsMustBeFreshAndKnown() {
        assertThat(state.addRoSpec(roSpec(0, false))).contains("ROSpecID 0 is zero or in use");
        state.addRoSpec(roSpec(1, false));
        assertThat(state.addRoSpec(roSpec(1, false))).contains("ROSpecID 1 is zero or in use");
        assertThat(state.enableRoSpec(9)).contains("ROSpec 9 does not exist");
        assertThat(state.addAccessSpec(1, 7)).isEmpty();
        assertThat(state.addAccessSpec(1, 7)).contains("AccessSpecID 1 is zero or in use");
        assertThat(state.enableAccessSpec(9)).contains("AccessSpec 9 does not exist");
    }

    @Test
    void onlyAnEnabledAccessSpecReadsTheTid() {
        state.addAccessSpec(1, 7);
        assertThat(state.snapshot().tidOpSpecId()).isEqualTo(-1);
        state.enableAccessSpec(1);
        assertThat(state.snapshot().tidOpSpecId()).isEqualTo(7);
        state.disableAccessSpec(0);
        assertThat(state.snapshot().tidOpSpecId()).isEqualTo(-1);
    }

    @Test
    void factoryResetForgetsSpecsKeepaliveAndSelectorButKeepsN() {
        state.addRoSpec(roSpec(1, true));
        state.enableRoSpec(1);
        state.keepalive(500);
        ReportSelector antennaOnly = new ReportSelector(true, false, false, false, false, false, false, false, false);
        state.defaultReport(new ReportSpec(4, antennaOnly));
        state.resetToFactoryDefault();
        assertThat(state.snapshot()).isEqualTo(new SimulatedReaderState.Snapshot(null, -1, 0));
        assertThat(state.defaultReport()).isEqualTo(new ReportSpec(4, ReportSelector.DEFAULT));
    }
}
