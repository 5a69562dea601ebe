package org.openrfid.trace.service.analytics;

import java.time.Instant;
import java.util.List;

/**
 * An object (or an unbound tag, kind {@code TAG}) seen with the subject.
 *
 * @param shared       subject sightings at which the companion was seen too
 * @param places       distinct places of those sightings
 * @param firstShared  subject time of the first shared sighting
 * @param lastShared   subject time of the last shared sighting
 * @param sightings    the first shared sightings, at most the query's {@code maxSightings}
 */
public record Companion(String kind, String id, int shared, int places, Instant firstShared, Instant lastShared,
                        List<SharedSighting> sightings) {

    /** One shared sighting: the subject's passage time and the companion's closest passage time there. */
    public record SharedSighting(String place, Instant subjectTime, Instant companionTime) {
    }

    public Companion withSightings(List<SharedSighting> list) {
        return new Companion(kind, id, shared, places, firstShared, lastShared, List.copyOf(list));
    }
}
