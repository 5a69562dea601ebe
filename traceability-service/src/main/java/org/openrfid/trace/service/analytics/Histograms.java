package org.openrfid.trace.service.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Histogram bins for travel times. */
public final class Histograms {

    /** Round bin widths in seconds: 1 s up to a day. */
    private static final double[] NICE = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400};
    static final int DEFAULT_BINS = 20;

    private Histograms() {
    }

    /** The smallest round width giving at most about 20 bins from min to max; 1 s when they are equal or unknown. */
    public static double niceWidth(Double min, Double max) {
        if (min == null || max == null || max <= min) {
            return 1;
        }
        double wanted = (max - min) / DEFAULT_BINS;
        for (double w : NICE) {
            if (w >= wanted) {
                return w;
            }
        }
        return Math.ceil(wanted / 86400) * 86400;
    }

    /** Bins from the first to the last counted bin index, empty ones included, in order. */
    public static List<TravelTimes.Bin> dense(Map<Long, Long> countsByBin, double width) {
        if (countsByBin.isEmpty()) {
            return List.of();
        }
        long first = countsByBin.keySet().stream().mapToLong(Long::longValue).min().orElseThrow();
        long last = countsByBin.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
        List<TravelTimes.Bin> bins = new ArrayList<>((int) (last - first + 1));
        for (long i = first; i <= last; i++) {
            bins.add(new TravelTimes.Bin(i * width, (i + 1) * width, countsByBin.getOrDefault(i, 0L)));
        }
        return bins;
    }
}
