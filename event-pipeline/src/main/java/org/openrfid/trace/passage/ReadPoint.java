package org.openrfid.trace.passage;

import java.util.Objects;

/**
 * A reader antenna placed somewhere: the antenna of a gantry lane, a dock door, a library gate.
 *
 * @param readerId   configured reader id
 * @param antenna    antenna port, 1-based; 0 matches every antenna of the reader
 * @param locationId the location the antenna belongs to
 * @param direction  the direction the antenna (or its lane) faces, if configured
 * @param lane       lane number, or 0 when not a lane
 * @param role       entry or exit antenna of the location, for direction from the order of reads
 */
public record ReadPoint(String readerId, int antenna, String locationId, Direction direction, int lane, ReadPointRole role) {

    public ReadPoint {
        Objects.requireNonNull(readerId, "readerId");
        Objects.requireNonNull(locationId, "locationId");
        direction = direction == null ? Direction.NONE : direction;
        role = role == null ? ReadPointRole.NONE : role;
        if (antenna < 0) {
            throw new IllegalArgumentException("antenna must be >= 0, was " + antenna);
        }
    }

    /** A read point without an entry/exit role (the role may still come from {@link SmoothingPolicy}). */
    public ReadPoint(String readerId, int antenna, String locationId, Direction direction, int lane) {
        this(readerId, antenna, locationId, direction, lane, ReadPointRole.NONE);
    }

    public static ReadPoint wholeReader(String readerId, String locationId) {
        return new ReadPoint(readerId, 0, locationId, Direction.NONE, 0);
    }
}
