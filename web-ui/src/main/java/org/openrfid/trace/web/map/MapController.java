package org.openrfid.trace.web.map;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.privacy.Lookups;
import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.web.console.ConsoleZone;
import org.openrfid.trace.web.locations.LocationPassages;
import org.openrfid.trace.web.locations.PassageItem;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live map: every location on the base layer, each top-level place coloured by its passages in the last few
 * minutes ({@code /ui/map/stream} pushes the counts, scoped to what the user sees), its latest passages on a click
 * ({@code /ui/map/locations/{id}/recent}), and open alerts flashing where they were raised (the page reads them from
 * the alerts API and its stream). Opening the map is audited once ({@code LIVE_MAP}), each click's passages too.
 */
@Controller
class MapController {

    /** A map is meant to stay open on a wall for a shift; the browser reconnects after this anyway. */
    private static final long STREAM_TIMEOUT_MS = 30 * 60_000L;
    static final int RECENT = 15;
    /** Where the colours change: at least this many passages in the window for levels 1, 2 and 3 (the legend says so). */
    static final List<Integer> LEVELS = List.of(1, 5, 20);
    static final Duration RECENT_WITHIN = Duration.ofHours(24);

    private final Lookups lookups;
    private final MapFeed feed;
    private final MapActivity activity;
    private final LocationPassages passages;
    private final Locations locations;
    private final ConsoleZone zone;
    private final MessageSource messages;
    private final Clock clock;

    MapController(Lookups lookups, MapFeed feed, MapActivity activity, LocationPassages passages, Locations locations, ConsoleZone zone,
                  MessageSource messages, Clock clock) {
        this.lookups = lookups;
        this.feed = feed;
        this.activity = activity;
        this.passages = passages;
        this.locations = locations;
        this.zone = zone;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/map")
    String map(Model model, Locale locale) {
        Scope scope = lookups.scope("LIVE_MAP", "map");
        lookups.record("LIVE_MAP", "map", null, 0);
        List<String> kinds = scope.unlimited() ? List.of("VEHICLE", "GOODS", "PALLET", "LIBRARY_ITEM", Scope.UNBOUND)
                : List.copyOf(scope.visibleKinds());
        model.addAttribute("windowMinutes", activity.window().toMinutes());
        model.addAttribute("levels", LEVELS);
        model.addAttribute("kindNames", kinds.stream().map(k -> messages.getMessage("kind." + k, null, k, locale)).toList());
        // every kind, not only the user's: labels for the markers' tooltips (VEHICLE:Vehicle|GOODS:Goods|…)
        model.addAttribute("kindLabels", String.join("|", List.of("VEHICLE", "GOODS", "PALLET", "LIBRARY_ITEM", Scope.UNBOUND).stream()
                .map(k -> k + ":" + messages.getMessage("kind." + k, null, k, locale)).toList()));
        return "map/index";
    }

    /** {@code event: counts} every few seconds, the first at once. */
    @GetMapping(path = "/ui/map/stream", produces = "text/event-stream")
    SseEmitter stream() {
        Scope scope = lookups.scope("LIVE_MAP", "map");
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MS);
        try {
            emitter.send(SseEmitter.event().comment("map"));
        } catch (IOException e) {
            emitter.completeWithError(e);
            return emitter;
        }
        feed.subscribe(emitter, scope);
        return emitter;
    }

    /** The place's latest passages (its lanes' too) that the user sees, ready to show: labels, times and words in their language. */
    @GetMapping(path = "/ui/map/locations/{id}/recent", produces = "application/json")
    @ResponseBody
    ResponseEntity<Map<String, Object>> recent(@PathVariable String id, Locale locale) {
        Location location = locations.find(id).orElseThrow(() -> new NoSuchElementException("location " + id + " is not registered"));
        String subject = "location:" + id;
        Scope scope = lookups.scope("LOCATION_PASSAGES", subject);
        List<PassageItem> items = passages.latest(id, scope, clock.instant(), RECENT_WITHIN, RECENT);
        lookups.record("LOCATION_PASSAGES", subject, null, items.size());

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", location.id());
        body.put("name", location.name());
        body.put("kind", location.kind());
        body.put("kindLabel", messages.getMessage("location.kind." + location.kind(), null, location.kind(), locale));
        body.put("href", "/locations/" + location.id());
        body.put("zone", zone.label());
        body.put("passages", items.stream().map(p -> row(p, locale)).toList());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    private Map<String, Object> row(PassageItem p, Locale locale) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", p.id());
        r.put("kind", p.kind());
        r.put("kindLabel", messages.getMessage("kind." + p.kind(), null, p.kind(), locale));
        if (p.label() != null) {
            r.put("title", p.label().title());
            r.put("detail", detail(p, locale));
            r.put("href", p.label().href());
        } else {
            r.put("title", p.tag());
            r.put("detail", "");
            r.put("href", "/tags/" + p.epcHex());
        }
        r.put("direction", p.direction());
        r.put("directionLabel", messages.getMessage("direction." + p.direction(), null, "", locale));
        r.put("place", p.locationName());
        r.put("lane", p.lane());
        r.put("at", p.at());
        r.put("time", zone.time(p.at()));
        return r;
    }

    private String detail(PassageItem p, Locale locale) {
        String type = p.label().typeKey() == null ? null
                : messages.getMessage(p.label().typeKey(), null, p.label().typeKey().substring(p.label().typeKey().indexOf('.') + 1), locale);
        String detail = p.label().detail() == null ? "" : p.label().detail();
        return type == null ? detail : detail.isBlank() ? type : type + " " + detail;
    }
}
