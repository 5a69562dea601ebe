package org.openrfid.trace.web.objects;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openrfid.trace.service.passage.LocatedPassage;

/**
 * What the replay draws: the object's passages at registered places in time order, and its stops. A
 * stop is where it stayed: consecutive passages at one place (read again and again at a car park
 * gate), or a gap longer than {@link #DWELL_GAP} before it was seen anywhere else.
 */
public record Track(List<Point> points, List<Stop> stops) {

    /** No passage for this long after one: the object stayed there (or near) meanwhile. */
    static final Duration DWELL_GAP = Duration.ofMinutes(10);
    /** Shorter stays are passing through, not stops. */
    static final Duration MIN_STOP = Duration.ofMinutes(1);

    /** One passage: seen from {@code t} until {@code until} (epoch milliseconds) at a place. */
    public record Point(String passageId, long t, long until, double lat, double lon, String locationId, String locationName) {
    }

    /** A stay at a place from {@code from} to {@code to} (epoch milliseconds), from the {@code first}-th point on. */
    public record Stop(String locationId, String locationName, double lat, double lon, long from, long to, int first, int passages) {
        public long seconds() {
            return (to - from) / 1000;
        }
    }

    public static Track of(List<LocatedPassage> passages) {
        List<Point> points = new ArrayList<>();
        for (LocatedPassage lp : passages) {
            if (lp.location() == null) {
                continue;
            }
            var p = lp.passage();
            points.add(new Point(p.id(), p.firstSeen().toEpochMilli(), Math.max(p.firstSeen().toEpochMilli(), p.lastSeen().toEpochMilli()),
                    lp.location().lat(), lp.location().lon(), lp.location().id(), lp.location().name()));
        }
        return new Track(points, stops(points));
    }

    static List<Stop> stops(List<Point> points) {
        List<Stop> stops = new ArrayList<>();
        int i = 0;
        while (i < points.size()) {
            int j = i;
            while (j + 1 < points.size() && points.get(j + 1).locationId().equals(points.get(i).locationId())) {
                j++;
            }
            Point first = points.get(i);
            long end = points.get(j).until();
            if (j + 1 < points.size() && points.get(j + 1).t() - end > DWELL_GAP.toMillis()) {
                end = points.get(j + 1).t();
            }
            if (end - first.t() >= MIN_STOP.toMillis()) {
                stops.add(new Stop(first.locationId(), first.locationName(), first.lat(), first.lon(), first.t(), end, i, j - i + 1));
            }
            i = j + 1;
        }
        return stops;
    }

    static Instant instant(long millis) {
        return Instant.ofEpochMilli(millis);
    }
}
