package org.openrfid.trace.e2e;

import java.util.List;
import org.openrfid.trace.service.readerfleet.ReaderDefinition;

/**
 * The small scenario in {@code e2e/scenario.csv} and the passages it implies under the 2 s silence
 * rule, worked out by hand: a car under a two-antenna gantry, then at a second gantry; a van
 * passing the first gantry twice 2.6 s apart (two passages); a 128-bit non-GS1 tag.
 */
final class EndToEndScenario {

    static final String CAR = "3074257BF7194E4000001A85";
    static final String VAN = "3074257BF7194E4000001A86";
    static final String ODD = "AD0000000000000000000000000000AB";

    /** epc, location, first offset ms, last offset ms, reads, peak dBm, bits */
    record Expected(String epc, String location, long firstMs, long lastMs, int reads, double peak, int bits) {
    }

    static final List<Expected> PASSAGES = List.of(
            new Expected(CAR, "CP-A", 0, 600, 7, -50.0, 96),
            new Expected(VAN, "CP-A", 200, 400, 3, -61.5, 96),
            new Expected(CAR, "CP-B", 1500, 1900, 5, -52.5, 96),
            new Expected(ODD, "CP-B", 1600, 1600, 1, -80.0, 128),
            new Expected(VAN, "CP-A", 3000, 3200, 3, -56.0, 96));

    static List<ReaderDefinition> readers(int portA, int portB) {
        return List.of(
                new ReaderDefinition("gantry-a", "127.0.0.1", portA, List.of(
                        new ReaderDefinition.Antenna(1, "CP-A", "IN", 1),
                        new ReaderDefinition.Antenna(2, "CP-A", "IN", 2))),
                new ReaderDefinition("gantry-b", "127.0.0.1", portB, List.of(
                        new ReaderDefinition.Antenna(0, "CP-B", "", 0))));
    }

    private EndToEndScenario() {
    }
}
