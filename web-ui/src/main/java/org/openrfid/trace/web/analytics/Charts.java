package org.openrfid.trace.web.analytics;

import java.util.List;
import java.util.Map;
import org.openrfid.trace.web.analytics.Places.Place;

/** What each chart shows, built by {@link AnalyticsCharts}: the page draws them, the CSV downloads list them. */
public final class Charts {

    private Charts() {
    }

    /** One stacked bar series: the passages of one kind at one place (or at every place) per interval. */
    public record FlowSeries(String place, String placeName, String kind, long[] passages, long[] objects) {
    }

    public record Flows(List<java.time.Instant> starts, List<String> labels, List<FlowSeries> series, long total) {
    }

    /**
     * @param bins the display histogram; p50 and p90 as the service computes them (interpolated), p99 read off
     *             fine bins (within {@code p99Precision} seconds)
     */
    public record Travel(Place a, Place b, long count, Double min, Double p50, Double p90, Double p99, double p99Precision,
                  Double max, Double mean, double width, List<org.openrfid.trace.service.analytics.TravelTimes.Bin> bins) {
    }

    /** The heat map: the same places on both axes, trips[origin][destination]. */
    public record Od(List<Place> places, long[][] trips, long max, long total, long objects) {

        /** The SVG's geometry in px: row labels on the left, column labels (turned) on top, square cells. */
        static final int LABEL = 250;
        static final int TOP = 190;
        static final int CELL = 30;

        /** Room on the right for the last columns' labels, turned 55° up to the right (up to about 250 px long). */
        static final int RIGHT = 170;

        public int width() {
            return LABEL + places.size() * CELL + RIGHT;
        }

        public int height() {
            return TOP + places.size() * CELL + 20;
        }

        /** Left edge of a destination's column. */
        public int x(int destination) {
            return LABEL + destination * CELL;
        }

        /** Top edge of an origin's row. */
        public int y(int origin) {
            return TOP + origin * CELL;
        }

        public int labelX() {
            return LABEL - 6;
        }

        public int labelY() {
            return TOP - 6;
        }

        public long trips(int origin, int destination) {
            return trips[origin][destination];
        }

        public String fill(int o, int d) {
            return HeatScale.fill(trips[o][d], max);
        }

        public String ink(int o, int d) {
            return HeatScale.ink(trips[o][d], max);
        }
    }

    public record DwellBar(Place place, long passages, Double p50, Double p90, Double max) {
    }

    /** One companion: labelled as people know it (plate, product, title), or the raw tag when bound to nothing. */
    public record CompanionRow(String kind, String id, String title, String href, int shared, int places, java.time.Instant first,
                        java.time.Instant last, List<String> placeNames) {
    }

    /** A place where the vehicle and at least one companion were seen together, for the small map. */
    public record SharedPlace(String id, String name, double lat, double lon, int sightings) {
    }

    public record Companions(String plate, String vehicleId, String purpose, List<CompanionRow> rows, List<SharedPlace> places, boolean more) {

        public Map<String, Object> json() {
            return Map.of("places", places, "companions", rows.stream()
                    .map(r -> Map.of("title", r.title(), "shared", r.shared())).toList());
        }
    }
}
