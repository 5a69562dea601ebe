package org.openrfid.trace.reader.simulator;

import javax.net.ssl.SSLContext;

/**
 * How a simulated reader behaves beyond its scenario.
 *
 * @param impinj        announce Impinj (vendor 25882) in the capabilities, accept IMPINJ_ENABLE_EXTENSIONS and
 *                      report ImpinjPeakRSSI / RFPhaseAngle / RFDopplerFrequency when the client's
 *                      ImpinjTagReportContentSelector asks; otherwise a generic LLRP 1.0.1 reader
 * @param omitUnchanged fault: leave out an enabled optional field whose value equals the last one sent on
 *                      this connection, as §13.2.3 allows, so clients must carry values over
 * @param epcBits       fault: report every EPC resized to this many bits (e.g. 128, 170, 198) as EPCData;
 *                      0 = as the scenario says
 * @param tls           server-side TLS (LLRP over TLS, port 5085 by convention), or null
 * @param dialHost      reader-initiated mode: dial this client instead of listening; null = listen
 * @param dialPort      the client's port in reader-initiated mode
 */
record SimOptions(boolean impinj, boolean omitUnchanged, int epcBits, SSLContext tls, String dialHost, int dialPort) {

    static final SimOptions DEFAULT = new SimOptions(true, false, 0, null, null, 0);

    boolean dials() {
        return dialHost != null;
    }
}
