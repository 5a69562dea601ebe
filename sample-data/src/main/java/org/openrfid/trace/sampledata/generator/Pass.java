package org.openrfid.trace.sampledata.generator;

/**
 * One tag crossing one read zone: the first read happens exactly at {@code startMs}, later reads
 * spread over {@code durationMs}, alternating between the two antennas that cover the zone.
 *
 * @param tid the chip's TID as the reader reports it, or empty when the reader does not read TIDs
 */
public record Pass(long startMs, String epc, String tid, String location, String reader,
                   int firstAntenna, int secondAntenna, int durationMs, TagProfile profile) {
}
