package org.openrfid.trace.sampledata.generator;

/**
 * How one kind of tag looks to a reader while it crosses a read zone. Intervals are per tag: a
 * windscreen tag alone in a lane is read far more often than one case among twenty on a pallet,
 * because the reader shares its inventory rounds among all tags in the field.
 */
public enum TagProfile {
    VEHICLE(40, 100, 20, -450, -580),
    PALLET(80, 200, 25, -480, -580),
    GOODS_CASE(120, 320, 30, -550, -700),
    LIBRARY_ITEM(60, 140, 25, -500, -640);

    final int minIntervalMs;
    final int maxIntervalMs;
    final int dropPercent;
    final int strongestPeakTenths;
    final int weakestPeakTenths;

    TagProfile(int minIntervalMs, int maxIntervalMs, int dropPercent, int strongestPeakTenths, int weakestPeakTenths) {
        this.minIntervalMs = minIntervalMs;
        this.maxIntervalMs = maxIntervalMs;
        this.dropPercent = dropPercent;
        this.strongestPeakTenths = strongestPeakTenths;
        this.weakestPeakTenths = weakestPeakTenths;
    }
}
