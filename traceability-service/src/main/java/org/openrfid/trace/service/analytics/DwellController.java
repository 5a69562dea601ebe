package org.openrfid.trace.service.analytics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.passage.LocatedPassage;
import org.openrfid.trace.service.passage.PassageCursor;
import org.openrfid.trace.service.passage.PassageQueries;
import org.openrfid.trace.service.passage.TimeOrder;
import org.openrfid.trace.service.privacy.Lookups;
import org.openrfid.trace.service.privacy.Scope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dwell: how long objects stay at a place. At one location (and its lanes, doors and gates), each
 * passage's first to last read; between an entry and an exit location of one site, the time from a
 * sighting at the entry to the object's next sighting at the exit (the travel-time question, within
 * {@code maxGap}). Only the kinds the caller's roles see count.
 */
@RestController
@RequestMapping("/api/v1/analytics")
class DwellController {

    /** Passages one dwell answer may read; a busier range is refused with a 400, never cut short. */
    static final int MAX_PASSAGES = 200_000;
    private static final int PAGE = 5_000;

    private final PassageQueries passages;
    private final Locations locations;
    private final Analytics analytics;
    private final AnalyticsProperties limits;
    private final Lookups lookups;

    DwellController(PassageQueries passages, Locations locations, Analytics analytics, AnalyticsProperties limits, Lookups lookups) {
        this.passages = passages;
        this.locations = locations;
        this.analytics = analytics;
        this.limits = limits;
        this.lookups = lookups;
    }

    record DwellAnswer(String location, String entry, String exit, Instant from, Instant to, String kind, String measure, TravelTimes dwell) {
    }

    @GetMapping("/dwell")
    @Operation(summary = "Time spent at a place: per passage (first to last read), or from an entry to an exit location of one site",
            description = "Give location, or entry and exit. Count, min, p10, p50, p90, max, mean in seconds and a histogram.")
    DwellAnswer dwell(@Parameter(description = "the place: each passage there counts first to last read") @RequestParam(required = false) String location,
                      @Parameter(description = "entry location of a site (with exit)") @RequestParam(required = false) String entry,
                      @Parameter(description = "exit location of the site (with entry)") @RequestParam(required = false) String exit,
                      @RequestParam Instant from, @RequestParam Instant to,
                      @Parameter(description = "only this kind: VEHICLE, GOODS, PALLET, LIBRARY_ITEM or TAG (unbound)") @RequestParam(required = false) String kind,
                      @Parameter(description = "ISO-8601 duration: longest stay between entry and exit counted") @RequestParam(defaultValue = "PT12H") String maxGap,
                      @Parameter(description = "ISO-8601 histogram bin width; default: a round width giving about 20 bins") @RequestParam(required = false) String bucketWidth) {
        Period period = Parameters.period(from, to, limits.maxSpan());
        String k = Parameters.kind(kind);
        Duration width = bucketWidth == null ? null : Parameters.duration("bucketWidth", bucketWidth, limits.maxSpan());
        if (width != null && width.toMillis() < 1) {
            throw new IllegalArgumentException("bucketWidth: " + width + " is shorter than a millisecond");
        }
        if ((location == null) == (entry == null || exit == null) || (entry == null) != (exit == null)) {
            throw new IllegalArgumentException("location: give location, or entry and exit (not both)");
        }
        if (location != null) {
            String place = Parameters.place("location", location);
            String about = "dwell at " + place + " " + from + "/" + to;
            Scope scope = only(scope("DWELL", about, k), k);
            TravelTimes stats = Dwell.of(stayAt(place, period, scope), width == null ? null : width.toMillis() / 1000.0);
            lookups.record("DWELL", about, null, stats.count());
            return new DwellAnswer(place, null, null, from, to, k, "first_to_last_read", stats);
        }
        String a = Parameters.place("entry", entry);
        String b = Parameters.place("exit", exit);
        Duration gap = Parameters.duration("maxGap", maxGap, limits.maxSpan());
        String about = "dwell " + a + " to " + b + " " + from + "/" + to;
        TravelTimes stats = analytics.travelTimes(new TravelQuery(period, a, b, Level.LOCATION, gap, k, width, limits.maxBuckets()),
                scope("DWELL", about, k));
        lookups.record("DWELL", about, null, stats.count());
        return new DwellAnswer(null, a, b, from, to, k, "entry_to_exit", stats);
    }

    private double[] stayAt(String place, Period period, Scope scope) {
        Set<String> ids = locations.withDescendants(List.of(place));
        double[] out = new double[64];
        int n = 0;
        PassageCursor after = null;
        List<LocatedPassage> page;
        do {
            page = passages.atLocations(ids, period.from(), period.to(), scope, after, TimeOrder.OLDEST_FIRST, PAGE);
            for (LocatedPassage lp : page) {
                if (n == MAX_PASSAGES) {
                    throw new IllegalArgumentException("location: more than " + MAX_PASSAGES + " passages at " + place
                            + " in the range: narrow from/to or the kind");
                }
                if (n == out.length) {
                    out = java.util.Arrays.copyOf(out, n * 2);
                }
                out[n++] = Duration.between(lp.passage().firstSeen(), lp.passage().lastSeen()).toMillis() / 1000.0;
                after = new PassageCursor(lp.passage().firstSeen(), lp.passage().id());
            }
        } while (page.size() == PAGE);
        return java.util.Arrays.copyOf(out, n);
    }

    private Scope scope(String action, String about, String kind) {
        Scope scope = lookups.scope(action, about);
        if (kind != null && !scope.sees(kind)) {
            throw lookups.refuse(action, about, null, "your roles do not see objects of kind " + kind);
        }
        return scope;
    }

    /** The scope narrowed to one kind (where the caller sees it), or as it is when no kind was asked for. */
    static Scope only(Scope scope, String kind) {
        if (kind == null) {
            return scope;
        }
        if (scope.unlimited() || scope.kinds().contains(kind)) {
            return new Scope(scope.username(), false, Set.of(kind), Map.of(), scope.at());
        }
        return new Scope(scope.username(), false, Set.of(), Map.of(kind, scope.onlyAt().getOrDefault(kind, Set.of())), scope.at());
    }
}
