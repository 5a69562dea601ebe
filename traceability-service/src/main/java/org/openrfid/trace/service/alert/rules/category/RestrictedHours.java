package org.openrfid.trace.service.alert.rules.category;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openrfid.trace.service.alert.rule.RuleParams;

/**
 * When a restriction holds: local hours {@code from} (inclusive) to {@code to} (exclusive) in a zone,
 * on some days. A window over midnight (22:00–06:00) belongs to the day it starts: with days = FRI, Saturday
 * 02:00 is inside. No hours: all day.
 */
record RestrictedHours(LocalTime from, LocalTime to, Set<DayOfWeek> days, ZoneId zone) {

    static RestrictedHours parse(RuleParams p) {
        boolean hasFrom = p.has("from");
        if (hasFrom != p.has("to")) {
            throw RuleParams.bad(hasFrom ? "to" : "from", "from and to go together (\"07:00\", \"09:00\")");
        }
        LocalTime from = hasFrom ? time("from", p.text("from", null)) : null;
        LocalTime to = hasFrom ? time("to", p.text("to", null)) : null;
        if (from != null && from.equals(to)) {
            throw RuleParams.bad("to", "the hours from " + from + " to " + to + " are empty; leave both out for all day");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : p.list("days")) {
            days.add(day(d));
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(p.text("zone", "Asia/Shanghai"));
        } catch (RuntimeException e) {
            throw RuleParams.bad("zone", "'" + p.text("zone", "") + "' is not a time zone (Asia/Shanghai)");
        }
        return new RestrictedHours(from, to, days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : days, zone);
    }

    boolean holdsAt(Instant t) {
        ZonedDateTime local = t.atZone(zone);
        if (from == null) {
            return days.contains(local.getDayOfWeek());
        }
        LocalTime time = local.toLocalTime();
        if (from.isBefore(to)) {
            return !time.isBefore(from) && time.isBefore(to) && days.contains(local.getDayOfWeek());
        }
        if (!time.isBefore(from)) {
            return days.contains(local.getDayOfWeek());
        }
        return time.isBefore(to) && days.contains(local.getDayOfWeek().minus(1));
    }

    String describe() {
        return (from == null ? "all day" : from + "–" + to) + (days.size() == 7 ? "" : " " + days) + " (" + zone + ")";
    }

    private static LocalTime time(String field, String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw RuleParams.bad(field, "'" + text + "' is not a time of day (07:00)");
        }
    }

    private static DayOfWeek day(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equals(t) || d.name().startsWith(t) && t.length() == 3) {
                return d;
            }
        }
        throw RuleParams.bad("days", "'" + text + "' is not a day of the week (" + List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN") + ")");
    }
}
