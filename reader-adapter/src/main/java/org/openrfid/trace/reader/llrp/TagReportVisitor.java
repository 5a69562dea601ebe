package org.openrfid.trace.reader.llrp;

/**
 * Receives each TagReportData of a report as a reused {@link TagReportView}; for allocation-free
 * consumers (benchmarks, counters, filters that keep few reads). The view is valid only during the call.
 */
@FunctionalInterface
public interface TagReportVisitor {
    void onTag(TagReportView tag);
}
