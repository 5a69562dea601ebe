package org.openrfid.trace.web.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openrfid.trace.service.analytics.Histograms;
import org.openrfid.trace.service.analytics.TravelTimes;

/**
 * The travel-time histogram as the page draws it. The service is asked for fine bins (a second wide on the
 * usual ranges) so that percentiles it does not give (p99) can be read off them to the bin's width; the
 * fine bins are then merged into about 20 round-width bins for the chart.
 */
final class Histogram {

    private Histogram() {
    }

    /** A bin width fine enough for percentiles and within the service's bin limit over maxGap. */
    static double fineWidthSeconds(long maxGapSeconds, int maxBins) {
        return Math.max(1, (long) Math.ceil((double) maxGapSeconds / (maxBins - 1)));
    }

    /** Fine bins merged into bins of {@code width} seconds, from the one holding the first value to the one holding the last, empty ones included. */
    static List<TravelTimes.Bin> merge(List<TravelTimes.Bin> fine, double width) {
        Map<Long, Long> counts = new TreeMap<>();
        for (TravelTimes.Bin b : fine) {
            if (b.count() > 0) {
                counts.merge((long) Math.floor(b.fromSeconds() / width + 1e-9), b.count(), Long::sum);
            }
        }
        return Histograms.dense(counts, width);
    }

    /** The round width giving about 20 bins between min and max (the service's rule). */
    static double displayWidth(Double min, Double max) {
        return Histograms.niceWidth(min, max);
    }

    /**
     * The p-th percentile (0..1) read off the bins: the nearest-rank value (as PERCENTILE_DISC would give) placed at
     * the middle of the bin that holds it, so it is within half a bin width of the exact value; null when empty.
     */
    static Double percentile(List<TravelTimes.Bin> bins, double p) {
        long total = bins.stream().mapToLong(TravelTimes.Bin::count).sum();
        if (total == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(p * total));
        long seen = 0;
        for (TravelTimes.Bin b : bins) {
            seen += b.count();
            if (seen >= rank) {
                return (b.fromSeconds() + b.toSeconds()) / 2;
            }
        }
        throw new IllegalStateException("unreachable: rank " + rank + " of " + total);
    }

    /** Bins as the chart's JSON wants them. */
    static List<Map<String, Object>> json(List<TravelTimes.Bin> bins) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (TravelTimes.Bin b : bins) {
            out.add(Map.of("from", b.fromSeconds(), "to", b.toSeconds(), "count", b.count(),
                    "label", Durations.clock(b.fromSeconds()) + "–" + Durations.clock(b.toSeconds())));
        }
        return out;
    }
}
