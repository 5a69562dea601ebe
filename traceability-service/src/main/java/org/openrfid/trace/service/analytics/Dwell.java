package org.openrfid.trace.service.analytics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Dwell statistics in seconds over a set of durations: count, min, p10, p50, p90, max, mean (percentiles
 * interpolate linearly between the two nearest values, as SQL {@code PERCENTILE_CONT} does, so they match
 * the travel times) and a histogram of round bin widths.
 */
public final class Dwell {

    private Dwell() {
    }

    /** The statistics of these durations in seconds; {@code bucketWidth} null: a round width of about 20 bins. */
    public static TravelTimes of(double[] seconds, Double bucketWidth) {
        if (seconds.length == 0) {
            return new TravelTimes(0, null, null, null, null, null, null, bucketWidth == null ? 1 : bucketWidth, java.util.List.of());
        }
        double[] s = seconds.clone();
        Arrays.sort(s);
        double min = s[0];
        double max = s[s.length - 1];
        double width = bucketWidth != null ? bucketWidth : Histograms.niceWidth(min, max);
        Map<Long, Long> bins = new HashMap<>();
        for (double v : s) {
            bins.merge((long) Math.floor(v / width), 1L, Long::sum);
        }
        return new TravelTimes(s.length, min, percentile(s, 0.1), percentile(s, 0.5), percentile(s, 0.9), max,
                Arrays.stream(s).average().orElseThrow(), width, Histograms.dense(bins, width));
    }

    static double percentile(double[] sorted, double p) {
        double rank = p * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }
}
