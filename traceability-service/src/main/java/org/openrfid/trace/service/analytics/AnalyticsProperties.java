package org.openrfid.trace.service.analytics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rfid.analytics.*}: the bounds that keep one analytics question from scanning or returning
 * without end. A question beyond them is refused with a 400 naming the parameter, never cut short.
 *
 * @param maxSpan      longest [from, to) of any analytics question
 * @param maxBuckets   most flow intervals, and most histogram bins, one answer may have
 * @param maxRows      most flow rows or origin-destination cells one answer may have
 * @param maxDelta     widest ±Δt of a co-location question
 * @param maxSightings most shared sightings listed per companion
 */
@ConfigurationProperties("rfid.analytics")
public record AnalyticsProperties(
        @DefaultValue("P31D") Duration maxSpan,
        @DefaultValue("10000") int maxBuckets,
        @DefaultValue("10000") int maxRows,
        @DefaultValue("PT1H") Duration maxDelta,
        @DefaultValue("100") int maxSightings) {

    public static AnalyticsProperties defaults() {
        return new AnalyticsProperties(Duration.ofDays(31), 10_000, 10_000, Duration.ofHours(1), 100);
    }
}
