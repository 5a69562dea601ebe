package org.openrfid.trace.service.analytics;

import java.time.Duration;

/**
 * Travel times from place A to place B: sightings at A in the period directly followed (the object's
 * or tag's next sighting) by one at B no more than {@code maxGap} later.
 *
 * @param kind        only objects of this kind ({@code TAG}: unbound tags), null for all
 * @param bucketWidth histogram bin width, null for a width chosen from the spread of the values
 */
public record TravelQuery(Period period, String placeA, String placeB, Level level, Duration maxGap, String kind,
                          Duration bucketWidth, int maxBuckets) {
}
