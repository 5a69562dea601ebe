package org.openrfid.trace.web.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openrfid.trace.service.analytics.Period;
import org.openrfid.trace.service.privacy.Callers;
import org.openrfid.trace.service.privacy.Lookups;
import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.web.console.ConsoleZone;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * {@code /analytics}: one chart at a time (flows, travel times, origin-destination, dwell, companions), each with
 * its question in a form, downloadable as CSV (the same question at {@code /analytics/<chart>.csv}) and PNG (drawn
 * in the browser). A question the form must correct shows its message next to the field.
 */
@Controller
class AnalyticsPageController {

    /** The form's fields a message may name; any other (the range's "to", a bound) is the period's. */
    private static final java.util.Set<String> FIELDS = java.util.Set.of("period", "interval", "location", "kind", "a", "b", "maxGap",
            "tripGap", "plate", "purpose", "delta");

    private final AnalyticsCharts charts;
    private final CompanionLookup companions;
    private final Callers callers;
    private final Lookups lookups;
    private final ConsoleZone zone;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final Clock clock;

    AnalyticsPageController(AnalyticsCharts charts, CompanionLookup companions, Callers callers, Lookups lookups, ConsoleZone zone,
                            MessageSource messages, ObjectMapper json, Clock clock) {
        this.charts = charts;
        this.companions = companions;
        this.callers = callers;
        this.lookups = lookups;
        this.zone = zone;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/analytics")
    String page(@ModelAttribute("form") AnalyticsForm form, Model model, Locale locale) throws JsonProcessingException {
        Scope scope = callers.scope();
        boolean companionsAllowed = companions.allowed(scope);
        if ("companions".equals(form.chart()) && !companionsAllowed) {
            throw lookups.refuse("COMPANIONS", "analytics page", null, "your roles " + callers.roles() + " do not see vehicles");
        }
        model.addAttribute("tabs", AnalyticsForm.CHARTS.stream().filter(c -> companionsAllowed || !"companions".equals(c)).toList());
        model.addAttribute("places", charts.places().topLevel());
        model.addAttribute("kinds", AnalyticsForm.KINDS.stream().filter(scope::sees).sorted().toList());
        model.addAttribute("spans", List.of("PT1H", "PT6H", "PT24H", "P7D"));
        model.addAttribute("intervals", List.of("PT15M", "PT1H", "P1D"));
        model.addAttribute("maxGaps", AnalyticsForm.MAX_GAPS);
        model.addAttribute("tripGaps", AnalyticsForm.TRIP_GAPS);
        model.addAttribute("deltas", AnalyticsForm.DELTAS);
        Map<String, String> errors = new LinkedHashMap<>();
        model.addAttribute("errors", errors);
        try {
            AnalyticsForm asked = answer(form, model, locale);
            model.addAttribute("form", asked);
            Period shown = (Period) model.getAttribute("period");
            // the download answers the period shown, not the one current when it is clicked
            model.addAttribute("csvHref", (shown == null ? asked : asked.at(shown.to())).href("/analytics/" + asked.chart() + ".csv"));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            int colon = message.indexOf(':');
            String named = colon > 0 ? message.substring(0, colon) : "";
            String field = FIELDS.contains(named) ? named : "period";
            errors.put(field, colon > 0 ? message.substring(colon + 1).strip() : message);
        }
        return "analytics/index";
    }

    /** Asks the chart's question and puts its answer in the model; the form as answered (travel: the pair chosen). */
    private AnalyticsForm answer(AnalyticsForm form, Model model, Locale locale) throws JsonProcessingException {
        String kind = form.checkedKind();
        switch (form.chart()) {
            case "flows" -> {
                Duration interval = ChartPeriod.interval(form.interval());
                Period period = form.periodAt(clock.instant(), zone.zone());
                Charts.Flows flows = charts.flows(period, interval, form.location(), kind, zone.zone());
                put(model, period, flows, ChartJson.flows(flows, messages, locale));
            }
            case "travel-times" -> {
                Period period = form.periodAt(clock.instant(), zone.zone());
                AnalyticsForm asked = form;
                if (form.a() == null || form.b() == null) {
                    List<String> pair = charts.busiestPair(period, Duration.ofMinutes(30));
                    if (pair.isEmpty()) {
                        model.addAttribute("period", period);
                        return form;
                    }
                    asked = form.withPair(pair.get(0), pair.get(1));
                }
                if (asked.a().equals(asked.b())) {
                    throw new IllegalArgumentException("b: choose a place other than the one travelled from");
                }
                Charts.Travel travel = charts.travel(period, asked.a(), asked.b(), asked.duration("maxGap", asked.maxGap(), AnalyticsForm.MAX_GAPS), kind);
                put(model, period, travel, ChartJson.travel(travel));
                return asked;
            }
            case "od-matrix" -> {
                Period period = form.periodAt(clock.instant(), zone.zone());
                Charts.Od od = charts.od(period, form.duration("tripGap", form.tripGap(), AnalyticsForm.TRIP_GAPS), kind);
                put(model, period, od, null);
            }
            case "dwell" -> {
                Period period = form.periodAt(clock.instant(), zone.zone());
                List<Charts.DwellBar> bars = charts.dwell(period);
                put(model, period, bars, ChartJson.dwell(bars));
            }
            case "companions" -> {
                Period period = form.periodAt(clock.instant(), zone.zone());
                model.addAttribute("period", period);
                if (form.plate() != null || form.purpose() != null) {
                    Charts.Companions c = companions.find(form.plate(), form.purpose(), period,
                            form.duration("delta", form.delta(), AnalyticsForm.DELTAS));
                    put(model, period, c, c.json());
                }
            }
            default -> throw new IllegalStateException(form.chart());
        }
        return form;
    }

    private void put(Model model, Period period, Object answer, Object chartData) throws JsonProcessingException {
        model.addAttribute("period", period);
        model.addAttribute("answer", answer);
        model.addAttribute("chartJson", chartData == null ? null : json.writeValueAsString(chartData));
    }

}
