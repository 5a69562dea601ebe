package org.openrfid.trace.sampledata.generator;

/**
 * One tag observation, one row of scenario.csv; {@code sequence} orders reads with equal offsets
 * in the order they were generated, so output is deterministic.
 */
public record Read(long offsetMs, String reader, int antenna, String epc, String tid, int rssiTenths, long sequence) {
}
