package org.openrfid.trace.web.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openrfid.trace.service.alert.Alert;
import org.openrfid.trace.web.console.ConsoleZone;
import org.openrfid.trace.web.console.DisplayNames;
import org.springframework.context.MessageSource;

/**
 * An alert's evidence drawn for a person: the places to put on the map (two passages of an impossible
 * trip, a section's ends, else the alert's place), the few facts of its type that decide what to do,
 * a side-by-side comparison where the rule compared two things (registered and read TID, camera plate
 * and e-plate), and every other value as a labelled table. The evidence maps are the rules' own
 * ({@code service.alert.rules.*}), read by their keys.
 */
public final class EvidenceView {

    /** A place on the map: where and when. */
    public record Place(String locationId, String name, String time) {
    }

    /** Two values the rule compared; {@code rightKey} is a message key when there was nothing to read. */
    public record Comparison(String titleKey, String leftLabelKey, String left, String rightLabelKey, String right, String rightKey) {
    }

    /** One line of the full evidence table: its label in the reader's language, its value. */
    public record Row(String label, String value) {
    }

    private final Alert alert;
    private final ConsoleZone zone;
    private final DisplayNames names;
    private final MessageSource messages;
    private final Locale locale;

    EvidenceView(Alert alert, ConsoleZone zone, DisplayNames names, MessageSource messages, Locale locale) {
        this.alert = alert;
        this.zone = zone;
        this.names = names;
        this.messages = messages;
        this.locale = locale;
    }

    public Map<String, Object> evidence() {
        return alert.evidence();
    }

    /** The route's ends for travel and speed alerts; the alert's place otherwise (none when it has none). */
    public List<Place> places() {
        List<Place> places = new ArrayList<>();
        switch (alert.type()) {
            case CLONE_IMPOSSIBLE_TRAVEL -> {
                place(map("first")).ifPresent(places::add);
                place(map("second")).ifPresent(places::add);
            }
            case SECTION_SPEED -> {
                place(map("from")).ifPresent(places::add);
                place(map("to")).ifPresent(places::add);
            }
            default -> {
            }
        }
        if (places.isEmpty() && alert.locationId() != null) {
            places.add(new Place(alert.locationId(), names.locationName(alert.locationId()), zone.dateTime(alert.raisedAt())));
        }
        return places;
    }

    /** Whether the map shows a route (a line between two passages) rather than one place. */
    public boolean route() {
        return places().size() == 2;
    }

    /**
     * The route in one line under the map and on its line, in the reader's language: "4.2 km in 30 s:
     * 504 km/h, beyond 180 km/h"; null when the alert has no route.
     */
    public String routeText() {
        Map<String, Object> e = alert.evidence();
        String key = switch (alert.type()) {
            case CLONE_IMPOSSIBLE_TRAVEL -> "alerts.map.travel";
            case SECTION_SPEED -> "alerts.map.section";
            default -> null;
        };
        if (key == null || !(e.get("distanceM") instanceof Number metres) || !(e.get("seconds") instanceof Number seconds)) {
            return null;
        }
        Object speed = alert.type() == org.openrfid.trace.service.alert.AlertType.SECTION_SPEED ? e.get("averageKmh") : e.get("impliedSpeedKmh");
        Object limit = alert.type() == org.openrfid.trace.service.alert.AlertType.SECTION_SPEED ? e.get("limitKmh") : e.get("topSpeedKmh");
        return messages.getMessage(key, new Object[] {
                message("alerts.unit.km", metres.doubleValue() / 1000), message("alerts.unit.s", seconds.doubleValue()),
                speed instanceof Number n ? message("alerts.unit.kmh", n.doubleValue()) : "?",
                limit instanceof Number n ? message("alerts.unit.kmh", n.doubleValue()) : "?"}, locale);
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    public List<Fact> facts() {
        List<Fact> facts = switch (alert.type()) {
            case CLONE_IMPOSSIBLE_TRAVEL -> List.of(
                    Fact.text("alerts.ev.first", sighting(map("first"))),
                    Fact.text("alerts.ev.second", sighting(map("second"))),
                    km("alerts.ev.distance", alert.evidence().get("distanceM")),
                    seconds("alerts.ev.elapsed", alert.evidence().get("seconds")),
                    kmh("alerts.ev.impliedSpeed", alert.evidence().get("impliedSpeedKmh")),
                    kmh("alerts.ev.topSpeed", alert.evidence().get("topSpeedKmh")));
            case SECTION_SPEED -> List.of(
                    Fact.text("alerts.ev.from", sighting(map("from"))),
                    Fact.text("alerts.ev.to", sighting(map("to"))),
                    km("alerts.ev.distance", alert.evidence().get("distanceM")),
                    seconds("alerts.ev.elapsed", alert.evidence().get("seconds")),
                    kmh("alerts.ev.averageSpeed", alert.evidence().get("averageKmh")),
                    kmh("alerts.ev.limit", alert.evidence().get("limitKmh")));
            case WATCHLIST -> watchlist();
            case CLONE_TID_MISMATCH -> List.of(
                    Fact.text("alerts.ev.seenAt", time(alert.evidence().get("firstSeen"))),
                    Fact.text("alerts.ev.reader", alert.evidence().get("reader")));
            case PLATE_MISMATCH -> List.of(
                    Fact.text("alerts.ev.camera", map("cameraRead").get("camera")),
                    Fact.text("alerts.ev.cameraTime", time(map("cameraRead").get("time"))),
                    Fact.text("alerts.ev.confidence", percent(map("cameraRead").get("confidence"))),
                    Fact.text("alerts.ev.editDistance", alert.evidence().get("editDistance")),
                    Fact.message("alerts.ev.cameraPlateRegistered",
                            alert.evidence().get("cameraPlateRegisteredTo") != null ? "alerts.yes" : "alerts.no"));
            case PLATE_WITHOUT_TAG -> List.of(
                    Fact.text("alerts.ev.camera", map("cameraRead").get("camera")),
                    Fact.text("alerts.ev.cameraTime", time(map("cameraRead").get("time"))),
                    Fact.text("alerts.ev.confidence", percent(map("cameraRead").get("confidence"))),
                    Fact.text("alerts.ev.window", span(alert.evidence().get("window"))),
                    Fact.text("alerts.ev.readerLastSeen", time(alert.evidence().get("readerLastSeen"))),
                    Fact.text("alerts.ev.otherTags", list("passages").size()));
            case CATEGORY_RESTRICTION -> List.of(
                    Fact.text("alerts.ev.passedAt", sighting(map("passage"))),
                    Fact.text("alerts.ev.vehicleType", alert.evidence().get("vehicleType")),
                    Fact.text("alerts.ev.restrictedTypes", join(alert.evidence().get("restrictedTypes"))),
                    Fact.text("alerts.ev.hours", alert.evidence().get("hours")));
            case LIBRARY_UNCHECKED_EXIT -> List.of(
                    Fact.text("alerts.ev.title", alert.evidence().get("title")),
                    Fact.text("alerts.ev.itemId", alert.evidence().get("itemId")),
                    Fact.message("alerts.ev.loanStatus", "alerts.loan." + alert.evidence().get("loanStatus")),
                    Fact.text("alerts.ev.passedAt", sighting(map("passage"))));
            case CUSTOMS_HOLD_EXIT -> List.of(
                    Fact.text("alerts.ev.subject", alert.evidence().get("subject")),
                    Fact.text("alerts.ev.reason", alert.evidence().get("reason")),
                    Fact.text("alerts.ev.holdSince", time(alert.evidence().get("since"))),
                    Fact.text("alerts.ev.passedAt", sighting(map("passage"))));
            case READER_DOWN -> List.of(
                    Fact.text("alerts.ev.reader", alert.evidence().get("readerId")),
                    Fact.text("alerts.ev.state", alert.evidence().get("state")),
                    Fact.text("alerts.ev.downSince", time(alert.evidence().get("since"))),
                    Fact.text("alerts.ev.lastKeepalive", time(alert.evidence().get("lastKeepalive"))),
                    Fact.text("alerts.ev.lastError", alert.evidence().get("lastError")),
                    Fact.message("alerts.ev.flapping", Boolean.TRUE.equals(alert.evidence().get("flapping")) ? "alerts.yes" : "alerts.no"));
            case ANTENNA_SILENT -> List.of(
                    Fact.text("alerts.ev.reader", alert.evidence().get("readerId")),
                    Fact.text("alerts.ev.antenna", alert.evidence().get("antenna")),
                    Fact.text("alerts.ev.lastRead", time(alert.evidence().get("lastRead"))),
                    seconds("alerts.ev.quiet", alert.evidence().get("quietSeconds")),
                    seconds("alerts.ev.usualQuiet", alert.evidence().get("usualQuietSeconds")));
        };
        return facts.stream().filter(Fact::present).toList();
    }

    private List<Fact> watchlist() {
        List<Fact> facts = new ArrayList<>();
        for (Map<String, Object> entry : list("entries")) {
            facts.add(Fact.message("alerts.ev.list", "alerts.list", entry.get("list"), entry.get("reason")));
            if (entry.get("subject") != null) {
                facts.add(Fact.text("alerts.ev.subject", entry.get("subject")));
            }
            facts.add(Fact.text("alerts.ev.listedSince", time(entry.get("since"))));
        }
        Map<String, Object> seen = map("seen");
        facts.add(Fact.text("alerts.ev.seenAt", time(seen.get("firstSeen"))));
        facts.add(Fact.text("alerts.ev.reader", seen.get("reader")));
        if (seen.get("direction") != null) {
            facts.add(Fact.message("alerts.ev.direction", "direction." + seen.get("direction")));
        }
        return facts;
    }

    /** Registered vs read TID, camera plate vs e-plate; empty for other types. */
    public Optional<Comparison> comparison() {
        Map<String, Object> e = alert.evidence();
        return switch (alert.type()) {
            case CLONE_TID_MISMATCH -> Optional.of(e.get("otherTidRead") != null
                    ? new Comparison("alerts.cmp.tid", "alerts.cmp.tidRead", str(e.get("tidRead")), "alerts.cmp.otherTidRead",
                            str(e.get("otherTidRead")), null)
                    : new Comparison("alerts.cmp.tid", "alerts.cmp.tidRegistered", str(e.get("tidRegistered")), "alerts.cmp.tidRead",
                            str(e.get("tidRead")), null));
            case PLATE_MISMATCH -> {
                List<Map<String, Object>> passages = list("passages");
                String ePlate = passages.isEmpty() ? alert.plate() : str(passages.get(0).get("boundPlate"));
                yield Optional.of(new Comparison("alerts.cmp.plate", "alerts.cmp.cameraPlate", str(map("cameraRead").get("plate")),
                        "alerts.cmp.ePlate", ePlate, null));
            }
            case PLATE_WITHOUT_TAG -> Optional.of(new Comparison("alerts.cmp.plate", "alerts.cmp.cameraPlate",
                    str(map("cameraRead").get("plate")), "alerts.cmp.ePlate", null, "alerts.cmp.notRead"));
            default -> Optional.empty();
        };
    }

    /** Every value of the evidence, nested keys flattened ("first · location"), times in the console's zone. */
    public List<Row> all() {
        List<Row> rows = new ArrayList<>();
        flatten("", alert.evidence(), rows);
        return rows;
    }

    @SuppressWarnings("unchecked")
    private void flatten(String prefix, Map<String, Object> map, List<Row> rows) {
        for (Map.Entry<String, Object> e : map.entrySet()) {
            // a key the bundle does not name yet (a new rule's) still shows, as the rule wrote it
            String key = messages.getMessage("alerts.key." + e.getKey(), null, e.getKey(), locale);
            String label = prefix.isEmpty() ? key : prefix + " · " + key;
            Object v = e.getValue();
            if (v instanceof Map<?, ?> m) {
                flatten(label, (Map<String, Object>) m, rows);
            } else if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map) {
                for (int i = 0; i < l.size(); i++) {
                    flatten(label + " " + (i + 1), (Map<String, Object>) l.get(i), rows);
                }
            } else {
                rows.add(new Row(label, v instanceof List<?> l ? join(l) : v instanceof Boolean b
                        ? messages.getMessage(b ? "alerts.yes" : "alerts.no", null, locale) : time(v)));
            }
        }
    }

    private Optional<Place> place(Map<String, Object> sighting) {
        Object id = sighting.get("locationId");
        if (id == null) {
            return Optional.empty();
        }
        Object name = sighting.get("location");
        return Optional.of(new Place(id.toString(), name != null ? name.toString() : names.locationName(id.toString()),
                time(sighting.get("firstSeen"))));
    }

    /** "Jiefangbei, 2026-12-03 14:03:27 – 14:03:29". */
    private String sighting(Map<String, Object> s) {
        if (s.isEmpty()) {
            return null;
        }
        Object id = s.get("locationId");
        String name = s.get("location") != null ? s.get("location").toString() : id == null ? "" : names.locationName(id.toString());
        String first = time(s.get("firstSeen"));
        String last = s.get("lastSeen") == null ? "" : zone.time(instant(s.get("lastSeen")));
        return name + ", " + first + (last.isEmpty() || first.endsWith(last) ? "" : " – " + last);
    }

    private static Fact km(String label, Object metres) {
        return metres instanceof Number n ? Fact.message(label, "alerts.unit.km", n.doubleValue() / 1000) : Fact.text(label, null);
    }

    private static Fact kmh(String label, Object kmh) {
        return kmh instanceof Number n ? Fact.message(label, "alerts.unit.kmh", n.doubleValue()) : Fact.text(label, null);
    }

    private static Fact seconds(String label, Object seconds) {
        return seconds instanceof Number n ? Fact.message(label, "alerts.unit.s", n.doubleValue()) : Fact.text(label, null);
    }

    private static String percent(Object confidence) {
        return confidence instanceof Number n ? Math.round(n.doubleValue() * 100) + " %" : null;
    }

    private static String span(Object isoDuration) {
        try {
            return isoDuration == null ? null : Duration.parse(isoDuration.toString()).toSeconds() + " s";
        } catch (DateTimeParseException e) {
            return isoDuration.toString();
        }
    }

    /** An ISO instant in the console's zone; any other value as it is. */
    private String time(Object value) {
        Instant at = instant(value);
        return at != null ? zone.dateTime(at) : value == null ? null : value.toString();
    }

    private static Instant instant(Object value) {
        if (value instanceof String s && s.length() >= 20 && s.charAt(4) == '-' && s.charAt(10) == 'T') {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    private static String join(Object list) {
        return list instanceof List<?> l ? String.join(", ", l.stream().map(String::valueOf).toList()) : str(list);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(String key) {
        return alert.evidence().get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(String key) {
        return alert.evidence().get(key) instanceof List<?> l
                ? l.stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).toList() : List.of();
    }
}
