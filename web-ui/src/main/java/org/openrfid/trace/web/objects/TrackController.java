package org.openrfid.trace.web.objects;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openrfid.trace.service.passage.LocatedPassage;
import org.openrfid.trace.service.passage.TimeOrder;
import org.openrfid.trace.web.console.ConsoleZone;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The replay's data: an object's passages at registered places in a period, and its stops with their
 * durations in the reader's language. The same checks and audit as the object's history API
 * ({@link ObjectPassages}): a vehicle needs its purpose here too.
 */
@RestController
class TrackController {

    /** More passages than this in one period is a period too long to replay: the page asks to narrow it. */
    static final int MAX_POINTS = 5000;

    private final ObjectPassages passages;
    private final ObjectFacts facts;
    private final ConsoleZone zone;
    private final Clock clock;
    private final MessageSource messages;

    TrackController(ObjectPassages passages, ObjectFacts facts, ConsoleZone zone, Clock clock, MessageSource messages) {
        this.passages = passages;
        this.facts = facts;
        this.zone = zone;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/ui/objects/{kind}/{id}/track")
    Map<String, Object> track(@PathVariable String kind, @PathVariable String id, @RequestParam(required = false) String from,
                              @RequestParam(required = false) String to, @RequestParam(required = false) String purpose,
                              @RequestParam(required = false) String epc, @RequestParam(required = false) Integer gcp, Locale locale) {
        TracedKind k = TracedKind.parse(kind);
        ReplayPeriod period = ReplayPeriod.parse(from, to, zone.zone(), clock);
        // a tag page passes the EPC as it was written (a Digital Link does not fit in a path; a pure identity names every filter value)
        ObjectPassages.Opened o = k == TracedKind.TAG && epc != null ? passages.openTag(epc, gcp, purpose) : passages.open(k, id, purpose);
        List<LocatedPassage> found = passages.passages(o, period.from(), period.to(), null, TimeOrder.OLDEST_FIRST, MAX_POINTS + 1);
        if (found.size() > MAX_POINTS) {
            throw new IllegalArgumentException(messages.getMessage("objects.track.tooMany", new Object[] {MAX_POINTS}, locale));
        }
        Track track = Track.of(found);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", k.name());
        body.put("id", o.id());
        body.put("title", k == TracedKind.TAG ? o.id() : facts.of(k, o.id()).title());
        body.put("from", period.from().toEpochMilli());
        body.put("to", period.to().toEpochMilli());
        body.put("points", track.points().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("passageId", p.passageId());
            m.put("t", p.t());
            m.put("until", p.until());
            m.put("lat", p.lat());
            m.put("lon", p.lon());
            m.put("locationId", p.locationId());
            m.put("locationName", p.locationName());
            m.put("time", zone.time(Track.instant(p.t())));
            return m;
        }).toList());
        body.put("stops", track.stops().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("locationId", s.locationId());
            m.put("locationName", s.locationName());
            m.put("lat", s.lat());
            m.put("lon", s.lon());
            m.put("from", s.from());
            m.put("to", s.to());
            m.put("first", s.first());
            m.put("passages", s.passages());
            m.put("duration", duration(s.seconds(), locale));
            m.put("label", messages.getMessage("objects.stop.label", new Object[] {s.locationName(), duration(s.seconds(), locale),
                    zone.time(Track.instant(s.from())), zone.time(Track.instant(s.to()))}, locale));
            return m;
        }).toList());
        return body;
    }

    String duration(long seconds, Locale locale) {
        return seconds >= 3600
                ? messages.getMessage("objects.duration.hm", new Object[] {seconds / 3600, seconds % 3600 / 60}, locale)
                : messages.getMessage("objects.duration.ms", new Object[] {seconds / 60, seconds % 60}, locale);
    }
}
