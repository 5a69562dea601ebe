package org.openrfid.trace.service.analytics;

import java.time.Duration;

/**
 * Origin-destination matrix: each object's (or unbound tag's) sightings in the period, split into trips
 * wherever one sighting starts more than {@code tripGap} after the previous one ended.
 *
 * @param kind            only objects of this kind ({@code TAG}: unbound tags), null for all
 * @param includeSingles  count trips of a single sighting (origin = destination)
 * @param maxRows         a matrix with more (origin, destination) pairs is refused, not cut
 */
public record OdQuery(Period period, Duration tripGap, Level level, String kind, boolean includeSingles, int maxRows) {
}
