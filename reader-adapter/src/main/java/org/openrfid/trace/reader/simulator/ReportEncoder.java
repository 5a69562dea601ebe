package org.openrfid.trace.reader.simulator;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.llrp.ImpinjExtensions;
import org.openrfid.trace.reader.llrp.LlrpMessageType;

/**
 * Writes RO_ACCESS_REPORT frames straight into bytes, the same bytes ltkjava's {@code encodeBinary} makes
 * for {@link SimMessages#report} (a unit test compares them), at a small fraction of the cost: ltkjava
 * builds every parameter as objects and encodes through bit lists, which held the simulator far below
 * the reads per second a load test needs (hundreds of thousands a second from one process).
 *
 * <p>Covers everything a report carries except the {@code omitUnchanged} fault, whose per-connection
 * carry-over stays with ltkjava. Layouts: LLRP 1.0.1 §16.2.3.2 (TagReportData, parameter order) and
 * §16.2.7.3 (TV parameters), §16.2.7.3.1 (EPCData), §16.3.1.5.2 (C1G2ReadOpSpecResult), §16.2.8.1 (Custom).
 */
final class ReportEncoder {

    private static final int TAG_REPORT_DATA = 240;
    private static final int EPC_DATA = 241;
    private static final int C1G2_READ_OP_SPEC_RESULT = 349;
    private static final int CUSTOM = 1023;

    /** Bounds the parse caches; a scenario with more distinct tags just parses some of them again. */
    private static final int CACHE_MAX = 200_000;

    private byte[] buf = new byte[4096];
    private int pos;
    // Parsed EPCs and TID words by the scenario's hex string instance (generated scenarios share one per tag):
    // parsing was most of a report's cost. By identity, because String.hashCode, a base-31 polynomial, maps
    // hex EPCs that differ only in their serial digits onto few values.
    private final Map<String, RawEpc> epcs = new IdentityHashMap<>();
    private final Map<String, short[]> tids = new IdentityHashMap<>();

    /** The frame of one report; {@code tidOpSpecId} −1 when no TID AccessSpec is enabled. */
    byte[] encode(List<SimMessages.Observation> obs, ReportSelector sel, int tidOpSpecId, int epcBits, long messageId) {
        pos = 0;
        u16((1 << 10) | LlrpMessageType.RO_ACCESS_REPORT);
        u32(0); // length, patched below
        u32(messageId);
        for (SimMessages.Observation o : obs) {
            tagReportData(o, sel, tidOpSpecId, epcBits);
        }
        patch32(2, pos);
        return Arrays.copyOf(buf, pos);
    }

    private void tagReportData(SimMessages.Observation o, ReportSelector sel, int tidOpSpecId, int epcBits) {
        ScenarioRow row = o.row();
        int start = tlvStart(TAG_REPORT_DATA);
        RawEpc epc = epcBits == 0 ? cached(epcs, row.epcHex(), h -> row.epc()) : SimMessages.epc(row, epcBits);
        byte[] epcBytes = epc.bytes();
        if (epc.bitLength() == 96) {
            u8(0x80 | 13); // EPC-96, TV
            bytes(epcBytes);
        } else {
            int p = tlvStart(EPC_DATA);
            u16(epc.bitLength());
            bytes(epcBytes);
            tlvEnd(p);
        }
        if (sel.antenna()) {
            u8(0x80 | 1);
            u16(row.antenna());
        }
        if (sel.peakRssi()) {
            u8(0x80 | 6);
            u8((int) Math.max(-128, Math.min(127, Math.round(row.rssiDbm()))));
        }
        if (sel.firstSeen()) {
            u8(0x80 | 2);
            u64(o.micros());
        }
        if (sel.lastSeen()) {
            u8(0x80 | 4);
            u64(o.micros());
        }
        if (sel.seenCount()) {
            u8(0x80 | 8);
            u16(1);
        }
        if (tidOpSpecId >= 0 && row.tidHex() != null) {
            short[] words = cached(tids, row.tidHex(), SimMessages::words);
            int p = tlvStart(C1G2_READ_OP_SPEC_RESULT);
            u8(0); // Success
            u16(tidOpSpecId);
            u16(words.length);
            for (short w : words) {
                u16(w);
            }
            tlvEnd(p);
        }
        if (sel.impinjPeakRssi()) {
            custom(ImpinjExtensions.PEAK_RSSI, row.rssiCdbm());
        }
        if (sel.impinjPhase()) {
            custom(ImpinjExtensions.RF_PHASE_ANGLE, SimMessages.phase(row));
        }
        if (sel.impinjDoppler()) {
            custom(ImpinjExtensions.RF_DOPPLER_FREQUENCY, SimMessages.dopplerHz16(row));
        }
        tlvEnd(start);
    }

    private static <T> T cached(Map<String, T> cache, String hex, Function<String, T> parse) {
        T value = cache.get(hex);
        if (value == null) {
            if (cache.size() >= CACHE_MAX) {
                cache.clear();
            }
            value = parse.apply(hex);
            cache.put(hex, value);
        }
        return value;
    }

    private void custom(long subtype, int value16) {
        int p = tlvStart(CUSTOM);
        u32(ImpinjExtensions.VENDOR);
        u32(subtype);
        u16(value16);
        tlvEnd(p);
    }

    private int tlvStart(int type) {
        int p = pos;
        u16(type);
        u16(0);
        return p;
    }

    private void tlvEnd(int start) {
        int length = pos - start;
        buf[start + 2] = (byte) (length >>> 8);
        buf[start + 3] = (byte) length;
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }

    private void u8(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
    }

    private void u16(int v) {
        ensure(2);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    private void u32(long v) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buf[pos++] = (byte) (v >>> shift);
        }
    }

    private void u64(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[pos++] = (byte) (v >>> shift);
        }
    }

    private void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    private void patch32(int at, int v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }
}
