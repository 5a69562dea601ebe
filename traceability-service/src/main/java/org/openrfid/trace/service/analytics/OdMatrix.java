package org.openrfid.trace.service.analytics;

import java.util.List;

/**
 * @param rows    pairs with at least one trip, most trips first, then origin, destination
 * @param trips   all trips counted
 * @param objects distinct objects (or unbound tags) that made them
 */
public record OdMatrix(List<Cell> rows, long trips, long objects) {

    public record Cell(String origin, String destination, long trips) {
    }
}
