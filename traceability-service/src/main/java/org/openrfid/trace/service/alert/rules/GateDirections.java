package org.openrfid.trace.service.alert.rules;

import java.util.HashSet;
import java.util.Set;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.ReadPoint;
import org.openrfid.trace.passage.ReadPointDirectory;
import org.openrfid.trace.passage.Passage;

/**
 * Whether a passage through a gate went out: direction OUT; or NONE at a gate whose antennas say
 * nothing of direction (a single-antenna library pedestal: every read there is taken as leaving).
 * NONE at a gate with directed antennas means the direction could not be told, and is not taken as out.
 */
public final class GateDirections {

    private final ReadPointDirectory readPoints;
    private int version = -1;
    private Set<String> directed = Set.of();

    public GateDirections(ReadPointDirectory readPoints) {
        this.readPoints = readPoints;
    }

    public boolean outward(Passage p) {
        return switch (p.direction()) {
            case OUT -> true;
            case IN -> false;
            case NONE -> !directedLocations().contains(p.locationId());
        };
    }

    /** Locations with at least one antenna that faces a direction; recomputed only when read points change. */
    private synchronized Set<String> directedLocations() {
        int now = readPoints.version();
        if (now != version) {
            Set<String> next = new HashSet<>();
            for (ReadPoint rp : readPoints.all()) {
                if (rp.direction() != Direction.NONE) {
                    next.add(rp.locationId());
                }
            }
            directed = next;
            version = now;
        }
        return directed;
    }
}
