package org.openrfid.trace.web.watchlists;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The "add an entry" form: the list, the object as people have it (a plate, or the EPC of any tag), the
 * reason and the validity as local date-times ({@code datetime-local}; empty start: now, empty end: until
 * ended). Problems are message keys per field; naming a registered object is checked by the controller.
 */
public record WatchlistForm(String list, String object, String reason, String from, String until) {

    static final int REASON_MAX = 500;

    public WatchlistForm {
        list = list == null ? "" : list.strip().toLowerCase(java.util.Locale.ROOT);
        object = object == null ? "" : object.strip();
        reason = reason == null ? "" : reason.strip();
        from = from == null ? "" : from.strip();
        until = until == null ? "" : until.strip();
    }

    public static WatchlistForm empty() {
        return new WatchlistForm("stolen_vehicle", "", "", "", "");
    }

    public Map<String, String> problems(ZoneId zone, Instant now) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (!list.matches("[a-z0-9_]{1,32}")) {
            problems.put("list", "watchlists.problem.list");
        }
        if (object.isEmpty()) {
            problems.put("object", "watchlists.problem.object");
        }
        if (reason.isEmpty() || reason.length() > REASON_MAX) {
            problems.put("reason", "watchlists.problem.reason");
        }
        Instant start = from.isEmpty() ? now : instant(from, zone);
        Instant end = until.isEmpty() ? null : instant(until, zone);
        if (start == null) {
            problems.put("from", "watchlists.problem.time");
        }
        if (!until.isEmpty() && end == null) {
            problems.put("until", "watchlists.problem.time");
        } else if (end != null && start != null && !end.isAfter(start)) {
            problems.put("until", "watchlists.problem.until");
        }
        return problems;
    }

    /** The start; call only without problems. */
    Instant start(ZoneId zone, Instant now) {
        return from.isEmpty() ? now : instant(from, zone);
    }

    /** The end, or null while it holds; call only without problems. */
    Instant end(ZoneId zone) {
        return until.isEmpty() ? null : instant(until, zone);
    }

    /** A {@code datetime-local} value ({@code 2026-12-06T22:00}, seconds optional) in the console's zone; null when it is none. */
    static Instant instant(String local, ZoneId zone) {
        try {
            return LocalDateTime.parse(local).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
