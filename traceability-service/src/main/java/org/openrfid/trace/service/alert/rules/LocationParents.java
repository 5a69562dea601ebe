package org.openrfid.trace.service.alert.rules;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.Locations;

/**
 * A location's parent (the checkpoint of a lane), which passages' {@code LocationInfo} does not carry.
 * Cached: locations are a few thousand and rules ask per passage.
 */
@FunctionalInterface
public interface LocationParents {

    /** The parent location id, or null when none (or unknown). */
    String parentOf(String locationId);

    /**
     * Whether two locations are one checkpoint: the same, one the parent of the other, or two lanes of
     * one parent.
     */
    default boolean sameSite(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        String pa = parentOf(a);
        String pb = parentOf(b);
        return b.equals(pa) || a.equals(pb) || pa != null && pa.equals(pb);
    }

    static LocationParents none() {
        return id -> null;
    }

    static LocationParents cached(Locations locations, long maxEntries, Duration expiry) {
        Cache<String, Optional<String>> cache = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(expiry).build();
        return id -> {
            Optional<String> known = cache.getIfPresent(id);
            if (known == null) {
                try {
                    known = locations.find(id).map(Location::parent).filter(Objects::nonNull);
                } catch (RuntimeException e) {
                    return null;
                }
                cache.put(id, known);
            }
            return known.orElse(null);
        };
    }
}
