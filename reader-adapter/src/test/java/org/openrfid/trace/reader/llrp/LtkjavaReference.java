package org.openrfid.trace.reader.llrp;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.llrp.ltk.generated.LLRPMessageFactory;
import org.llrp.ltk.generated.interfaces.AccessCommandOpSpecResult;
import org.llrp.ltk.generated.interfaces.EPCParameter;
import org.llrp.ltk.generated.messages.RO_ACCESS_REPORT;
import org.llrp.ltk.generated.parameters.C1G2ReadOpSpecResult;
import org.llrp.ltk.generated.parameters.Custom;
import org.llrp.ltk.generated.parameters.EPCData;
import org.llrp.ltk.generated.parameters.EPC_96;
import org.llrp.ltk.generated.parameters.TagReportData;
import org.llrp.ltk.types.BitArray_HEX;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.TagRead;

/** The oracle: ltkjava's decoding of RO_ACCESS_REPORT, converted to TagReads with the same rules. */
final class LtkjavaReference {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private LtkjavaReference() {
    }

    static List<TagRead> decode(byte[] frame, String readerId, long receivedAt) throws Exception {
        RO_ACCESS_REPORT report = (RO_ACCESS_REPORT) LLRPMessageFactory.createLLRPMessage(frame);
        List<TagRead> out = new ArrayList<>();
        if (report.getTagReportDataList() == null) {
            return out;
        }
        for (TagReportData t : report.getTagReportDataList()) {
            out.add(convert(t, readerId, receivedAt));
        }
        return out;
    }

    static TagRead convert(TagReportData t, String readerId, long receivedAt) {
        RawEpc epc = epc(t.getEPCParameter());
        int antenna = t.getAntennaID() == null ? 0 : t.getAntennaID().getAntennaID().intValue();
        int rssi = t.getPeakRSSI() == null ? TagRead.NO_RSSI : t.getPeakRSSI().getPeakRSSI().intValue() * 100;
        int channel = t.getChannelIndex() == null ? -1 : t.getChannelIndex().getChannelIndex().intValue();
        Long first = t.getFirstSeenTimestampUTC() == null ? null : t.getFirstSeenTimestampUTC().getMicroseconds().toLong();
        Long last = t.getLastSeenTimestampUTC() == null ? null : t.getLastSeenTimestampUTC().getMicroseconds().toLong();
        int count = t.getTagSeenCount() == null ? 1 : t.getTagSeenCount().getTagCount().intValue();
        int phase = -1;
        // On the wire a Custom after TagReportData's fields may be an AccessCommandOpSpecResult or a
        // plain extension; ltkjava files it under either list, so look in both.
        List<Custom> customs = new ArrayList<>();
        if (t.getCustomList() != null) {
            customs.addAll(t.getCustomList());
        }
        if (t.getAccessCommandOpSpecResultList() != null) {
            t.getAccessCommandOpSpecResultList().stream().filter(Custom.class::isInstance).map(Custom.class::cast).forEach(customs::add);
        }
        {
            for (Custom c : customs) {
                byte[] data = c.getData().encodeBinary().toByteArray();
                if (c.getVendorIdentifier().toLong() == 25882 && data.length >= 2) {
                    int v = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
                    if (c.getParameterSubtype().toLong() == 57) {
                        rssi = (short) v;
                    } else if (c.getParameterSubtype().toLong() == 56) {
                        phase = v;
                    }
                }
            }
        }
        String tid = null;
        String user = null;
        if (t.getAccessCommandOpSpecResultList() != null) {
            for (AccessCommandOpSpecResult r : t.getAccessCommandOpSpecResultList()) {
                if (r instanceof C1G2ReadOpSpecResult read && read.getResult().intValue() == 0) {
                    short[] words = read.getReadData().toShortArray();
                    StringBuilder sb = new StringBuilder();
                    for (short w : words) {
                        sb.append(String.format("%04X", w & 0xFFFF));
                    }
                    int op = read.getOpSpecID().intValue();
                    if (op == RoAccessReportDecoder.DEFAULT_TID_OPSPEC_ID) {
                        tid = sb.toString();
                    } else if (op == RoAccessReportDecoder.DEFAULT_USER_OPSPEC_ID) {
                        user = sb.toString();
                    }
                }
            }
        }
        long f = first != null ? first : last != null ? last : receivedAt;
        long l = last != null ? last : f;
        return new TagRead(readerId, antenna, epc, tid, user, rssi, phase, channel, f, l, count, receivedAt);
    }

    static RawEpc epc(EPCParameter p) {
        if (p instanceof EPC_96 e) {
            byte[] b = e.getEPC().encodeBinary().toByteArray();
            return new RawEpc(b, 96);
        }
        BitArray_HEX bits = ((EPCData) p).getEPC();
        int n = bits.size();
        byte[] b = new byte[(n + 7) / 8];
        for (int i = 0; i < n; i++) {
            if (bits.get(i).toBoolean()) {
                b[i / 8] |= (byte) (0x80 >>> (i % 8));
            }
        }
        return new RawEpc(b, n);
    }

    static String hex(byte[] b) {
        return HEX.formatHex(b);
    }
}
