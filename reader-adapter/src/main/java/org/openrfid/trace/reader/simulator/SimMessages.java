package org.openrfid.trace.reader.simulator;

import java.util.List;
import org.llrp.ltk.exceptions.InvalidLLRPMessageException;
import org.llrp.ltk.generated.enumerations.C1G2ReadResultType;
import org.llrp.ltk.generated.enumerations.ConnectionAttemptStatusType;
import org.llrp.ltk.generated.enumerations.StatusCode;
import org.llrp.ltk.generated.messages.READER_EVENT_NOTIFICATION;
import org.llrp.ltk.generated.messages.RO_ACCESS_REPORT;
import org.llrp.ltk.generated.parameters.AntennaID;
import org.llrp.ltk.generated.parameters.C1G2ReadOpSpecResult;
import org.llrp.ltk.generated.parameters.ConnectionAttemptEvent;
import org.llrp.ltk.generated.parameters.Custom;
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

    static final long IMPINJ_VENDOR = 25882;
    static final long IMPINJ_PEAK_RSSI = 57;

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

    /** RO_ACCESS_REPORT carrying the fields the TagReportContentSelector asks for (§13.2.1, §13.2.3). */
    static LLRPMessage report(List<Observation> obs, SimulatedReader.Selector sel, int tidOpSpecId) {
        RO_ACCESS_REPORT m = new RO_ACCESS_REPORT();
        for (Observation o : obs) {
            ScenarioRow row = o.row();
            TagReportData t = new TagReportData();
            if (row.epcHex().length() == 24) {
                // §13.2.3: EPC-96 is the compact TV form, used only for 96-bit EPCs.
                EPC_96 e = new EPC_96();
                e.setEPC(new Integer96_HEX(row.epcHex()));
                t.setEPCParameter(e);
            } else {
                EPCData e = new EPCData();
                e.setEPC(new BitArray_HEX(row.epcHex()));
                t.setEPCParameter(e);
            }
            if (sel.antenna()) {
                AntennaID a = new AntennaID();
                a.setAntennaID(new UnsignedShort(row.antenna()));
                t.setAntennaID(a);
            }
            if (sel.peakRssi()) {
                PeakRSSI p = new PeakRSSI();
                p.setPeakRSSI(new SignedByte((int) Math.max(-128, Math.min(127, Math.round(row.rssiDbm())))));
                t.setPeakRSSI(p);
                // Like an Impinj reader with its peak-RSSI extension on: 1/100 dBm precision.
                Custom c = new Custom();
                c.setVendorIdentifier(new UnsignedInteger(IMPINJ_VENDOR));
                c.setParameterSubtype(new UnsignedInteger(IMPINJ_PEAK_RSSI));
                c.setData(new BytesToEnd_HEX(String.format("%04X", row.rssiCdbm() & 0xFFFF)));
                t.addToCustomList(c);
            }
            if (sel.firstSeen()) {
                FirstSeenTimestampUTC f = new FirstSeenTimestampUTC();
                f.setMicroseconds(new UnsignedLong_DATETIME(o.micros()));
                t.setFirstSeenTimestampUTC(f);
            }
            if (sel.lastSeen()) {
                LastSeenTimestampUTC l = new LastSeenTimestampUTC();
                l.setMicroseconds(new UnsignedLong_DATETIME(o.micros()));
                t.setLastSeenTimestampUTC(l);
            }
            if (sel.seenCount()) {
                TagSeenCount c = new TagSeenCount();
                c.setTagCount(new UnsignedShort(1));
                t.setTagSeenCount(c);
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
}
