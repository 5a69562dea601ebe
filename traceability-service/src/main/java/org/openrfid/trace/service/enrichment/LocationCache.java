package org.openrfid.trace.service.enrichment;

import org.openrfid.trace.service.location.LocationInfo;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.passage.LocationKinds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every registered location's name, kind and position, in memory: locations are a few thousand and
 * change rarely, while every passage batch and the smoother's per-kind settings ask about them. The
 * whole table is reloaded when locations change (saved through the registry, on any member) and
 * periodically as a safety net; readers see one immutable snapshot, swapped whole.
 */
public final class LocationCache implements LocationKinds {

    private static final Logger log = LoggerFactory.getLogger(LocationCache.class);

    private final Locations locations;
    private volatile Map<String, LocationInfo> byId = Map.of();
    private volatile long kindsVersion;

    public LocationCache(Locations locations) {
        this.locations = locations;
    }

    /**
     * Reloads every location. A failure (database away) keeps the last snapshot and is logged; the
     * next change or periodic refresh tries again.
     *
     * @return whether the reload worked
     */
    public synchronized boolean refresh() {
        Map<String, LocationInfo> next = new HashMap<>();
        try {
            for (Location l : locations.all()) {
                next.put(l.id(), LocationInfo.of(l));
            }
        } catch (RuntimeException e) {
            log.warn("Reloading locations for enrichment failed ({}): keeping the {} known", e.toString(), byId.size());
            return false;
        }
        Map<String, LocationInfo> previous = byId;
        byId = Map.copyOf(next);
        if (!sameKinds(previous, byId)) {
            kindsVersion++;
        }
        return true;
    }

    private static boolean sameKinds(Map<String, LocationInfo> a, Map<String, LocationInfo> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<String, LocationInfo> e : a.entrySet()) {
            LocationInfo other = b.get(e.getKey());
            if (other == null || !Objects.equals(other.kind(), e.getValue().kind())) {
                return false;
            }
        }
        return true;
    }

    /** The location, or null when it is not registered. */
    public LocationInfo find(String locationId) {
        return byId.get(locationId);
    }

    @Override
    public String kindOf(String locationId) {
        LocationInfo l = byId.get(locationId);
        return l == null ? null : l.kind();
    }

    @Override
    public long version() {
        return kindsVersion;
    }

    public int size() {
        return byId.size();
    }
}
