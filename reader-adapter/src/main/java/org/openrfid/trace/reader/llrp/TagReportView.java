package org.openrfid.trace.reader.llrp;

import java.util.Arrays;
import java.util.HexFormat;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.TagRead;

/**
 * A flyweight over one decoded TagReportData: values are primitives, byte fields point into the
 * frame being decoded. The decoder reuses one instance, so nothing is allocated per tag unless the
 * consumer asks for objects ({@link #epc()}, {@link #toTagRead}).
 */
public final class TagReportView {

    /** Sentinel for "no Doppler reported" (outside the s16 range of ImpinjRFDopplerFrequency). */
    public static final int NO_DOPPLER = Integer.MIN_VALUE;

    /** Sentinel for an absent timestamp. */
    public static final long NO_TIME = Long.MIN_VALUE;

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    byte[] frame;
    int epcOffset;
    int epcBitLength;
    int antenna;
    int peakRssiCdbm;
    int phase;
    int dopplerHz16;
    int channelIndex;
    long firstSeenMicros;
    long lastSeenMicros;
    int seenCount;
    int tidOffset;
    int tidLength;
    int userOffset;
    int userLength;

    TagReportView() {
    }

    void clear() {
        epcOffset = -1;
        epcBitLength = 0;
        antenna = 0;
        peakRssiCdbm = TagRead.NO_RSSI;
        phase = -1;
        dopplerHz16 = NO_DOPPLER;
        channelIndex = -1;
        firstSeenMicros = NO_TIME;
        lastSeenMicros = NO_TIME;
        seenCount = 1;
        tidOffset = -1;
        tidLength = 0;
        userOffset = -1;
        userLength = 0;
    }

    public int antenna() {
        return antenna;
    }

    public int peakRssiCdbm() {
        return peakRssiCdbm;
    }

    public int phase() {
        return phase;
    }

    /**
     * ImpinjRFDopplerFrequency (Custom subtype 68, s16, Hz × 16), or {@link #NO_DOPPLER}. Exposed here
     * rather than on {@link TagRead}, whose components are a published contract; a consumer that needs
     * Doppler (speed/direction estimation) decodes with a {@link TagReportVisitor}.
     */
    public int dopplerHz16() {
        return dopplerHz16;
    }

    /** Doppler shift in Hz, or NaN when not reported. */
    public double dopplerHz() {
        return dopplerHz16 == NO_DOPPLER ? Double.NaN : dopplerHz16 / 16.0;
    }

    public int channelIndex() {
        return channelIndex;
    }

    public long firstSeenMicros() {
        return firstSeenMicros;
    }

    public long lastSeenMicros() {
        return lastSeenMicros;
    }

    public int seenCount() {
        return seenCount;
    }

    public int epcBitLength() {
        return epcBitLength;
    }

    /** The frame holding the EPC bytes; with {@link #epcOffset()} for allocation-free access. */
    public byte[] frame() {
        return frame;
    }

    public int epcOffset() {
        return epcOffset;
    }

    public boolean hasTid() {
        return tidOffset >= 0;
    }

    public RawEpc epc() {
        return new RawEpc(Arrays.copyOfRange(frame, epcOffset, epcOffset + (epcBitLength + 7) / 8), epcBitLength);
    }

    public String tidHex() {
        return tidOffset < 0 ? null : HEX.formatHex(frame, tidOffset, tidOffset + tidLength);
    }

    public String userMemoryHex() {
        return userOffset < 0 ? null : HEX.formatHex(frame, userOffset, userOffset + userLength);
    }

    /**
     * Materialises the read. A reader without a clock reports no timestamps; then the time of
     * reception is the best estimate, and one reported timestamp stands in for the other.
     */
    public TagRead toTagRead(String readerId, long receivedAtMicros) {
        long first = firstSeenMicros != NO_TIME ? firstSeenMicros
                : lastSeenMicros != NO_TIME ? lastSeenMicros : receivedAtMicros;
        long last = lastSeenMicros != NO_TIME ? lastSeenMicros : first;
        return new TagRead(readerId, antenna, epc(), tidHex(), userMemoryHex(), peakRssiCdbm, phase,
                channelIndex, first, last, seenCount, receivedAtMicros);
    }
}
