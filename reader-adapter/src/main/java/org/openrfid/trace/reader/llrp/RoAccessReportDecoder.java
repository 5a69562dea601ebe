package org.openrfid.trace.reader.llrp;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openrfid.trace.reader.TagRead;

/**
 * Decodes RO_ACCESS_REPORT (LLRP 1.0.1 §13.1.3, type 61) straight from the frame bytes.
 *
 * <p>One instance per connection and not thread-safe: it keeps the carry-over state of §13.2.3
 * ("If an optional parameter is enabled, and is absent in the report, the Client SHALL assume that
 * the value is identical to the last parameter of the same type received"). Which parameters are
 * enabled is the client's knowledge (its TagReportContentSelector), so it is given at construction;
 * call {@link #reset()} on every new connection.
 *
 * <p>Every parameter length is checked against its parent before use and every loop step advances by
 * at least four bytes, so any input ends in a result or an {@link LlrpDecodeException}; allocation
 * is bounded by the frame size.
 */
public final class RoAccessReportDecoder {

    /** Optional TagReportData fields subject to carry-over when enabled in the ROReportSpec. */
    public enum CarriedField { ANTENNA_ID, PEAK_RSSI, CHANNEL_INDEX, FIRST_SEEN, LAST_SEEN, TAG_SEEN_COUNT }

    /** Impinj's IANA enterprise number (Octane LLRP extensions). */
    public static final long IMPINJ_VENDOR = 25882;
    static final int IMPINJ_RF_PHASE_ANGLE = 56;
    static final int IMPINJ_PEAK_RSSI = 57;
    static final int IMPINJ_RF_DOPPLER_FREQUENCY = 68;

    /** Default OpSpecIDs of the C1G2Read ops that read TID and user memory (our AccessSpec uses these). */
    public static final int DEFAULT_TID_OPSPEC_ID = 1;
    public static final int DEFAULT_USER_OPSPEC_ID = 2;

    private static final int TLV_TAG_REPORT_DATA = 240;
    private static final int TLV_EPC_DATA = 241;
    private static final int TLV_C1G2_READ_OP_SPEC_RESULT = 349;
    private static final int TLV_CUSTOM = 1023;

    /** Value sizes of TV parameters 1..20 (§16.2.7.3, plus the two LLRP 1.1 XPC words); -1 = not a TV type. */
    private static final int[] TV_SIZE = {-1, 2, 8, 8, 8, 8, 1, 2, 2, 4, 2, 2, 2, 12, 2, 2, 4, 2, 4, 2, 2};

    private final boolean carryAntenna;
    private final boolean carryRssi;
    private final boolean carryChannel;
    private final boolean carryFirst;
    private final boolean carryLast;
    private final boolean carryCount;
    private final int tidOpSpecId;
    private final int userOpSpecId;
    private final TagReportView view = new TagReportView();

    private int lastAntenna;
    private int lastRssiCdbm = TagRead.NO_RSSI;
    private int lastChannel = -1;
    private long lastFirst = TagReportView.NO_TIME;
    private long lastLast = TagReportView.NO_TIME;
    private int lastCount = 1;

    /** A decoder without carry-over: each value is exactly what the report holds. */
    public RoAccessReportDecoder() {
        this(EnumSet.noneOf(CarriedField.class), DEFAULT_TID_OPSPEC_ID, DEFAULT_USER_OPSPEC_ID);
    }

    public RoAccessReportDecoder(Set<CarriedField> enabled, int tidOpSpecId, int userOpSpecId) {
        carryAntenna = enabled.contains(CarriedField.ANTENNA_ID);
        carryRssi = enabled.contains(CarriedField.PEAK_RSSI);
        carryChannel = enabled.contains(CarriedField.CHANNEL_INDEX);
        carryFirst = enabled.contains(CarriedField.FIRST_SEEN);
        carryLast = enabled.contains(CarriedField.LAST_SEEN);
        carryCount = enabled.contains(CarriedField.TAG_SEEN_COUNT);
        this.tidOpSpecId = tidOpSpecId;
        this.userOpSpecId = userOpSpecId;
    }

    /** Forgets carried values; a new connection starts from nothing. */
    public void reset() {
        lastAntenna = 0;
        lastRssiCdbm = TagRead.NO_RSSI;
        lastChannel = -1;
        lastFirst = TagReportView.NO_TIME;
        lastLast = TagReportView.NO_TIME;
        lastCount = 1;
    }

    /** Decodes a whole frame (header included) into reads. */
    public List<TagRead> decode(byte[] frame, String readerId, long receivedAtMicros) throws LlrpDecodeException {
        List<TagRead> out = new ArrayList<>();
        decode(frame, 0, frame.length, tag -> out.add(tag.toTagRead(readerId, receivedAtMicros)));
        return out;
    }

    /**
     * Visits each TagReportData of the frame at {@code frame[off..off+len)} without allocating.
     *
     * @return the number of tag reports visited
     */
    public int decode(byte[] frame, int off, int len, TagReportVisitor visitor) throws LlrpDecodeException {
        if (len < LlrpFrames.HEADER_LENGTH) {
            throw new LlrpDecodeException("frame shorter than the LLRP header", off);
        }
        int type = ((frame[off] & 0x03) << 8) | (frame[off + 1] & 0xFF);
        if (type != LlrpMessageType.RO_ACCESS_REPORT) {
            throw new LlrpDecodeException("message type " + type + " is not RO_ACCESS_REPORT", off);
        }
        long msgLen = LlrpFrames.u32(frame, off + 2);
        if (msgLen != len) {
            throw new LlrpDecodeException("length field " + msgLen + " but frame has " + len + " bytes", off + 2);
        }
        view.frame = frame;
        int end = off + len;
        int p = off + LlrpFrames.HEADER_LENGTH;
        int count = 0;
        while (p < end) {
            if ((frame[p] & 0x80) != 0) {
                throw new LlrpDecodeException("TV parameter at message level", p);
            }
            int plen = tlvLength(frame, p, end);
            if (tlvType(frame, p) == TLV_TAG_REPORT_DATA) {
                tagReportData(frame, p + 4, p + plen);
                visitor.onTag(view);
                count++;
            }
            // RFSurveyReportData and Custom at message level carry no tag reads (§13.1.3): skipped.
            p += plen;
        }
        return count;
    }

    private void tagReportData(byte[] f, int p, int end) throws LlrpDecodeException {
        TagReportView v = view;
        v.clear();
        boolean antenna = false;
        boolean rssi = false;
        boolean channel = false;
        boolean first = false;
        boolean last = false;
        boolean count = false;
        int impinjRssi = TagRead.NO_RSSI;
        while (p < end) {
            int b = f[p] & 0xFF;
            if ((b & 0x80) != 0) {
                int tv = b & 0x7F;
                int size = tv < TV_SIZE.length ? TV_SIZE[tv] : -1;
                if (size < 0) {
                    throw new LlrpDecodeException("unknown TV parameter type " + tv + " (its size cannot be known)", p);
                }
                int q = p + 1;
                if (q + size > end) {
                    throw new LlrpDecodeException("TV parameter " + tv + " runs past its TagReportData", p);
                }
                switch (tv) {
                    case 1 -> { v.antenna = u16(f, q); antenna = true; }
                    case 2 -> { v.firstSeenMicros = s64(f, q); first = true; }
                    case 4 -> { v.lastSeenMicros = s64(f, q); last = true; }
                    case 6 -> { v.peakRssiCdbm = f[q] * 100; rssi = true; }
                    case 7 -> { v.channelIndex = u16(f, q); channel = true; }
                    case 8 -> { v.seenCount = u16(f, q); count = true; }
                    case 13 -> { v.epcOffset = q; v.epcBitLength = 96; }
                    default -> { /* ROSpecID, SpecIndex, uptimes (not UTC), CRC, PC, ...: not part of a TagRead */ }
                }
                p = q + size;
            } else {
                int plen = tlvLength(f, p, end);
                int q = p + 4;
                int pend = p + plen;
                switch (tlvType(f, p)) {
                    case TLV_EPC_DATA -> epcData(f, q, pend);
                    case TLV_C1G2_READ_OP_SPEC_RESULT -> readOpSpecResult(f, q, pend);
                    case TLV_CUSTOM -> {
                        if (pend - q >= 8 && LlrpFrames.u32(f, q) == IMPINJ_VENDOR) {
                            long subtype = LlrpFrames.u32(f, q + 4);
                            if (subtype == IMPINJ_PEAK_RSSI && pend - q >= 10) {
                                impinjRssi = (short) u16(f, q + 8);
                            } else if (subtype == IMPINJ_RF_PHASE_ANGLE && pend - q >= 10) {
                                v.phase = u16(f, q + 8);
                            } else if (subtype == IMPINJ_RF_DOPPLER_FREQUENCY && pend - q >= 10) {
                                v.dopplerHz16 = (short) u16(f, q + 8);
                            }
                        }
                    }
                    default -> { /* other air-protocol data, op results and unknown TLVs: skipped by length */ }
                }
                p = pend;
            }
        }
        if (v.epcOffset < 0) {
            throw new LlrpDecodeException("TagReportData without EPCData or EPC-96 (mandatory, §13.2.3)", end);
        }
        // §13.2.3 carry-over: an enabled field missing from this TagReportData repeats the last one received.
        if (antenna) lastAntenna = v.antenna; else if (carryAntenna) v.antenna = lastAntenna;
        if (rssi) lastRssiCdbm = v.peakRssiCdbm; else if (carryRssi) v.peakRssiCdbm = lastRssiCdbm;
        if (channel) lastChannel = v.channelIndex; else if (carryChannel) v.channelIndex = lastChannel;
        if (first) lastFirst = v.firstSeenMicros; else if (carryFirst) v.firstSeenMicros = lastFirst;
        if (last) lastLast = v.lastSeenMicros; else if (carryLast) v.lastSeenMicros = lastLast;
        if (count) lastCount = v.seenCount; else if (carryCount) v.seenCount = lastCount;
        // Impinj's peak RSSI has 1/100 dBm resolution where LLRP's has whole dBm: prefer it when present,
        // and carry it (it is an enabled parameter like PeakRSSI, so §13.2.3 applies to it too).
        if (impinjRssi != TagRead.NO_RSSI) {
            v.peakRssiCdbm = impinjRssi;
            lastRssiCdbm = impinjRssi;
        }
    }

    /** EPCData (§16.2.7.3.1): u1v = u16 bit count then the bits, left-aligned, pad bits ignored. */
    private void epcData(byte[] f, int q, int end) throws LlrpDecodeException {
        if (end - q < 2) {
            throw new LlrpDecodeException("EPCData without its bit count", q);
        }
        int bits = u16(f, q);
        if ((bits + 7) / 8 > end - q - 2) {
            throw new LlrpDecodeException("EPCData of " + bits + " bits does not fit its parameter", q);
        }
        view.epcOffset = q + 2;
        view.epcBitLength = bits;
    }

    /** C1G2ReadOpSpecResult (§16.3.1.5.2): u8 Result, u16 OpSpecID, u16v ReadData. */
    private void readOpSpecResult(byte[] f, int q, int end) throws LlrpDecodeException {
        if (end - q < 5) {
            throw new LlrpDecodeException("C1G2ReadOpSpecResult too short", q);
        }
        int result = f[q] & 0xFF;
        int opSpecId = u16(f, q + 1);
        int words = u16(f, q + 3);
        if (words * 2 > end - q - 5) {
            throw new LlrpDecodeException("C1G2ReadOpSpecResult of " + words + " words does not fit", q);
        }
        if (result != 0) {
            return; // a failed read (e.g. Nonspecific_Tag_Error) carries no data worth keeping
        }
        if (opSpecId == tidOpSpecId) {
            view.tidOffset = q + 5;
            view.tidLength = words * 2;
        } else if (opSpecId == userOpSpecId) {
            view.userOffset = q + 5;
            view.userLength = words * 2;
        }
    }

    private static int tlvType(byte[] f, int p) {
        return ((f[p] & 0x03) << 8) | (f[p + 1] & 0xFF);
    }

    private static int tlvLength(byte[] f, int p, int end) throws LlrpDecodeException {
        if (end - p < 4) {
            throw new LlrpDecodeException("truncated TLV header", p);
        }
        int len = u16(f, p + 2);
        if (len < 4 || len > end - p) {
            throw new LlrpDecodeException("TLV length " + len + " outside its parent", p);
        }
        return len;
    }

    private static int u16(byte[] f, int p) {
        return ((f[p] & 0xFF) << 8) | (f[p + 1] & 0xFF);
    }

    private static long s64(byte[] f, int p) {
        return (LlrpFrames.u32(f, p) << 32) | LlrpFrames.u32(f, p + 4);
    }
}
