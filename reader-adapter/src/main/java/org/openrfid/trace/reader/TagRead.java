package org.openrfid.trace.reader;

/**
 * One tag report line from a reader: what LLRP's TagReportData (or a JSON reader's event) says about
 * one tag seen by one antenna.
 *
 * <p>Times are microseconds since 1970-01-01 UTC, LLRP's native unit. Optional values use sentinels
 * rather than boxes so a report of thousands of reads stays cheap: {@link #NO_RSSI} for RSSI,
 * {@code -1} for phase and channel, {@code null} for TID and user memory.
 *
 * @param readerId         the configured reader id
 * @param antenna          antenna port, 1-based (0 when the reader did not say)
 * @param epc              the EPC bank contents, bit-exact
 * @param tidHex           the TID bank (chip serial) as upper-case hex, when an AccessSpec read it
 * @param userMemoryHex    user memory as upper-case hex, when read
 * @param peakRssiCdbm     peak RSSI in 1/100 dBm (Impinj precision; plain LLRP gives whole dBm × 100)
 * @param phase            RF phase angle 0..4095 (4096 = 2π), or -1
 * @param channelIndex     LLRP channel index, or -1
 * @param firstSeenMicros  first seen (reader clock, UTC µs)
 * @param lastSeenMicros   last seen (reader clock, UTC µs)
 * @param seenCount        how many times the reader saw the tag in this report line (≥ 1)
 * @param receivedAtMicros when this process received the report (UTC µs)
 */
public record TagRead(
        String readerId,
        int antenna,
        RawEpc epc,
        String tidHex,
        String userMemoryHex,
        int peakRssiCdbm,
        int phase,
        int channelIndex,
        long firstSeenMicros,
        long lastSeenMicros,
        int seenCount,
        long receivedAtMicros) {

    /** Sentinel for "the reader reported no RSSI". */
    public static final int NO_RSSI = Integer.MIN_VALUE;

    public boolean hasRssi() {
        return peakRssiCdbm != NO_RSSI;
    }

    /** Peak RSSI in dBm, or NaN when unknown. */
    public double peakRssiDbm() {
        return hasRssi() ? peakRssiCdbm / 100.0 : Double.NaN;
    }
}
