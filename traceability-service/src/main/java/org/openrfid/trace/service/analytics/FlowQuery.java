package org.openrfid.trace.service.analytics;

import java.time.Duration;
import java.util.Set;

/**
 * Passages per place per interval.
 *
 * @param places         only these places (at {@code level}); empty for every place
 * @param byVehicleType  also group by the vehicle type of vehicles
 * @param maxRows        more result rows than this are refused, not cut
 */
public record FlowQuery(Period period, Duration interval, Level level, Set<String> places, boolean byVehicleType, int maxRows) {

    public FlowQuery {
        places = Set.copyOf(places);
    }
}
