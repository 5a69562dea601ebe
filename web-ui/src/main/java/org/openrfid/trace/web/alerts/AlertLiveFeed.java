package org.openrfid.trace.web.alerts;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.openrfid.trace.service.alert.Alert;
import org.openrfid.trace.service.alert.AlertEvent;
import org.openrfid.trace.service.alert.AlertStatus;
import org.openrfid.trace.service.alert.AlertStream;
import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.web.console.ConsoleZone;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Alerts as they are raised and change, for every open console page: one {@code event: alert} per
 * alert event the person may see, carrying the inbox row already rendered in their language (so the
 * inbox, the alert page and the banner share the i18n of the pages) and, for a new open high or
 * critical alert, the banner's line. The event id is the alert stream's sequence, so a browser that
 * reconnects with {@code Last-Event-ID} misses nothing.
 */
class AlertLiveFeed {

    private final AlertStream stream;
    private final AlertRows rows;
    private final AlertVisibility visibility;
    private final ITemplateEngine templates;
    private final ConsoleZone zone;

    AlertLiveFeed(AlertStream stream, AlertRows rows, AlertVisibility visibility, ITemplateEngine templates, ConsoleZone zone) {
        this.stream = stream;
        this.rows = rows;
        this.visibility = visibility;
        this.templates = templates;
        this.zone = zone;
    }

    /** @param after the last event the browser saw, or negative for new events only */
    void open(SseEmitter emitter, Scope scope, Locale locale, String base, long after) {
        AtomicBoolean open = new AtomicBoolean(true);
        Predicate<Alert> visible = a -> visibility.sees(scope, a);
        emitter.onCompletion(() -> open.set(false));
        emitter.onTimeout(() -> open.set(false));
        emitter.onError(e -> open.set(false));
        stream.subscribe(new AlertStream.Subscriber() {
            @Override
            public Predicate<Alert> visible() {
                return visible;
            }

            @Override
            public boolean send(AlertEvent event) {
                if (!open.get()) {
                    return false;
                }
                try {
                    emitter.send(SseEmitter.event().name("alert").id(Long.toString(event.seq()))
                            .data(message(event, locale, base), MediaType.APPLICATION_JSON));
                    return true;
                } catch (IOException | IllegalStateException e) {
                    open.set(false);
                    return false;
                }
            }
        }, after);
    }

    Map<String, Object> message(AlertEvent event, Locale locale, String base) {
        AlertRow row = rows.of(event.alert());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", event.alert().id());
        m.put("event", event.kind().name());
        m.put("status", event.alert().status().name());
        m.put("row", render("alerts/rows", "rows", Map.of("rows", List.of(row)), locale, base));
        boolean ring = event.kind() == AlertEvent.Kind.RAISED && event.alert().status() == AlertStatus.OPEN && row.urgent();
        m.put("banner", ring ? render("alerts/banner", "item", Map.of("r", row), locale, base) : null);
        return m;
    }

    private String render(String template, String fragment, Map<String, Object> variables, Locale locale, String base) {
        Context context = new Context(locale);
        context.setVariables(variables);
        context.setVariable("zone", zone);
        context.setVariable("base", base);
        return templates.process(template, Set.of(fragment), context).strip();
    }
}
