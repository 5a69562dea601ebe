package org.openrfid.trace.web.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.service.passage.PassageStore;
import org.openrfid.trace.service.privacy.Lookups;
import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.web.console.DisplayNames;
import org.openrfid.trace.web.console.ObjectLabel;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live dashboard: the latest passages of the kinds the user sees, then new ones pushed by
 * server-sent events as they are stored; counters of passages per minute, readers and open alerts.
 * Opening it is audited once ({@code LIVE_PASSAGES}); what the stream adds is part of that view.
 */
@Controller
class DashboardController {

    private static final int LATEST = 30;
    /** An open dashboard is meant to stay open for a shift; the browser reconnects after this anyway. */
    private static final long STREAM_TIMEOUT_MS = 30 * 60_000L;

    private final PassageStore passages;
    private final Lookups lookups;
    private final DisplayNames names;
    private final LivePassageFeed feed;
    private final RestrictedObjects restricted;
    private final org.openrfid.trace.service.location.Locations locations;
    private final org.openrfid.trace.service.privacy.Callers callers;

    DashboardController(PassageStore passages, Lookups lookups, DisplayNames names, LivePassageFeed feed, RestrictedObjects restricted,
                        org.openrfid.trace.service.location.Locations locations, org.openrfid.trace.service.privacy.Callers callers) {
        this.callers = callers;
        this.locations = locations;
        this.passages = passages;
        this.lookups = lookups;
        this.names = names;
        this.feed = feed;
        this.restricted = restricted;
    }

    @GetMapping("/")
    String dashboard(@RequestParam(required = false) String kind, @RequestParam(required = false) String location, Model model) {
        if (org.openrfid.trace.web.console.Menu.auditOnly(callers.roles())) {
            return "redirect:/audit"; // an auditor's work is the trail: the dashboard's data is not theirs
        }
        Scope scope = lookups.scope("LIVE_PASSAGES", "dashboard");
        RowFilter filter = new RowFilter(scope, kindOf(kind), places(location), restricted);
        List<PassageRow> rows = passages.latest(scope, LATEST * 4).stream().map(this::row).filter(filter::admits).limit(LATEST).toList();
        lookups.record("LIVE_PASSAGES", "dashboard", null, rows.size());
        model.addAttribute("rows", rows);
        model.addAttribute("kind", filter.kind());
        model.addAttribute("location", blankToNull(location));
        model.addAttribute("kinds", scope.unlimited() ? List.of("VEHICLE", "GOODS", "PALLET", "LIBRARY_ITEM", Scope.UNBOUND)
                : scope.visibleKinds().stream().toList());
        model.addAttribute("locations", names.locationsById().values().stream().filter(l -> l.parent() == null)
                .sorted(java.util.Comparator.comparing(org.openrfid.trace.service.location.Location::name)).toList());
        model.addAttribute("counts", feed.countsFor(scope));
        return "dashboard/index";
    }

    /** {@code event: passages} with table rows; {@code event: counters} every few seconds. */
    @GetMapping(path = "/ui/dashboard/stream", produces = "text/event-stream")
    SseEmitter stream(@RequestParam(required = false) String kind, @RequestParam(required = false) String location,
                      Locale locale, HttpServletRequest request) {
        Scope scope = lookups.scope("LIVE_PASSAGES", "dashboard");
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MS);
        var subscriber = new LivePassageFeed.Subscriber(emitter, new RowFilter(scope, kindOf(kind), places(location), restricted),
                locale, request.getContextPath(), new AtomicBoolean(true));
        try {
            emitter.send(SseEmitter.event().comment("passages"));
        } catch (IOException e) {
            emitter.completeWithError(e);
            return emitter;
        }
        feed.subscribe(subscriber);
        return emitter;
    }

    private PassageRow row(Passage p) {
        ObjectLabel label = names.ofPassage(p).orElse(null);
        String kind = label == null ? Scope.UNBOUND : label.kind().name();
        var location = names.location(p.locationId());
        return PassageRow.of(p, kind, label, names.locationName(p.locationId()), location.map(l -> l.kind()).orElse(null));
    }

    /** The location and everything under it (a checkpoint's lanes), or null for every place. */
    private java.util.Set<String> places(String location) {
        String id = blankToNull(location);
        return id == null ? null : locations.withDescendants(List.of(id));
    }

    private static String kindOf(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        return Scope.UNBOUND.equalsIgnoreCase(kind.trim()) ? Scope.UNBOUND : ObjectKind.parse(kind).name();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
