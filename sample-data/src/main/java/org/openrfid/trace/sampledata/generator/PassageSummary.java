package org.openrfid.trace.sampledata.generator;

/** One passage: a row of ground-truth-passages.csv (and of passages.csv in passages mode). */
public record PassageSummary(String epc, String location, long firstSeenMs, long lastSeenMs, int reads, int peakRssiTenths) {
}
