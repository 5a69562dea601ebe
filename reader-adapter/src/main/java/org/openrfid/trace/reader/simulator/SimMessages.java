package org.openrfid.trace.reader.simulator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.llrp.ltk.generated.enumerations.IdentificationType;
import org.llrp.ltk.generated.messages.CUSTOM_MESSAGE;
import org.llrp.ltk.generated.parameters.Identification;
import org.llrp.ltk.types.Bit;
import org.llrp.ltk.types.UnsignedByte;
import org.llrp.ltk.types.UnsignedByteArray_HEX;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.llrp.ImpinjExtensions;
import org.llrp.ltk.exceptions.InvalidLLRPMessageException;
import org.llrp.ltk.generated.enumerations.C1G2ReadResultType;
import org.llrp.ltk.generated.enumerations.ConnectionAttemptStatusType;
import org.llrp.ltk.generated.enumerations.StatusCode;
import org.llrp.ltk.generated.messages.READER_EVENT_NOTIFICATION;
import org.llrp.ltk.generated.messages.RO_ACCESS_REPORT;
import org.llrp.ltk.generated.parameters.AntennaID;
import org.llrp.ltk.generated.parameters.C1G2ReadOpSpecResult;
import org.llrp.ltk.generated.parameters.ConnectionAttemptEvent;
import org.llrp.ltk.generated.parameters.EPCData;
import org.llrp.ltk.generated.parameters.EPC_96;
import org.llrp.ltk.generated.parameters.FirstSeenTimestampUTC;
import org.llrp.ltk.generated.parameters.LLRPStatus;
import org.llrp.ltk.generated.parameters.LastSeenTimestampUTC;
import org.llrp.ltk.generated.parameters.PeakRSSI;
import org.llrp.ltk.generated.parameters.ReaderEventNotificationData;
import org.llrp.ltk.generated.parameters.TagReportData;
import org.llrp.ltk.generated.parameters.TagSeenCount;
import org.llrp.ltk.generated.parameters.UTCTimestamp;
import org.llrp.ltk.types.BitArray_HEX;
import org.llrp.ltk.types.BytesToEnd_HEX;
import org.llrp.ltk.types.Integer96_HEX;
import org.llrp.ltk.types.LLRPMessage;
import org.llrp.ltk.types.SignedByte;
import org.llrp.ltk.types.UTF8String_UTF_8;
import org.llrp.ltk.types.UnsignedInteger;
import org.llrp.ltk.types.UnsignedLong_DATETIME;
import org.llrp.ltk.types.UnsignedShort;
import org.llrp.ltk.types.UnsignedShortArray_HEX;

/** ltkjava message building for the simulated reader. */
final class SimMessages {

    private SimMessages() {
    }

    static byte[] encode(LLRPMessage m, long id) {
        m.setMessageID(new UnsignedInteger(id));
        try {
            return m.encodeBinary();
        } catch (InvalidLLRPMessageException e) {
            throw new IllegalStateException("cannot encode " + m.getName(), e);
        }
    }

    static LLRPStatus status(int code, String text) {
        LLRPStatus s = new LLRPStatus();
        s.setStatusCode(new StatusCode(code));
        s.setErrorDescription(new UTF8String_UTF_8(text == null ? "" : text));
        return s;
    }

    static LLRPStatus success() {
        return status(StatusCode.M_Success, "");
    }

    /** Success, or A_Invalid with the reason the reader state gave for refusing. */
    static LLRPStatus outcome(Optional<String> refusal) {
        return refusal.map(reason -> status(StatusCode.A_Invalid, reason)).orElseGet(SimMessages::success);
    }

    /** READER_EVENT_NOTIFICATION with ConnectionAttemptEvent (§13.2.6.11), the first thing a reader says. */
    static LLRPMessage connectionAttempt(int statusType, long nowMicros) {
        ReaderEventNotificationData data = new ReaderEventNotificationData();
        UTCTimestamp ts = new UTCTimestamp();
        ts.setMicroseconds(new UnsignedLong_DATETIME(nowMicros));
        data.setTimestamp(ts);
        ConnectionAttemptEvent ev = new ConnectionAttemptEvent();
        ev.setStatus(new ConnectionAttemptStatusType(statusType));
        data.setConnectionAttemptEvent(ev);
        READER_EVENT_NOTIFICATION m = new READER_EVENT_NOTIFICATION();
        m.setReaderEventNotificationData(data);
        return m;
    }

    /** Hex (whole 16-bit words) to the word array of a u16v field. */
    static short[] words(String hex) {
        short[] w = new short[hex.length() / 4];
        for (int i = 0; i < w.length; i++) {
            w[i] = (short) Integer.parseInt(hex, 4 * i, 4 * i + 4, 16);
        }
        return w;
    }

    /** One observation ready to report, with its reader-clock timestamp. */
    record Observation(ScenarioRow row, long micros) {
    }

    /** What this connection last sent of each optional field (§13.2.3 lets a reader omit repeats). */
    static final class Carry {
        Integer antenna;
        Integer rssiCdbm;
        Long firstSeen;
        Long lastSeen;
        Integer count;
    }

    /** Identification (§16.2.6.2) with the reader id as its ReaderID bytes (IDType EPC = 1, free-form). */
    static Identification identification(String readerId) {
        Identification i = new Identification();
        i.setIDType(new IdentificationType(IdentificationType.EPC));
        i.setReaderID(new UnsignedByteArray_HEX(readerId.getBytes(StandardCharsets.UTF_8)));
        return i;
    }

    /** IMPINJ_ENABLE_EXTENSIONS_RESPONSE: CUSTOM_MESSAGE subtype 22 holding LLRPStatus(M_Success, ""). */
    static LLRPMessage impinjEnableExtensionsResponse() {
        CUSTOM_MESSAGE m = new CUSTOM_MESSAGE();
        m.setVendorIdentifier(new UnsignedInteger(ImpinjExtensions.VENDOR));
        m.setMessageSubtype(new UnsignedByte(ImpinjExtensions.ENABLE_EXTENSIONS_RESPONSE));
        m.setData(new BytesToEnd_HEX("011F000800000000"));
        return m;
    }

    /** The simulated RF phase angle of an observation (0..4095), deterministic so tests can expect it. */
    static int phase(ScenarioRow row) {
        return (int) ((row.offsetMs() * 7 + row.antenna() * 1024L) & 0xFFF);
    }

    /** The simulated Doppler shift in Hz × 16 (s16), deterministic: -31.. +32 Hz. */
    static int dopplerHz16(ScenarioRow row) {
        return (int) ((row.offsetMs() % 64) - 31) * 16;
    }

    /** The EPC a reader reports for {@code row}, resized when {@code bits > 0}. */
    static RawEpc epc(ScenarioRow row, int bits) {
        return bits > 0 ? LlrpReaderSimulator.resizeEpc(row.epc(), bits) : row.epc();
    }

    /** RO_ACCESS_REPORT carrying the fields the TagReportContentSelector asks for (§13.2.1, §13.2.3). */
    static LLRPMessage report(List<Observation> obs, ReportSelector sel, int tidOpSpecId) {
        return report(obs, sel, tidOpSpecId, SimOptions.DEFAULT, new Carry());
    }

    static LLRPMessage report(List<Observation> obs, ReportSelector sel, int tidOpSpecId, SimOptions options, Carry carry) {
        RO_ACCESS_REPORT m = new RO_ACCESS_REPORT();
        boolean omit = options.omitUnchanged();
        for (Observation o : obs) {
            ScenarioRow row = o.row();
            TagReportData t = new TagReportData();
            RawEpc epc = epc(row, options.epcBits());
            if (epc.bitLength() == 96) {
                // §13.2.3: EPC-96 is the compact TV form, used only for 96-bit EPCs.
                EPC_96 e = new EPC_96();
                e.setEPC(new Integer96_HEX(epc.toHex()));
                t.setEPCParameter(e);
            } else {
                // EPCData's u1v carries the exact bit count (§16.2.7.3.1), e.g. 170 for GRAI-170.
                EPCData e = new EPCData();
                e.setEPC(new BitArray_HEX(bits(epc)));
                t.setEPCParameter(e);
            }
            if (sel.antenna() && !(omit && Integer.valueOf(row.antenna()).equals(carry.antenna))) {
                AntennaID a = new AntennaID();
                a.setAntennaID(new UnsignedShort(row.antenna()));
                t.setAntennaID(a);
                carry.antenna = row.antenna();
            }
            if ((sel.peakRssi() || sel.impinjPeakRssi()) && !(omit && Integer.valueOf(row.rssiCdbm()).equals(carry.rssiCdbm))) {
                if (sel.peakRssi()) {
                    PeakRSSI p = new PeakRSSI();
                    p.setPeakRSSI(new SignedByte((int) Math.max(-128, Math.min(127, Math.round(row.rssiDbm())))));
                    t.setPeakRSSI(p);
                }
                if (sel.impinjPeakRssi()) {
                    // ImpinjPeakRSSI: s16 in 1/100 dBm.
                    t.addToCustomList(ImpinjExtensions.custom(ImpinjExtensions.PEAK_RSSI, String.format("%04X", row.rssiCdbm() & 0xFFFF)));
                }
                carry.rssiCdbm = row.rssiCdbm();
            }
            if (sel.impinjPhase()) {
                t.addToCustomList(ImpinjExtensions.custom(ImpinjExtensions.RF_PHASE_ANGLE, String.format("%04X", phase(row))));
            }
            if (sel.impinjDoppler()) {
                t.addToCustomList(ImpinjExtensions.custom(ImpinjExtensions.RF_DOPPLER_FREQUENCY,
                        String.format("%04X", dopplerHz16(row) & 0xFFFF)));
            }
            if (sel.firstSeen() && !(omit && Long.valueOf(o.micros()).equals(carry.firstSeen))) {
                FirstSeenTimestampUTC f = new FirstSeenTimestampUTC();
                f.setMicroseconds(new UnsignedLong_DATETIME(o.micros()));
                t.setFirstSeenTimestampUTC(f);
                carry.firstSeen = o.micros();
            }
            if (sel.lastSeen() && !(omit && Long.valueOf(o.micros()).equals(carry.lastSeen))) {
                LastSeenTimestampUTC l = new LastSeenTimestampUTC();
                l.setMicroseconds(new UnsignedLong_DATETIME(o.micros()));
                t.setLastSeenTimestampUTC(l);
                carry.lastSeen = o.micros();
            }
            if (sel.seenCount() && !(omit && Integer.valueOf(1).equals(carry.count))) {
                TagSeenCount c = new TagSeenCount();
                c.setTagCount(new UnsignedShort(1));
                t.setTagSeenCount(c);
                carry.count = 1;
            }
            if (tidOpSpecId >= 0 && row.tidHex() != null) {
                C1G2ReadOpSpecResult r = new C1G2ReadOpSpecResult();
                r.setResult(new C1G2ReadResultType(C1G2ReadResultType.Success));
                r.setOpSpecID(new UnsignedShort(tidOpSpecId));
                r.setReadData(new UnsignedShortArray_HEX(words(row.tidHex())));
                t.addToAccessCommandOpSpecResultList(r);
            }
            m.addToTagReportDataList(t);
        }
        return m;
    }

    /** The EPC's significant bits, no padding, so ltkjava writes the exact bit count. */
    private static Bit[] bits(RawEpc epc) {
        byte[] b = epc.bytes();
        Bit[] bits = new Bit[epc.bitLength()];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = new Bit((b[i >> 3] & (0x80 >> (i & 7))) != 0);
        }
        return bits;
    }
}
