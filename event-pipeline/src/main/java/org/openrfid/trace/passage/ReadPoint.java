package org.openrfid.trace.passage;

import java.util.Objects;

/**
 * A reader antenna placed somewhere: the antenna of a gantry lane, a dock door, a library gate.
 *
 * @param readerId   configured reader id
 * @param antenna    antenna port, 1-based; 0 matches every antenna of the reader
 * @param locationId the location the antenna belongs to
 * @param direction  the direction the antenna faces, if configured
 * @param lane       lane number, or 0 when not a lane
 */
public record ReadPoint(String readerId, int antenna, String locationId, Direction direction, int lane) {

    public ReadPoint {
        Objects.requireNonNull(readerId, "readerId");
        Objects.requireNonNull(locationId, "locationId");
        direction = direction == null ? Direction.NONE : direction;
        if (antenna < 0) {
            throw new IllegalArgumentException("antenna must be >= 0, was " + antenna);
        }
    }

    public static ReadPoint wholeReader(String readerId, String locationId) {
        return new ReadPoint(readerId, 0, locationId, Direction.NONE, 0);
    }
}
