package org.openrfid.trace.web.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openrfid.trace.service.analytics.Analytics;
import org.openrfid.trace.service.analytics.AnalyticsProperties;
import org.openrfid.trace.service.analytics.Dwell;
import org.openrfid.trace.service.analytics.FlowQuery;
import org.openrfid.trace.service.analytics.FlowRow;
import org.openrfid.trace.service.analytics.Level;
import org.openrfid.trace.service.analytics.OdMatrix;
import org.openrfid.trace.service.analytics.OdQuery;
import org.openrfid.trace.service.analytics.Period;
import org.openrfid.trace.service.analytics.TravelQuery;
import org.openrfid.trace.service.analytics.TravelTimes;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.passage.LocatedPassage;
import org.openrfid.trace.service.passage.PassageCursor;
import org.openrfid.trace.service.passage.PassageQueries;
import org.openrfid.trace.service.passage.TimeOrder;
import org.openrfid.trace.service.privacy.Lookups;
import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.web.analytics.Charts.DwellBar;
import org.openrfid.trace.web.analytics.Places.Place;

/**
 * The analytics page's questions, asked of the same services as the REST analytics with the caller's scope
 * (only the kinds their roles see are counted) and audited as they are; answers are labelled with place names.
 * Places are counted at the checkpoint level: a checkpoint's lanes, a site's doors are one place.
 */
class AnalyticsCharts {

    /** Passages one dwell chart may read; a busier range is refused (narrow the period), never cut short. */
    static final int MAX_DWELL_PASSAGES = 200_000;
    private static final int PAGE = 5_000;

    private final Analytics analytics;
    private final PassageQueries passages;
    private final AnalyticsProperties limits;
    private final Lookups lookups;
    private final Places places;
    private final Locations locations;

    AnalyticsCharts(Analytics analytics, PassageQueries passages, AnalyticsProperties limits, Lookups lookups, Places places,
                    Locations locations) {
        this.analytics = analytics;
        this.passages = passages;
        this.limits = limits;
        this.lookups = lookups;
        this.places = places;
        this.locations = locations;
    }

    Places places() {
        return places;
    }

    /** Passages per interval, one series per kind, per chosen place (or summed over every place when none is chosen). */
    Charts.Flows flows(Period period, Duration interval, List<String> locationIds, String kind, ZoneId zone) {
        Set<String> chosen = new TreeSet<>(locationIds);
        String about = "flows " + period.from() + "/" + period.to() + (chosen.isEmpty() ? "" : " at " + String.join(",", chosen));
        Scope scope = scope("FLOWS", about, kind);
        List<FlowRow> rows = analytics.flows(new FlowQuery(period, interval, Level.CHECKPOINT, chosen, false, limits.maxRows()), scope);
        lookups.record("FLOWS", about, null, rows.size());

        List<Instant> starts = ChartPeriod.starts(period, interval);
        Map<Instant, Integer> index = new HashMap<>();
        for (int i = 0; i < starts.size(); i++) {
            index.put(starts.get(i), i);
        }
        Map<String, Charts.FlowSeries> series = new TreeMap<>();
        long total = 0;
        for (FlowRow r : rows) {
            if (kind != null && !kind.equals(r.kind())) {
                continue;
            }
            String place = chosen.isEmpty() ? "" : r.place();
            Charts.FlowSeries s = series.computeIfAbsent(place + "|" + r.kind(), k -> new Charts.FlowSeries(place,
                    place.isEmpty() ? "" : places.name(place), r.kind(), new long[starts.size()], new long[starts.size()]));
            Integer i = index.get(r.intervalStart());
            if (i != null) {
                s.passages()[i] += r.passages();
                s.objects()[i] += r.objects();
                total += r.passages();
            }
        }
        DateTimeFormatter label = DateTimeFormatter.ofPattern(interval.toDays() >= 1 ? "MM-dd" : "MM-dd HH:mm").withZone(zone);
        return new Charts.Flows(starts, starts.stream().map(label::format).toList(), List.copyOf(series.values()), total);
    }

    /** Travel times from a to b: the service's statistics, p99 from second-wide bins, the histogram in round bins. */
    Charts.Travel travel(Period period, String a, String b, Duration maxGap, String kind) {
        String about = "travel " + a + " to " + b + " " + period.from() + "/" + period.to();
        Scope scope = scope("TRAVEL_TIMES", about, kind);
        double fine = Histogram.fineWidthSeconds(maxGap.toSeconds(), limits.maxBuckets());
        TravelTimes t = analytics.travelTimes(new TravelQuery(period, a, b, Level.CHECKPOINT, maxGap, kind,
                Duration.ofMillis(Math.round(fine * 1000)), limits.maxBuckets()), scope);
        lookups.record("TRAVEL_TIMES", about, null, t.count());
        double width = Histogram.displayWidth(t.minSeconds(), t.maxSeconds());
        return new Charts.Travel(new Place(a, places.name(a)), new Place(b, places.name(b)), t.count(), t.minSeconds(), t.p50Seconds(),
                t.p90Seconds(), Histogram.percentile(t.histogram(), 0.99), fine / 2, t.maxSeconds(), t.meanSeconds(), width,
                Histogram.merge(t.histogram(), width));
    }

    /** The busiest pair with origin and destination apart: the travel chart's first question. */
    List<String> busiestPair(Period period, Duration tripGap) {
        Charts.Od od = od(period, tripGap, null);
        long best = 0;
        List<String> pair = List.of();
        for (int o = 0; o < od.places().size(); o++) {
            for (int d = 0; d < od.places().size(); d++) {
                if (o != d && od.trips()[o][d] > best) {
                    best = od.trips()[o][d];
                    pair = List.of(od.places().get(o).id(), od.places().get(d).id());
                }
            }
        }
        return pair;
    }

    /** Origin-destination trips on a square matrix of the places that begin or end any trip, by name. */
    Charts.Od od(Period period, Duration tripGap, String kind) {
        String about = "od " + period.from() + "/" + period.to();
        Scope scope = scope("OD_MATRIX", about, kind);
        OdMatrix m = analytics.originDestination(new OdQuery(period, tripGap, Level.CHECKPOINT, kind, false, limits.maxRows()), scope);
        lookups.record("OD_MATRIX", about, null, m.trips());
        Set<String> ids = new LinkedHashSet<>();
        m.rows().forEach(c -> {
            ids.add(c.origin());
            ids.add(c.destination());
        });
        List<Place> axis = ids.stream().map(id -> new Place(id, places.name(id))).sorted(Comparator.comparing(Place::name)).toList();
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < axis.size(); i++) {
            at.put(axis.get(i).id(), i);
        }
        long[][] trips = new long[axis.size()][axis.size()];
        long max = 0;
        for (OdMatrix.Cell c : m.rows()) {
            trips[at.get(c.origin())][at.get(c.destination())] = c.trips();
            max = Math.max(max, c.trips());
        }
        return new Charts.Od(axis, trips, max, m.trips(), m.objects());
    }

    /** Time at each place per passage (first to last read), by top-level place, busiest-staying first. */
    List<DwellBar> dwell(Period period) {
        String about = "dwell " + period.from() + "/" + period.to();
        Scope scope = scope("DWELL", about, null);
        Set<String> ids = locations.withDescendants(places.topLevel().stream().map(Place::id).toList());
        Map<String, List<Double>> stays = new HashMap<>();
        int n = 0;
        PassageCursor after = null;
        List<LocatedPassage> page;
        do {
            page = passages.atLocations(ids, period.from(), period.to(), scope, after, TimeOrder.OLDEST_FIRST, PAGE);
            for (LocatedPassage lp : page) {
                if (++n > MAX_DWELL_PASSAGES) {
                    throw new IllegalArgumentException("period: more than " + MAX_DWELL_PASSAGES + " passages in the period");
                }
                after = new PassageCursor(lp.passage().firstSeen(), lp.passage().id());
                stays.computeIfAbsent(places.top(lp.passage().locationId()), k -> new ArrayList<>())
                        .add(Duration.between(lp.passage().firstSeen(), lp.passage().lastSeen()).toMillis() / 1000.0);
            }
        } while (page.size() == PAGE);
        lookups.record("DWELL", about, null, n);
        List<DwellBar> bars = new ArrayList<>();
        stays.forEach((place, list) -> {
            // the service's dwell statistics (PERCENTILE_CONT, as the API and the travel times compute them)
            TravelTimes t = Dwell.of(list.stream().mapToDouble(Double::doubleValue).toArray(), null);
            bars.add(new DwellBar(new Place(place, places.name(place)), t.count(), t.p50Seconds(), t.p90Seconds(), t.maxSeconds()));
        });
        bars.sort(Comparator.comparing(DwellBar::p50).reversed().thenComparing(b -> b.place().name()));
        return bars;
    }

    private Scope scope(String action, String about, String kind) {
        Scope scope = lookups.scope(action, about);
        if (kind != null && !scope.sees(kind)) {
            throw lookups.refuse(action, about, null, "your roles do not see objects of kind " + kind);
        }
        return scope;
    }
}
