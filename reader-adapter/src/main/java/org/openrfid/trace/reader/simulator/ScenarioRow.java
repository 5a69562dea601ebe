package org.openrfid.trace.reader.simulator;

import org.openrfid.trace.reader.RawEpc;

/**
 * One tag observation of a scenario (seen count 1).
 *
 * @param offsetMs ms since scenario start
 * @param reader   reader id
 * @param antenna  antenna port, 1-based
 * @param epcHex   EPC as upper-case hex; bit length is 4 × digits
 * @param tidHex   TID as upper-case hex, or {@code null}
 * @param rssiDbm  peak RSSI in dBm
 */
public record ScenarioRow(long offsetMs, String reader, int antenna, String epcHex, String tidHex, double rssiDbm) {

    public RawEpc epc() {
        return RawEpc.ofHex(epcHex, epcHex.length() * 4);
    }

    /** RSSI in 1/100 dBm, the unit of {@link org.openrfid.trace.reader.TagRead#peakRssiCdbm()}. */
    public int rssiCdbm() {
        return (int) Math.round(rssiDbm * 100);
    }
}
