package org.openrfid.trace.passage;

import java.time.Duration;
import java.util.Map;

/**
 * How long a tag must stay silent at a location before its presence closes into a passage.
 *
 * <p>A gap strictly longer than the silence window between two reads of one tag at one location
 * starts a new passage; the sample data's ground truth uses the same rule.
 *
 * @param defaultSilence  window for locations without an override
 * @param silenceByLocation per-location overrides (e.g. a dock door that loads slowly)
 */
public record SmoothingPolicy(Duration defaultSilence, Map<String, Duration> silenceByLocation) {

    public SmoothingPolicy {
        if (defaultSilence.isNegative() || defaultSilence.isZero()) {
            throw new IllegalArgumentException("silence window must be positive");
        }
        silenceByLocation = Map.copyOf(silenceByLocation);
    }

    public static SmoothingPolicy of(Duration silence) {
        return new SmoothingPolicy(silence, Map.of());
    }

    public long silenceMicros(String locationId) {
        return silenceByLocation.getOrDefault(locationId, defaultSilence).toNanos() / 1_000;
    }
}
