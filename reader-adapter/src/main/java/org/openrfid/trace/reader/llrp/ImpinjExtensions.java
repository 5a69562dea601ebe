package org.openrfid.trace.reader.llrp;

import java.util.HexFormat;
import org.llrp.ltk.generated.messages.CUSTOM_MESSAGE;
import org.llrp.ltk.generated.parameters.Custom;
import org.llrp.ltk.types.BytesToEnd_HEX;
import org.llrp.ltk.types.LLRPMessage;
import org.llrp.ltk.types.UnsignedByte;
import org.llrp.ltk.types.UnsignedInteger;

/**
 * Impinj (vendor 25882) extensions, built on LLRP's extension points (§14: CUSTOM_MESSAGE type 1023
 * = u32 vendor, u8 subtype, data; Custom parameter 1023 = u32 vendor, u32 subtype, data). Subtypes
 * and units as in STANDARDS.md §1.6 (Octane LLRP): the reader accepts no Impinj parameter before
 * IMPINJ_ENABLE_EXTENSIONS; ImpinjTagReportContentSelector inside ROReportSpec then turns on
 * ImpinjPeakRSSI (s16, 1/100 dBm), ImpinjRFPhaseAngle (u16, 4096 = 2π) and ImpinjRFDopplerFrequency
 * (s16, Hz × 16) in every TagReportData.
 */
public final class ImpinjExtensions {

    public static final long VENDOR = 25882;
    public static final int ENABLE_EXTENSIONS = 21;
    public static final int ENABLE_EXTENSIONS_RESPONSE = 22;
    public static final int TAG_REPORT_CONTENT_SELECTOR = 50;
    public static final int ENABLE_RF_PHASE_ANGLE = 52;
    public static final int ENABLE_PEAK_RSSI = 53;
    public static final int RF_PHASE_ANGLE = 56;
    public static final int PEAK_RSSI = 57;
    public static final int ENABLE_RF_DOPPLER_FREQUENCY = 67;
    public static final int RF_DOPPLER_FREQUENCY = 68;

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private ImpinjExtensions() {
    }

    /** IMPINJ_ENABLE_EXTENSIONS: CUSTOM_MESSAGE subtype 21 with a u32 reserved field. */
    static LLRPMessage enableExtensions() {
        CUSTOM_MESSAGE m = new CUSTOM_MESSAGE();
        m.setVendorIdentifier(new UnsignedInteger(VENDOR));
        m.setMessageSubtype(new UnsignedByte(ENABLE_EXTENSIONS));
        m.setData(new BytesToEnd_HEX("00000000"));
        return m;
    }

    /** ImpinjTagReportContentSelector with peak RSSI, phase angle and Doppler each in mode 1 (enabled). */
    static Custom tagReportContentSelector() {
        String inner = enable(ENABLE_RF_PHASE_ANGLE) + enable(ENABLE_PEAK_RSSI) + enable(ENABLE_RF_DOPPLER_FREQUENCY);
        return custom(TAG_REPORT_CONTENT_SELECTOR, inner);
    }

    /** A Custom parameter carrying {@code dataHex}. */
    public static Custom custom(long subtype, String dataHex) {
        Custom c = new Custom();
        c.setVendorIdentifier(new UnsignedInteger(VENDOR));
        c.setParameterSubtype(new UnsignedInteger(subtype));
        c.setData(new BytesToEnd_HEX(dataHex));
        return c;
    }

    /** A nested ImpinjEnable* parameter in wire form: TLV 1023, length 14, vendor, subtype, u16 mode 1. */
    private static String enable(int subtype) {
        return "03FF000E" + HEX.toHexDigits((int) VENDOR) + HEX.toHexDigits(subtype) + "0001";
    }

    /**
     * Whether an ImpinjTagReportContentSelector's data (its nested TLVs) enables {@code subtype}:
     * mode ≠ 0. For readers (the simulator) interpreting the client's ROReportSpec.
     */
    public static boolean enables(byte[] selectorData, int subtype) {
        int p = 0;
        while (p + 14 <= selectorData.length) {
            int len = ((selectorData[p + 2] & 0xFF) << 8) | (selectorData[p + 3] & 0xFF);
            if (len < 4 || p + len > selectorData.length) {
                return false;
            }
            if (len >= 14 && LlrpFrames.u32(selectorData, p + 4) == VENDOR && LlrpFrames.u32(selectorData, p + 8) == subtype) {
                return (((selectorData[p + 12] & 0xFF) << 8) | (selectorData[p + 13] & 0xFF)) != 0;
            }
            p += len;
        }
        return false;
    }
}
