package org.openrfid.trace.passage;

/**
 * The way a tag went through a location, from the roles of the read points it was first and last seen at:
 * entry then exit is the location's way (the entry read point's direction, IN when it has none), exit then
 * entry the opposite; without roles the first read point's configured direction is kept; seen on one side
 * only, or with roles mixed with unroled antennas, the way is not known.
 */
final class Directions {

    private Directions() {
    }

    static Direction of(ResolvedAntenna first, ResolvedAntenna last) {
        ReadPointRole from = first.role;
        ReadPointRole to = last.role;
        if (from == ReadPointRole.ENTRY && to == ReadPointRole.EXIT) {
            return forward(first.readPoint);
        }
        if (from == ReadPointRole.EXIT && to == ReadPointRole.ENTRY) {
            return forward(last.readPoint) == Direction.IN ? Direction.OUT : Direction.IN;
        }
        if (from == ReadPointRole.NONE && to == ReadPointRole.NONE) {
            return first.readPoint.direction();
        }
        return Direction.NONE;
    }

    /** The way a tag travels from the entry read point to the exit: the entry's direction, else IN. */
    private static Direction forward(ReadPoint entry) {
        return entry.direction() == Direction.NONE ? Direction.IN : entry.direction();
    }
}
