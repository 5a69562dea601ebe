package org.openrfid.trace.reader.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The simulator's direct report encoder makes exactly ltkjava's bytes, for every field a selector can ask for. */
class ReportEncoderUnitTests {

    private static List<SimMessages.Observation> observations(Random random, int n, boolean tid) {
        List<SimMessages.Observation> obs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] epc = new byte[12];
            random.nextBytes(epc);
            String epcHex = java.util.HexFormat.of().withUpperCase().formatHex(epc);
            String tidHex = tid ? "E28011602000" + String.format("%012X", random.nextLong() & 0xFFFFFFFFFFFFL) : null;
            double rssi = -90 + random.nextInt(8000) / 100.0;
            obs.add(new SimMessages.Observation(new ScenarioRow(random.nextInt(100_000), "r1", 1 + random.nextInt(8), epcHex, tidHex, rssi),
                    1_700_000_000_000_000L + random.nextInt(1_000_000_000)));
        }
        return obs;
    }

    @Test
    void sameBytesAsLtkjavaForEverySelector() throws Exception {
        Random random = new Random(7);
        ReportEncoder encoder = new ReportEncoder();
        int compared = 0;
        for (int mask = 0; mask < 512; mask++) {
            ReportSelector sel = new ReportSelector((mask & 1) != 0, false, (mask & 2) != 0, (mask & 4) != 0,
                    (mask & 8) != 0, (mask & 16) != 0, (mask & 32) != 0, (mask & 64) != 0, (mask & 128) != 0);
            boolean tid = (mask & 256) != 0;
            List<SimMessages.Observation> obs = observations(random, 1 + random.nextInt(5), tid);
            int tidOpSpec = tid ? 7 : -1;
            byte[] expected = SimMessages.encode(SimMessages.report(obs, sel, tidOpSpec), 4242 + mask);
            assertThat(encoder.encode(obs, sel, tidOpSpec, 0, 4242 + mask)).as("selector %s, tid %s", sel, tid).isEqualTo(expected);
            compared++;
        }
        assertThat(compared).isEqualTo(512);
    }

    @Test
    void sameBytesAsLtkjavaForOtherEpcLengthsAndLargeReports() throws Exception {
        Random random = new Random(11);
        ReportEncoder encoder = new ReportEncoder();
        SimOptions plain = SimOptions.DEFAULT;
        for (int bits : new int[] {8, 64, 128, 170, 198, 496}) {
            List<SimMessages.Observation> obs = observations(random, 3, true);
            SimOptions resized = new SimOptions(plain.impinj(), false, bits, null, null, 0);
            byte[] expected = SimMessages.encode(SimMessages.report(obs, ReportSelector.DEFAULT, 3, resized, new SimMessages.Carry()), 1);
            assertThat(encoder.encode(obs, ReportSelector.DEFAULT, 3, bits, 1)).as("%d-bit EPC", bits).isEqualTo(expected);
        }
        List<SimMessages.Observation> many = observations(random, 400, true); // grows the buffer past its first size
        byte[] expected = SimMessages.encode(SimMessages.report(many, ReportSelector.DEFAULT, 3), 99);
        assertThat(encoder.encode(many, ReportSelector.DEFAULT, 3, 0, 99)).isEqualTo(expected);
    }
}
