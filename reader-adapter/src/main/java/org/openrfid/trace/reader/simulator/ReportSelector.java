package org.openrfid.trace.reader.simulator;

/**
 * Which optional TagReportData fields a report carries (TagReportContentSelector, §13.2.1.1, and
 * Impinj's ImpinjTagReportContentSelector).
 */
record ReportSelector(boolean antenna, boolean channel, boolean peakRssi, boolean firstSeen, boolean lastSeen, boolean seenCount,
                      boolean impinjPeakRssi, boolean impinjPhase, boolean impinjDoppler) {

    /** What the simulated reader reports before a client says otherwise. */
    static final ReportSelector DEFAULT = new ReportSelector(true, false, true, true, true, true, false, false, false);
}
