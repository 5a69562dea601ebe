package org.openrfid.trace.sampledata.world;

/**
 * One reader antenna (world/read-points.csv). {@code location} is the checkpoint or gate, never
 * the lane, because smoothing groups all antennas of one place; {@code direction} is IN, OUT or
 * empty; {@code lane} is the 1-based lane number or null where the place has no lanes.
 */
public record ReadPoint(String reader, int antenna, String location, String direction, Integer lane) {
}
