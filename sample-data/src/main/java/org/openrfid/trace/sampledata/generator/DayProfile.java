package org.openrfid.trace.sampledata.generator;

import java.util.SplittableRandom;

/**
 * When trips start and how fast traffic moves, by hour of day: a morning peak at 7-9 and an
 * evening peak at 17-19 (weights loosely after urban traffic counts), crawling speeds in the peaks
 * and free flow at night.
 */
final class DayProfile {
    static final long HOUR_MS = 3_600_000L;
    static final long DAY_MS = 24 * HOUR_MS;
    private static final int[] DEPARTURE_WEIGHTS = {1, 1, 1, 1, 1, 2, 5, 10, 12, 8, 6, 6, 6, 6, 6, 7, 9, 12, 11, 8, 6, 4, 3, 2};
    private static final int[] SPEED_KMH = {60, 62, 62, 62, 60, 55, 42, 28, 26, 34, 40, 40, 38, 40, 40, 38, 32, 26, 27, 36, 45, 50, 55, 58};
    private static final int MAX_WEIGHT = 12;
    private static final int TOTAL_WEIGHT;

    static {
        int total = 0;
        for (int w : DEPARTURE_WEIGHTS) {
            total += w;
        }
        TOTAL_WEIGHT = total;
    }

    private DayProfile() {
    }

    static int hourOf(long absoluteMs) {
        return (int) ((absoluteMs % DAY_MS) / HOUR_MS);
    }

    /** Share of the fleet on the road at this hour, for a scenario that starts mid-day. */
    static double onRoadShare(long absoluteMs) {
        return 0.5 * DEPARTURE_WEIGHTS[hourOf(absoluteMs)] / MAX_WEIGHT;
    }

    /** A travel speed in km/h for this hour, +-25 % per vehicle and link. */
    static double speedKmh(long absoluteMs, SplittableRandom random) {
        return SPEED_KMH[hourOf(absoluteMs)] * (0.75 + 0.5 * random.nextDouble());
    }

    /** The next trip start after {@code absoluteMs} (at least 20 minutes later), drawn from the hourly weights. */
    static long nextDeparture(long absoluteMs, SplittableRandom random) {
        long day = absoluteMs / DAY_MS;
        while (true) {
            int pick = random.nextInt(TOTAL_WEIGHT);
            int hour = 0;
            while (pick >= DEPARTURE_WEIGHTS[hour]) {
                pick -= DEPARTURE_WEIGHTS[hour++];
            }
            long candidate = day * DAY_MS + hour * HOUR_MS + random.nextLong(HOUR_MS);
            if (candidate > absoluteMs + 20 * 60_000L) {
                return candidate;
            }
            day++;
        }
    }
}
