package org.openrfid.trace.web.analytics;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.openrfid.trace.service.analytics.Period;
import org.openrfid.trace.service.analytics.TravelTimes;
import org.openrfid.trace.web.console.ConsoleZone;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The figures behind each chart of {@code /analytics} as CSV, for the same parameters: UTF-8 with a byte order
 * mark (spreadsheets then read Chinese names right), times in ISO-8601 UTC and in the console's zone, place ids
 * with their names, durations in seconds. Asked, scoped and audited as the page is.
 */
@Controller
@ResponseBody
class AnalyticsCsvController {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final AnalyticsCharts charts;
    private final CompanionLookup companions;
    private final ConsoleZone zone;
    private final MessageSource messages;
    private final Clock clock;

    AnalyticsCsvController(AnalyticsCharts charts, CompanionLookup companions, ConsoleZone zone, MessageSource messages, Clock clock) {
        this.charts = charts;
        this.companions = companions;
        this.zone = zone;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/analytics/flows.csv")
    ResponseEntity<String> flows(@ModelAttribute AnalyticsForm form, Locale locale) {
        Duration interval = ChartPeriod.interval(form.interval());
        Period period = form.periodAt(clock.instant(), zone.zone());
        Charts.Flows flows = charts.flows(period, interval, form.location(), form.checkedKind(), zone.zone());
        StringBuilder out = header("interval_start_utc", "interval_start_local", "location_id", "location_name", "kind", "kind_name",
                "passages", "objects");
        for (Charts.FlowSeries s : flows.series()) {
            for (int i = 0; i < flows.starts().size(); i++) {
                out.append(Csv.line(List.of(flows.starts().get(i), zone.dateTime(flows.starts().get(i)), s.place(), s.placeName(), s.kind(),
                        kindName(s.kind(), locale), s.passages()[i], s.objects()[i])));
            }
        }
        return csv("flows", out);
    }

    @GetMapping("/analytics/travel-times.csv")
    ResponseEntity<String> travel(@ModelAttribute AnalyticsForm form) {
        if (form.a() == null || form.b() == null) {
            throw new IllegalArgumentException("a: give the places travelled from (a) and to (b)");
        }
        Period period = form.periodAt(clock.instant(), zone.zone());
        Charts.Travel t = charts.travel(period, form.a(), form.b(), form.duration("maxGap", form.maxGap(), AnalyticsForm.MAX_GAPS),
                form.checkedKind());
        StringBuilder out = header("from_id", "from_name", "to_id", "to_name", "bin_from_seconds", "bin_to_seconds", "trips");
        for (TravelTimes.Bin b : t.bins()) {
            out.append(Csv.line(List.of(t.a().id(), t.a().name(), t.b().id(), t.b().name(), b.fromSeconds(), b.toSeconds(), b.count())));
        }
        out.append(Csv.line(List.of("# count", t.count(), "p50_seconds", nz(t.p50()), "p90_seconds", nz(t.p90()), "p99_seconds", nz(t.p99()))));
        return csv("travel-times", out);
    }

    @GetMapping("/analytics/od-matrix.csv")
    ResponseEntity<String> od(@ModelAttribute AnalyticsForm form) {
        Period period = form.periodAt(clock.instant(), zone.zone());
        Charts.Od od = charts.od(period, form.duration("tripGap", form.tripGap(), AnalyticsForm.TRIP_GAPS), form.checkedKind());
        StringBuilder out = header("origin_id", "origin_name", "destination_id", "destination_name", "trips");
        for (int o = 0; o < od.places().size(); o++) {
            for (int d = 0; d < od.places().size(); d++) {
                if (od.trips()[o][d] > 0) {
                    out.append(Csv.line(List.of(od.places().get(o).id(), od.places().get(o).name(), od.places().get(d).id(),
                            od.places().get(d).name(), od.trips()[o][d])));
                }
            }
        }
        return csv("od-matrix", out);
    }

    @GetMapping("/analytics/dwell.csv")
    ResponseEntity<String> dwell(@ModelAttribute AnalyticsForm form) {
        Period period = form.periodAt(clock.instant(), zone.zone());
        StringBuilder out = header("location_id", "location_name", "passages", "p50_seconds", "p90_seconds", "max_seconds");
        for (Charts.DwellBar b : charts.dwell(period)) {
            out.append(Csv.line(List.of(b.place().id(), b.place().name(), b.passages(), b.p50(), b.p90(), b.max())));
        }
        return csv("dwell", out);
    }

    @GetMapping("/analytics/companions.csv")
    ResponseEntity<String> companions(@ModelAttribute AnalyticsForm form, Locale locale) {
        Period period = form.periodAt(clock.instant(), zone.zone());
        Charts.Companions c = companions.find(form.plate(), form.purpose(), period, form.duration("delta", form.delta(), AnalyticsForm.DELTAS));
        StringBuilder out = header("vehicle_plate", "companion_kind", "companion_kind_name", "companion", "shared_sightings", "places",
                "first_shared_utc", "last_shared_utc", "place_names");
        for (Charts.CompanionRow r : c.rows()) {
            out.append(Csv.line(List.of(c.plate(), r.kind(), kindName(r.kind(), locale), r.title(), r.shared(), r.places(), r.first(), r.last(),
                    String.join(" / ", r.placeNames()))));
        }
        return csv("companions", out);
    }

    private String kindName(String kind, Locale locale) {
        return messages.getMessage("kind." + kind, null, kind, locale);
    }

    private static Object nz(Double d) {
        return d == null ? "" : d;
    }

    private static StringBuilder header(String... names) {
        return new StringBuilder("\uFEFF").append(Csv.line(List.of(names)));
    }

    private ResponseEntity<String> csv(String name, StringBuilder body) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + ".csv").build().toString())
                .body(body.toString());
    }
}
