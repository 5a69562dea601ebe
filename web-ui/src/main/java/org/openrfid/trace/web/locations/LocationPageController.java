package org.openrfid.trace.web.locations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.openrfid.trace.reader.ReaderStatus;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.privacy.Lookups;
import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.service.readerfleet.ReaderConnections;
import org.openrfid.trace.service.readerfleet.ReaderDefinition;
import org.openrfid.trace.web.console.ConsoleZone;
import org.openrfid.trace.web.console.DisplayNames;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A place's page: a checkpoint, gate, dock door, site or library with its parent and children (lanes, doors),
 * its position on a small map, the readers whose antennas are there and their connection state, its latest
 * passages and a chart of the last day's passages per hour by kind and direction. Passages are the ones the
 * user's scope sees; both views are audited. An unknown id is the 404 page.
 */
@Controller
class LocationPageController {

    static final int LATEST = 30;
    static final Duration RECENT = Duration.ofHours(24);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private final Locations locations;
    private final DisplayNames names;
    private final LocationPassages passages;
    private final ReaderConnections readers;
    private final Lookups lookups;
    private final ConsoleZone zone;
    private final MessageSource messages;
    private final Clock clock;

    LocationPageController(Locations locations, DisplayNames names, LocationPassages passages, ReaderConnections readers, Lookups lookups,
                           ConsoleZone zone, MessageSource messages, Clock clock) {
        this.locations = locations;
        this.names = names;
        this.passages = passages;
        this.readers = readers;
        this.lookups = lookups;
        this.zone = zone;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/locations/{id}")
    String page(@PathVariable String id, Model model) {
        Location location = find(id);
        String subject = "location:" + id;
        Scope scope = lookups.scope("LOCATION_VIEWED", subject);
        List<Location> all = locations.all();
        Set<String> places = passages.places(id);
        List<PassageItem> latest = passages.latest(id, scope, clock.instant(), RECENT, LATEST);
        lookups.record("LOCATION_VIEWED", subject, null, latest.size());

        model.addAttribute("location", location);
        model.addAttribute("parent", location.parent() == null ? null : locations.find(location.parent()).orElse(null));
        model.addAttribute("children", all.stream().filter(l -> id.equals(l.parent())).sorted(Comparator.comparing(Location::id)).toList());
        model.addAttribute("readers", readerRows(places));
        model.addAttribute("passages", latest);
        return "locations/show";
    }

    /** The chart's data: an hour label and a count per series (kind and direction, labelled in the user's language). */
    @GetMapping(path = "/ui/locations/{id}/chart", produces = "application/json")
    @ResponseBody
    ResponseEntity<Map<String, Object>> chart(@PathVariable String id, Locale locale) {
        find(id);
        String subject = "location:" + id;
        Scope scope = lookups.scope("LOCATION_FLOWS", subject);
        LocationPassages.Hourly hourly = passages.hourly(id, scope, clock.instant(), zone.zone());
        lookups.record("LOCATION_FLOWS", subject, null, hourly.total());

        List<Map<String, Object>> series = new ArrayList<>();
        hourly.series().forEach((kind, byDirection) -> byDirection.forEach((direction, counts) -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("kind", kind);
            s.put("direction", direction);
            String kindText = message("kind." + kind, kind, locale);
            String directionText = message("direction." + direction, "", locale);
            s.put("label", directionText.isBlank() ? kindText : kindText + " · " + directionText);
            s.put("data", counts);
            series.add(s);
        }));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("hours", hourly.hours());
        body.put("labels", hourly.hours().stream().map(h -> HOUR.withZone(zone.zone()).format(h)).toList());
        body.put("series", series);
        body.put("total", hourly.total());
        body.put("truncated", hourly.truncated());
        body.put("zone", zone.label());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    private Location find(String id) {
        return locations.find(id).orElseThrow(() -> new NoSuchElementException("location " + id + " is not registered"));
    }

    /** Readers with an antenna at one of the places, by id; the state as this member knows it. */
    private List<ReaderRow> readerRows(Set<String> places) {
        Set<String> heldHere = readers.heldHere();
        List<ReaderRow> rows = new ArrayList<>();
        for (ReaderDefinition d : readers.all()) {
            List<ReaderRow.AntennaRow> antennas = d.antennas().stream().filter(a -> places.contains(a.location()))
                    .map(a -> new ReaderRow.AntennaRow(a.antenna(), a.location(), names.locationName(a.location()),
                            a.direction() == null || a.direction().isBlank() ? "NONE" : a.direction().trim().toUpperCase(Locale.ROOT), a.lane()))
                    .toList();
            if (antennas.isEmpty()) {
                continue;
            }
            Optional<ReaderStatus> status = readers.status(d.id());
            String heldBy = readers.heldBy(d.id()).orElse(null);
            boolean here = heldHere.contains(d.id());
            if (status.isPresent()) {
                ReaderStatus s = status.get();
                rows.add(new ReaderRow(d.id(), d.host(), d.port(), s.state().name(), s.since(), s.lastKeepalive(),
                        Math.round(s.readsPerSecond() * 10) / 10.0, s.lastError(), heldBy, here, antennas));
            } else {
                // Held elsewhere: that member knows the state. Held by nobody, or here before the session registered: connecting.
                String state = heldBy != null && !here ? null : "CONNECTING";
                rows.add(new ReaderRow(d.id(), d.host(), d.port(), state, null, null, 0, null, heldBy, here, antennas));
            }
        }
        rows.sort(Comparator.comparing(ReaderRow::id));
        return rows;
    }

    private String message(String code, String fallback, Locale locale) {
        return messages.getMessage(code, null, fallback, locale);
    }
}
