package org.openrfid.trace.web.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/** The data the page's script draws, as JSON in a data- attribute (no inline script), labelled in the page's language. */
final class ChartJson {

    private ChartJson() {
    }

    static Map<String, Object> flows(Charts.Flows flows, MessageSource messages, Locale locale) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (Charts.FlowSeries s : flows.series()) {
            String kind = messages.getMessage("kind." + s.kind(), null, s.kind(), locale);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", s.place().isEmpty() ? kind : s.placeName() + " · " + kind);
            m.put("kind", s.kind());
            m.put("place", s.place());
            m.put("data", s.passages());
            series.add(m);
        }
        return Map.of("labels", flows.labels(), "series", series, "total", flows.total());
    }

    static Map<String, Object> travel(Charts.Travel t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", t.count());
        m.put("width", t.width());
        m.put("first", t.bins().isEmpty() ? 0 : t.bins().get(0).fromSeconds());
        m.put("bins", Histogram.json(t.bins()));
        List<Map<String, Object>> marks = new ArrayList<>();
        mark(marks, "p50", t.p50());
        mark(marks, "p90", t.p90());
        mark(marks, "p99", t.p99());
        m.put("percentiles", marks);
        return m;
    }

    private static void mark(List<Map<String, Object>> marks, String name, Double seconds) {
        if (seconds != null) {
            marks.add(Map.of("name", name, "seconds", seconds, "label", name + " " + Durations.clock(seconds)));
        }
    }

    static Map<String, Object> dwell(List<Charts.DwellBar> bars) {
        return Map.of("labels", bars.stream().map(b -> b.place().name()).toList(),
                "p50", bars.stream().map(Charts.DwellBar::p50).toList(),
                "p90", bars.stream().map(Charts.DwellBar::p90).toList(),
                "passages", bars.stream().map(Charts.DwellBar::passages).toList());
    }
}
