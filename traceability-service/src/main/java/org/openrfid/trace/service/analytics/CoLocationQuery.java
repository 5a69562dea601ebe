package org.openrfid.trace.service.analytics;

import java.time.Duration;

/**
 * Who was seen at the subject's places within ±{@code delta} of the subject, in a period.
 *
 * @param minShared    companions with fewer shared sightings are left out
 * @param maxSightings at most this many shared sightings are listed per companion (oldest first)
 * @param after        the last companion of the previous page, null for the first
 * @param limit        companions per page
 */
public record CoLocationQuery(Subject subject, Period period, Duration delta, Level level, int minShared, int maxSightings,
                              CompanionCursor after, int limit) {
}
