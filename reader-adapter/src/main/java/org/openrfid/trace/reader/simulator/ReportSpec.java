package org.openrfid.trace.reader.simulator;

import java.util.Arrays;
import org.llrp.ltk.generated.parameters.Custom;
import org.llrp.ltk.generated.parameters.ROReportSpec;
import org.llrp.ltk.generated.parameters.TagReportContentSelector;
import org.llrp.ltk.types.Bit;
import org.openrfid.trace.reader.llrp.ImpinjExtensions;

/**
 * How a ROSpec wants its reports (ROReportSpec, §13.2.1): after every {@code everyTags} tags (0 = only
 * at the end of each AISpec) with the fields {@code selector} names.
 */
record ReportSpec(int everyTags, ReportSelector selector) {

    static final ReportSpec DEFAULT = new ReportSpec(1, ReportSelector.DEFAULT);

    /**
     * This spec as the client's {@code rs} amends it: N always, the selector only when {@code rs} has
     * one. Impinj's selector counts only after IMPINJ_ENABLE_EXTENSIONS, as on a real reader.
     */
    ReportSpec amendedBy(ROReportSpec rs, boolean impinjExtensions) {
        return new ReportSpec(rs.getN().intValue(), selector(rs, impinjExtensions));
    }

    private ReportSelector selector(ROReportSpec rs, boolean impinjExtensions) {
        TagReportContentSelector s = rs.getTagReportContentSelector();
        if (s == null) {
            return selector;
        }
        byte[] impinj = impinjExtensions ? impinjSelector(rs) : new byte[0];
        return new ReportSelector(on(s.getEnableAntennaID()), on(s.getEnableChannelIndex()),
                on(s.getEnablePeakRSSI()), on(s.getEnableFirstSeenTimestamp()), on(s.getEnableLastSeenTimestamp()),
                on(s.getEnableTagSeenCount()),
                ImpinjExtensions.enables(impinj, ImpinjExtensions.ENABLE_PEAK_RSSI),
                ImpinjExtensions.enables(impinj, ImpinjExtensions.ENABLE_RF_PHASE_ANGLE),
                ImpinjExtensions.enables(impinj, ImpinjExtensions.ENABLE_RF_DOPPLER_FREQUENCY));
    }

    /** The data of an ImpinjTagReportContentSelector, or nothing. */
    private static byte[] impinjSelector(ROReportSpec rs) {
        if (rs.getCustomList() == null) {
            return new byte[0];
        }
        for (Custom c : rs.getCustomList()) {
            if (c.getVendorIdentifier().toLong() == ImpinjExtensions.VENDOR
                    && c.getParameterSubtype().toLong() == ImpinjExtensions.TAG_REPORT_CONTENT_SELECTOR) {
                // Re-encode and skip the 12-byte Custom header: BytesToEnd_HEX.toString() sign-extends bytes >= 0x80.
                byte[] all = c.encodeBinary().toByteArray();
                return Arrays.copyOfRange(all, 12, all.length);
            }
        }
        return new byte[0];
    }

    private static boolean on(Bit b) {
        return b != null && b.toBoolean();
    }
}
