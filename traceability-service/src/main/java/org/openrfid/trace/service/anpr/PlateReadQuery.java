package org.openrfid.trace.service.anpr;

import java.time.Instant;

/**
 * What to look for; every field optional (null).
 *
 * @param plate      a normalised plate ({@link PlateNormaliser})
 * @param locationId where the camera looks
 * @param from       read at or after
 * @param to         read before
 */
public record PlateReadQuery(String plate, String locationId, Instant from, Instant to) {

    public PlateReadQuery {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from: " + from + " is not before to " + to);
        }
    }
}
