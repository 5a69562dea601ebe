package org.openrfid.trace.service.analytics;

import java.util.List;

/**
 * Travel time statistics in seconds. Percentiles interpolate linearly between the two nearest values
 * (SQL {@code PERCENTILE_CONT}). Every statistic is null when nothing travelled.
 *
 * @param bucketWidthSeconds the histogram's bin width
 * @param histogram          bins from the one holding the minimum to the one holding the maximum, empty bins included
 */
public record TravelTimes(long count, Double minSeconds, Double p10Seconds, Double p50Seconds, Double p90Seconds,
                          Double maxSeconds, Double meanSeconds, double bucketWidthSeconds, List<Bin> histogram) {

    /** Travel times in [fromSeconds, toSeconds). */
    public record Bin(double fromSeconds, double toSeconds, long count) {
    }
}
