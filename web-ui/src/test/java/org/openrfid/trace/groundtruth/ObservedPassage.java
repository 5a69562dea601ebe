package org.openrfid.trace.groundtruth;

import java.time.Instant;
import java.util.Comparator;
import org.openrfid.trace.passage.Passage;

/**
 * What the ground truth and a stored passage must agree on, in units both express exactly:
 * microseconds since the simulator's origin and RSSI in tenths of a dBm (the scenario's precision).
 */
record ObservedPassage(String epc, String location, long firstMicros, long lastMicros, int reads, int peakTenths) {

    static final Comparator<ObservedPassage> ORDER = Comparator.comparingLong(ObservedPassage::firstMicros)
            .thenComparing(ObservedPassage::epc).thenComparing(ObservedPassage::location)
            .thenComparingLong(ObservedPassage::lastMicros).thenComparingInt(ObservedPassage::reads)
            .thenComparingInt(ObservedPassage::peakTenths);

    static ObservedPassage of(Passage p, long originMicros) {
        return new ObservedPassage(p.epc().toHex(), p.locationId(), micros(p.firstSeen()) - originMicros,
                micros(p.lastSeen()) - originMicros, p.reads(), (int) Math.round(p.peakRssiDbm() * 10));
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }
}
