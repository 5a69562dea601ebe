package org.openrfid.trace.service.readerfleet;

import org.openrfid.trace.reader.llrp.LlrpProbe;

/**
 * What a connection test found.
 *
 * @param ok      whether the reader answered as an LLRP reader that we may connect to
 * @param address the address tried
 * @param reader  what it said about itself (when {@code ok})
 * @param reason  why not (when not {@code ok}): an {@link LlrpProbe.Reason} name, {@link #READER_DIALS_IN} or {@link #NO_TLS}
 * @param detail  what was seen, in English, for logs and the API
 */
public record ReaderProbeResult(boolean ok, String address, LlrpProbe.Report reader, String reason, String detail) {

    /** The reader connects to us; there is nothing to dial. */
    public static final String READER_DIALS_IN = "READER_DIALS_IN";
    /** TLS asked for, but this server has no reader trust store. */
    public static final String NO_TLS = "NO_TLS";

    public static ReaderProbeResult answered(String address, LlrpProbe.Report reader) {
        return new ReaderProbeResult(true, address, reader, null, "answered in " + reader.tookMillis() + " ms");
    }

    public static ReaderProbeResult failed(String address, String reason, String detail) {
        return new ReaderProbeResult(false, address, null, reason, detail);
    }
}
