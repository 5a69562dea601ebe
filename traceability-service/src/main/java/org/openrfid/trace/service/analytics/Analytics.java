package org.openrfid.trace.service.analytics;

import java.util.List;

/**
 * Traffic analytics over passages (port). Objects are resolved through the tag binding valid at each
 * passage's time; a tag bound to nothing then counts as itself (kind {@code TAG}, id its EPC hex).
 * Adapters: H2GIS and PostGIS, both passing {@code AnalyticsContractTests}.
 */
public interface Analytics {

    /** Kind of an unbound tag in every answer. */
    String TAG = "TAG";

    /** One page of companions (at most {@code limit + 1}: one more tells there is a next page). */
    List<Companion> companions(CoLocationQuery query);

    /** Flow rows ordered by interval, place, kind, vehicle type; {@link TooManyRowsException} beyond maxRows. */
    List<FlowRow> flows(FlowQuery query);

    TravelTimes travelTimes(TravelQuery query);

    /** {@link TooManyRowsException} when the matrix has more than maxRows cells. */
    OdMatrix originDestination(OdQuery query);

    /** An answer larger than the stated bound: narrow the question rather than get a cut answer. */
    class TooManyRowsException extends IllegalArgumentException {
        public TooManyRowsException(String message) {
            super(message);
        }
    }
}
