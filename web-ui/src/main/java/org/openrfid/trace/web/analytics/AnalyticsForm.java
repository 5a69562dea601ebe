package org.openrfid.trace.web.analytics;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The page's parameters, shared by the page and its CSV downloads (a download answers the question the chart
 * shows). Blank means not given; the defaults are the questions a first visit shows.
 */
public record AnalyticsForm(String chart, String period, String interval, List<String> location, String kind, String a, String b,
                     String maxGap, String tripGap, String plate, String purpose, String delta, String end) {

    static final List<String> CHARTS = List.of("flows", "travel-times", "od-matrix", "dwell", "companions");
    static final List<String> MAX_GAPS = List.of("PT30M", "PT1H", "PT2H", "PT6H");
    static final List<String> TRIP_GAPS = List.of("PT10M", "PT30M", "PT1H");
    static final List<String> DELTAS = List.of("PT1M", "PT2M", "PT5M", "PT10M", "PT30M");
    static final Set<String> KINDS = Set.of("VEHICLE", "GOODS", "PALLET", "LIBRARY_ITEM", "TAG");

    public AnalyticsForm {
        chart = chart != null && CHARTS.contains(chart.strip()) ? chart.strip() : "flows";
        period = or(period, "dwell".equals(chart) ? "PT1H" : "PT24H");
        interval = or(interval, "PT1H");
        location = location == null ? List.of() : location.stream().filter(l -> l != null && !l.isBlank()).map(String::strip).distinct().toList();
        kind = blank(kind);
        a = blank(a);
        b = blank(b);
        maxGap = or(maxGap, "PT2H");
        tripGap = or(tripGap, "PT30M");
        plate = blank(plate);
        purpose = blank(purpose);
        delta = or(delta, "PT5M");
        end = blank(end);
    }

    static AnalyticsForm of(String chart) {
        return new AnalyticsForm(chart, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    AnalyticsForm withPair(String from, String to) {
        return new AnalyticsForm(chart, period, interval, location, kind, from, to, maxGap, tripGap, plate, purpose, delta, end);
    }

    /** The same question asked at a fixed instant, so that a download gives the figures the page showed. */
    AnalyticsForm at(Instant at) {
        return new AnalyticsForm(chart, period, interval, location, kind, a, b, maxGap, tripGap, plate, purpose, delta, at.toString());
    }

    /**
     * The period asked about: exactly [end - period, end) when {@code end} is given (a download of what a page showed),
     * else the last period up to now (flows: to the end of the current interval).
     */
    org.openrfid.trace.service.analytics.Period periodAt(Instant now, java.time.ZoneId zone) {
        java.time.Duration span = ChartPeriod.span(period);
        if (end != null) {
            try {
                return ChartPeriod.ending(Instant.parse(end), span);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("period: '" + end + "' is not an ISO-8601 instant");
            }
        }
        return "flows".equals(chart) ? ChartPeriod.aligned(now, span, ChartPeriod.interval(interval), zone) : ChartPeriod.upToNow(now, span);
    }

    /** A chart's CSV download (or page) for the same question. */
    String href(String path) {
        UriComponentsBuilder u = UriComponentsBuilder.fromPath(path).queryParam("period", period);
        switch (chart) {
            case "flows" -> {
                u.queryParam("interval", interval);
                location.forEach(l -> u.queryParam("location", l));
            }
            case "travel-times" -> u.queryParam("a", a).queryParam("b", b).queryParam("maxGap", maxGap);
            case "od-matrix" -> u.queryParam("tripGap", tripGap);
            case "companions" -> u.queryParam("plate", plate).queryParam("purpose", purpose).queryParam("delta", delta);
            default -> { }
        }
        if (kind != null && !"companions".equals(chart) && !"dwell".equals(chart)) {
            u.queryParam("kind", kind);
        }
        if (end != null) {
            u.queryParam("end", end);
        }
        return u.encode().build().toUriString();
    }

    java.time.Duration duration(String name, String value, List<String> offered) {
        if (!offered.contains(value)) {
            throw new IllegalArgumentException(name + ": choose one of the values offered");
        }
        return java.time.Duration.parse(value);
    }

    String checkedKind() {
        if (kind != null && !KINDS.contains(kind)) {
            throw new IllegalArgumentException("kind: choose one of the kinds offered");
        }
        return kind;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String or(String s, String otherwise) {
        String b = blank(s);
        return b == null ? otherwise : b;
    }
}
