package org.openrfid.trace.service.epcis;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The supported SimpleEventQuery parameters, already normalised: EPCs as canonical GS1 Digital Links
 * (and as EPC pure-identity URIs for passages), vocabulary as CBV web URIs, locations as canonical
 * Digital Links or location URIs. Empty lists mean "no restriction". As in EPCIS 2.0: {@code matchEpc}
 * matches epcList and childEPCs, {@code matchParentId} parentID, {@code matchAnyEpc} any EPC field.
 */
public record EpcisQuery(Set<String> eventTypes, Instant geEventTime, Instant ltEventTime,
        List<String> matchEpc, List<String> matchParentId, List<String> matchAnyEpc, List<String> bizSteps,
        List<String> readPoints, List<String> bizLocations) {

    public EpcisQuery {
        eventTypes = Set.copyOf(eventTypes);
        matchEpc = List.copyOf(matchEpc);
        matchParentId = List.copyOf(matchParentId);
        matchAnyEpc = List.copyOf(matchAnyEpc);
        bizSteps = List.copyOf(bizSteps);
        readPoints = List.copyOf(readPoints);
        bizLocations = List.copyOf(bizLocations);
    }

    /** A query without MATCH_parentID. */
    public EpcisQuery(Set<String> eventTypes, Instant geEventTime, Instant ltEventTime, List<String> matchEpc,
            List<String> matchAnyEpc, List<String> bizSteps, List<String> readPoints, List<String> bizLocations) {
        this(eventTypes, geEventTime, ltEventTime, matchEpc, List.of(), matchAnyEpc, bizSteps, readPoints, bizLocations);
    }

    public static EpcisQuery all() {
        return new EpcisQuery(Set.of(), null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    boolean wantsType(String type) {
        return eventTypes.isEmpty() || eventTypes.contains(type);
    }
}
