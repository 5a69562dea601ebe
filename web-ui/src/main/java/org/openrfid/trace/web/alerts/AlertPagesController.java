package org.openrfid.trace.web.alerts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.openrfid.trace.service.alert.Alert;
import org.openrfid.trace.service.alert.AlertService;
import org.openrfid.trace.service.alert.AlertStatus;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.Alerts;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.platform.web.Cursors;
import org.openrfid.trace.service.privacy.Callers;
import org.openrfid.trace.service.privacy.Lookups;
import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.web.console.ConsoleZone;
import org.openrfid.trace.web.console.DisplayNames;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The alert inbox, one alert with its evidence, acknowledging and closing, and the live alert stream
 * of the console pages. Data and audit are the alerts API's ({@code AlertController}): the same store
 * filter and scope, {@code ALERTS_LISTED}, {@code ALERT_VIEWED}, {@code ALERT_ACKNOWLEDGED} and
 * {@code ALERT_CLOSED}. The stream ({@code ALERTS_STREAMED}) is recorded once per login session: the
 * banner opens it on every page, and each page view is audited by that page already.
 */
@Controller
class AlertPagesController {

    private static final int PAGE = 50;
    private static final int MAX_COMMENT = 1000;
    private static final long STREAM_TIMEOUT_MS = 30 * 60_000L;
    private static final String STREAM_AUDITED = AlertPagesController.class.getName() + ".streamAudited";

    private final Alerts alerts;
    private final AlertService service;
    private final Callers callers;
    private final Lookups lookups;
    private final AlertRows rows;
    private final AlertVisibility visibility;
    private final AlertLiveFeed feed;
    private final DisplayNames names;
    private final ConsoleZone zone;
    private final MessageSource messages;

    AlertPagesController(Alerts alerts, AlertService service, Callers callers, Lookups lookups, AlertRows rows, AlertVisibility visibility,
                         AlertLiveFeed feed, DisplayNames names, ConsoleZone zone, MessageSource messages) {
        this.alerts = alerts;
        this.service = service;
        this.callers = callers;
        this.lookups = lookups;
        this.rows = rows;
        this.visibility = visibility;
        this.feed = feed;
        this.names = names;
        this.zone = zone;
        this.messages = messages;
    }

    @GetMapping("/alerts")
    String inbox(@RequestParam(required = false) String status, @RequestParam(required = false) String type,
                 @RequestParam(required = false) String objectKind, @RequestParam(required = false) String location,
                 @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                 @RequestParam(required = false) String cursor, Model model) {
        AlertInboxFilter filter = AlertInboxFilter.of(status, type, objectKind, location, from, to, zone.zone());
        Scope scope = callers.scope();
        Instant beforeAt = null;
        long beforeId = 0;
        if (cursor != null && !cursor.isBlank()) {
            try {
                List<String> parts = Cursors.decode(cursor, 2);
                beforeAt = Instant.parse(parts.get(0));
                beforeId = Long.parseLong(parts.get(1));
            } catch (RuntimeException e) {
                beforeAt = null; // an edited or stale link: the newest alerts rather than an error page
                beforeId = 0;
            }
        }
        List<Alert> page = alerts.page(new Alerts.Filter(filter.status(), filter.type(), filter.objectKind(), filter.location(),
                filter.fromAt(), filter.toAt(), scope.unlimited() ? null : scope.kinds(), scope.unlimited() ? null : scope.onlyAt(),
                beforeAt, beforeId, PAGE + 1));
        boolean more = page.size() > PAGE;
        List<Alert> items = more ? page.subList(0, PAGE) : page;
        lookups.record("ALERTS_LISTED", filter.auditText(), null, items.size());
        Alert last = items.isEmpty() ? null : items.get(items.size() - 1);
        model.addAttribute("rows", items.stream().map(rows::of).toList());
        model.addAttribute("filter", filter);
        model.addAttribute("firstPage", beforeAt == null);
        model.addAttribute("nextCursor", more ? Cursors.encode(last.raisedAt().toString(), Long.toString(last.id())) : null);
        model.addAttribute("statuses", AlertStatus.values());
        model.addAttribute("types", AlertType.values());
        model.addAttribute("kinds", scope.unlimited() ? Arrays.asList(ObjectKind.values())
                : Arrays.stream(ObjectKind.values()).filter(k -> scope.sees(k.name())).toList());
        model.addAttribute("locations", names.locationsById().values().stream().filter(l -> l.parent() == null)
                .sorted(Comparator.comparing(Location::name)).toList());
        return "alerts/index";
    }

    @GetMapping("/alerts/{id}")
    String alert(@PathVariable long id, @RequestParam(required = false) String problem, Model model, Locale locale) {
        Alert a = visibleOrNotFound(id);
        lookups.record("ALERT_VIEWED", "alert:" + id, null, 1);
        model.addAttribute("r", rows.of(a));
        model.addAttribute("ev", new EvidenceView(a, zone, names, messages, locale));
        model.addAttribute("problem", "conflict".equals(problem) || "tooLong".equals(problem) ? problem : null);
        return "alerts/alert";
    }

    /** The alert's status, history and actions, fetched again when the stream says it changed (part of the viewed page: not audited again). */
    @GetMapping("/alerts/{id}/state")
    String state(@PathVariable long id, Model model) {
        model.addAttribute("r", rows.of(visibleOrNotFound(id)));
        return "alerts/alert :: state";
    }

    @PostMapping("/alerts/{id}/acknowledge")
    String acknowledge(@PathVariable long id, @RequestParam(required = false) String comment) {
        return change(id, "ALERT_ACKNOWLEDGED", comment, AlertStatus.ACKNOWLEDGED);
    }

    @PostMapping("/alerts/{id}/close")
    String close(@PathVariable long id, @RequestParam(required = false) String comment) {
        return change(id, "ALERT_CLOSED", comment, AlertStatus.CLOSED);
    }

    private String change(long id, String action, String comment, AlertStatus to) {
        visibleOrNotFound(id);
        String text = comment == null || comment.isBlank() ? null : comment.trim();
        if (text != null && text.length() > MAX_COMMENT) {
            return "redirect:/alerts/" + id + "?problem=tooLong";
        }
        try {
            if (to == AlertStatus.ACKNOWLEDGED) {
                service.acknowledge(id, callers.username(), text);
            } else {
                service.close(id, callers.username(), text);
            }
        } catch (IllegalStateException e) {
            // someone else acknowledged or closed it first: the page shows its current state and says so
            return "redirect:/alerts/" + id + "?problem=conflict";
        }
        lookups.record(action, "alert:" + id, text, 1);
        return "redirect:/alerts/" + id;
    }

    /** {@code event: alert} per alert event the person may see; see {@link AlertLiveFeed}. */
    @GetMapping(path = "/ui/alerts/stream", produces = "text/event-stream")
    SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId, Locale locale,
                      HttpServletRequest request) {
        Scope scope = callers.scope();
        long after = -1;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                after = Long.parseLong(lastEventId.trim());
            } catch (NumberFormatException e) {
                after = -1; // not one of ours: new events only
            }
        }
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MS);
        try {
            emitter.send(SseEmitter.event().comment("alerts"));
        } catch (IOException e) {
            emitter.completeWithError(e);
            return emitter;
        }
        feed.open(emitter, scope, locale, request.getContextPath(), after);
        HttpSession session = request.getSession();
        if (session.getAttribute(STREAM_AUDITED) == null) {
            session.setAttribute(STREAM_AUDITED, Boolean.TRUE);
            lookups.record("ALERTS_STREAMED", "console", null, 0);
        }
        return emitter;
    }

    private Alert visibleOrNotFound(long id) {
        Alert a = alerts.find(id).orElseThrow(() -> new NoSuchElementException("no alert " + id));
        if (!visibility.sees(callers.scope(), a)) {
            throw new NoSuchElementException("no alert " + id); // not theirs to know of
        }
        return a;
    }
}
