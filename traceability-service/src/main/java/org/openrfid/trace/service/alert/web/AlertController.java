package org.openrfid.trace.service.alert.web;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.openrfid.trace.service.alert.Alert;
import org.openrfid.trace.service.alert.AlertEvent;
import org.openrfid.trace.service.alert.AlertService;
import org.openrfid.trace.service.alert.AlertStatus;
import org.openrfid.trace.service.alert.AlertStream;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.Alerts;
import org.openrfid.trace.service.enrichment.LocationCache;
import org.openrfid.trace.service.platform.web.Cursors;
import org.openrfid.trace.service.platform.web.Limits;
import org.openrfid.trace.service.privacy.Callers;
import org.openrfid.trace.service.privacy.Lookups;
import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Alerts over REST and Server-Sent Events. A caller sees the alerts about the object kinds their role
 * may see (and every alert about no object, such as a reader down); acknowledging and closing keep who
 * and when on the alert and are audited.
 */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertController {

    /** An SSE connection lives this long; browsers and EventSource clients reconnect with Last-Event-ID. */
    static final long STREAM_TIMEOUT_MS = 30 * 60_000L;

    private final Alerts alerts;
    private final AlertService service;
    private final AlertStream stream;
    private final Callers callers;
    private final Lookups lookups;

    private final LocationCache locations;

    AlertController(Alerts alerts, AlertService service, AlertStream stream, Callers callers, Lookups lookups, LocationCache locations) {
        this.locations = locations;
        this.alerts = alerts;
        this.service = service;
        this.stream = stream;
        this.callers = callers;
        this.lookups = lookups;
    }

    record AlertPage(List<Alert> items, String nextCursor) {
    }

    record Comment(String comment) {
    }

    @GetMapping
    AlertPage list(@RequestParam(required = false) String status, @RequestParam(required = false) String type,
                   @RequestParam(required = false) String objectKind, @RequestParam(required = false) String location,
                   @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                   @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String cursor) {
        Limits.page(limit);
        Scope scope = callers.scope();
        Instant beforeAt = null;
        long beforeId = 0;
        if (cursor != null) {
            List<String> parts = Cursors.decode(cursor, 2);
            try {
                beforeAt = Instant.parse(parts.get(0));
                beforeId = Long.parseLong(parts.get(1));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("cursor: not a cursor issued by this API");
            }
        }
        if (from != null && to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("to: " + to + " is not after from " + from);
        }
        List<Alert> page = alerts.page(new Alerts.Filter(status == null ? null : AlertStatus.parse("status", status),
                type == null ? null : AlertType.parse("type", type), objectKind == null ? null : ObjectKind.parse(objectKind),
                location, from, to, scope.unlimited() ? null : scope.kinds(), scope.unlimited() ? null : scope.onlyAt(), beforeAt, beforeId,
                limit + 1));
        boolean more = page.size() > limit;
        List<Alert> items = more ? page.subList(0, limit) : page;
        Alert last = items.isEmpty() ? null : items.get(items.size() - 1);
        lookups.record("ALERTS_LISTED", filterText(status, type, objectKind, location), null, items.size());
        return new AlertPage(items, more ? Cursors.encode(last.raisedAt().toString(), Long.toString(last.id())) : null);
    }

    @GetMapping("/{id}")
    Alert one(@PathVariable long id) {
        Alert a = visibleOrNotFound(id);
        lookups.record("ALERT_VIEWED", "alert:" + id, null, 1);
        return a;
    }

    @PostMapping("/{id}/acknowledge")
    Alert acknowledge(@PathVariable long id, @RequestBody(required = false) Comment comment) {
        visibleOrNotFound(id);
        AlertEvent e = changed(() -> service.acknowledge(id, callers.username(), text(comment)));
        lookups.record("ALERT_ACKNOWLEDGED", "alert:" + id, text(comment), 1);
        return e.alert();
    }

    @PostMapping("/{id}/close")
    Alert close(@PathVariable long id, @RequestBody(required = false) Comment comment) {
        visibleOrNotFound(id);
        AlertEvent e = changed(() -> service.close(id, callers.username(), text(comment)));
        lookups.record("ALERT_CLOSED", "alert:" + id, text(comment), 1);
        return e.alert();
    }

    /** {@code event: alert}, id = the event's sequence; {@code Last-Event-ID} resumes after it without gaps. */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                      @RequestParam(name = "lastEventId", required = false) String lastEventParam) {
        Scope scope = callers.scope();
        long after = -1;
        String resume = lastEventId != null ? lastEventId : lastEventParam;
        if (resume != null && !resume.isBlank()) {
            try {
                after = Long.parseLong(resume.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Last-Event-ID: '" + resume + "' is not an event id of this stream");
            }
        }
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MS);
        Predicate<Alert> visible = a -> sees(scope, a);
        java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);
        AlertStream.Subscriber subscriber = new AlertStream.Subscriber() {
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
                    emitter.send(SseEmitter.event().name("alert").id(Long.toString(event.seq())).data(event.alert(), MediaType.APPLICATION_JSON));
                    return true;
                } catch (IOException | IllegalStateException e) {
                    open.set(false);
                    return false;
                }
            }
        };
        emitter.onCompletion(() -> open.set(false));
        emitter.onTimeout(() -> open.set(false));
        emitter.onError(e -> open.set(false));
        stream.subscribe(subscriber, after);
        lookups.record("ALERTS_STREAMED", resume == null ? "live" : "after " + resume, null, 0);
        try {
            emitter.send(SseEmitter.event().comment("alerts"));
        } catch (IOException e) {
            emitter.completeWithError(e);
        }
        return emitter;
    }

    private Alert visibleOrNotFound(long id) {
        Scope scope = callers.scope();
        Alert a = alerts.find(id).orElseThrow(() -> notFound(id));
        if (!sees(scope, a)) {
            throw notFound(id); // not theirs to know of
        }
        return a;
    }

    /** Alerts about no object are everyone's; others follow the caller's scope, per location kind where it says so. */
    private boolean sees(Scope scope, Alert a) {
        if (a.objectKind() == null || scope.seesEverywhere(a.objectKind().name())) {
            return true;
        }
        java.util.Set<String> places = scope.onlyAt().get(a.objectKind().name());
        return places != null && a.locationId() != null && places.contains(locations.kindOf(a.locationId()));
    }

    private static AlertEvent changed(java.util.function.Supplier<AlertEvent> change) {
        try {
            return change.get();
        } catch (IllegalStateException e) {
            ErrorResponseException conflict = new ErrorResponseException(HttpStatus.CONFLICT,
                    ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage()), e);
            conflict.getBody().setTitle("Alert status conflict");
            throw conflict;
        } catch (AlertService.UnknownAlertException e) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()), e);
        }
    }

    private static String text(Comment c) {
        if (c == null || c.comment() == null || c.comment().isBlank()) {
            return null;
        }
        if (c.comment().length() > 1000) {
            throw new IllegalArgumentException("comment: longer than 1000 characters");
        }
        return c.comment().trim();
    }

    private static String filterText(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p != null) {
                sb.append(sb.length() == 0 ? "" : " ").append(p);
            }
        }
        return sb.length() == 0 ? "all" : sb.toString();
    }

    private static ErrorResponseException notFound(long id) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no alert " + id);
        p.setTitle("Alert not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, p, null);
    }
}
