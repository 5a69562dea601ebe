package org.openrfid.trace.service.analytics;

import java.util.List;
import org.openrfid.trace.service.privacy.Scope;

/**
 * Traffic analytics over passages (port). Objects are resolved through the tag binding valid at each
 * passage's time; a tag bound to nothing then counts as itself (kind {@code TAG}, id its EPC hex).
 * Adapters: H2GIS and PostGIS, both passing {@code AnalyticsContractTests}.
 */
public interface Analytics {

    /** Kind of an unbound tag in every answer. */
    String TAG = "TAG";

    /**
     * One page of companions (at most {@code limit + 1}: one more tells there is a next page), of the kinds the
     * scope sees; restricted objects are never named as companions, whoever asks.
     */
    List<Companion> companions(CoLocationQuery query, Scope scope);

    /**
     * Flow rows ordered by interval, place, kind, vehicle type, counting the kinds the scope sees (restricted
     * objects counted, never named); {@link TooManyRowsException} beyond maxRows.
     */
    List<FlowRow> flows(FlowQuery query, Scope scope);

    /** Travel times of objects of the kinds the scope sees. */
    TravelTimes travelTimes(TravelQuery query, Scope scope);

    /** Trips of objects of the kinds the scope sees; {@link TooManyRowsException} when the matrix has more than maxRows cells. */
    OdMatrix originDestination(OdQuery query, Scope scope);

    default List<Companion> companions(CoLocationQuery query) {
        return companions(query, Scope.SYSTEM);
    }

    default List<FlowRow> flows(FlowQuery query) {
        return flows(query, Scope.SYSTEM);
    }

    default TravelTimes travelTimes(TravelQuery query) {
        return travelTimes(query, Scope.SYSTEM);
    }

    default OdMatrix originDestination(OdQuery query) {
        return originDestination(query, Scope.SYSTEM);
    }

    /** An answer larger than the stated bound: narrow the question rather than get a cut answer. */
    class TooManyRowsException extends IllegalArgumentException {
        public TooManyRowsException(String message) {
            super(message);
        }
    }
}
