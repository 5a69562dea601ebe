package org.openrfid.trace.web.map;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.openrfid.trace.service.analytics.Analytics;
import org.openrfid.trace.service.analytics.FlowQuery;
import org.openrfid.trace.service.analytics.FlowRow;
import org.openrfid.trace.service.analytics.Level;
import org.openrfid.trace.service.analytics.Period;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.web.console.DisplayNames;

/**
 * How busy each top-level location was in the last few minutes, for one privacy scope: passages per kind
 * of object, counted by the store ({@link Analytics#flows}, one grouped scan of the window, the scope applied in
 * its SQL: a librarian's map counts library items only). Lanes, doors and gates count for the checkpoint, site or
 * library they belong to.
 */
public class MapActivity {

    /** More groups than the map can show: the window is short, so this is never reached in practice. */
    private static final int MAX_ROWS = 100_000;

    /**
     * @param window   the window's length in minutes
     * @param counts   top-level location id to its counts; locations without passages are absent
     */
    public record Snapshot(Instant at, long window, Map<String, Counts> counts) {
    }

    /** @param byKind passages by object kind ({@code TAG} for tags bound to nothing), kinds in name order */
    public record Counts(long total, Map<String, Long> byKind) {
    }

    private final Analytics analytics;
    private final DisplayNames names;
    private final Clock clock;
    private final Duration window;

    public MapActivity(Analytics analytics, DisplayNames names, Clock clock, Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("rfid.ui.map.activity-window: must be positive, was " + window);
        }
        this.analytics = analytics;
        this.names = names;
        this.clock = clock;
        this.window = window;
    }

    public Duration window() {
        return window;
    }

    public Snapshot of(Scope scope) {
        Instant now = clock.instant();
        Map<String, Location> locations = names.locationsById();
        Map<String, Map<String, Long>> byPlace = new TreeMap<>();
        if (scope.seesAny()) {
            for (FlowRow row : analytics.flows(new FlowQuery(new Period(now.minus(window), now), window, Level.CHECKPOINT, Set.of(), false,
                    MAX_ROWS), scope)) {
                byPlace.computeIfAbsent(topOf(row.place(), locations), k -> new TreeMap<>()).merge(row.kind(), row.passages(), Long::sum);
            }
        }
        Map<String, Counts> counts = new TreeMap<>();
        byPlace.forEach((place, kinds) -> counts.put(place, new Counts(kinds.values().stream().mapToLong(Long::longValue).sum(), kinds)));
        return new Snapshot(now, window.toMinutes(), counts);
    }

    /** The location's top-level ancestor (itself when it has no registered parent). */
    static String topOf(String id, Map<String, Location> locations) {
        String current = id;
        Set<String> seen = new HashSet<>();
        while (seen.add(current)) {
            Location l = locations.get(current);
            if (l == null || l.parent() == null || !locations.containsKey(l.parent())) {
                return current;
            }
            current = l.parent();
        }
        return current;
    }
}
