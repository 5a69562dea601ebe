package org.openrfid.trace.sampledata.world;

/**
 * Derives independent seeds from a master seed and indexes (SplitMix64 finaliser), so object number
 * i is the same whatever else was generated before it: a fleet of 6,000 and one of 600,000 share
 * their first 6,000 vehicles.
 */
public final class Seeds {
    private Seeds() {
    }

    public static long mix(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long part : parts) {
            h = finalise(h ^ part) + 0x9E3779B97F4A7C15L;
        }
        return finalise(h);
    }

    private static long finalise(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
