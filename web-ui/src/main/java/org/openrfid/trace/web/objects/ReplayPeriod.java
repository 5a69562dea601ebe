package org.openrfid.trace.web.objects;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The period a map shows: {@code from}/{@code to} as the page's datetime-local inputs give them (in the
 * console's zone) or as ISO instants; the last hour when not given.
 */
record ReplayPeriod(Instant from, Instant to) {

    static final Duration DEFAULT = Duration.ofHours(1);
    static final Duration LONGEST = Duration.ofDays(31);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    ReplayPeriod {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from: " + from + " is not before to " + to);
        }
        if (Duration.between(from, to).compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("to: the period is longer than " + LONGEST.toDays() + " days");
        }
    }

    static ReplayPeriod parse(String from, String to, ZoneId zone, Clock clock) {
        Instant end = blank(to) ? clock.instant().plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES) : instant(to, zone);
        Instant start = blank(from) ? end.minus(DEFAULT) : instant(from, zone);
        return new ReplayPeriod(start, end);
    }

    /** The value of a datetime-local input in the zone. */
    static String input(Instant at, ZoneId zone) {
        return INPUT.withZone(zone).format(at);
    }

    private static Instant instant(String text, ZoneId zone) {
        String t = text.trim();
        try {
            return t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$") ? Instant.parse(t) : LocalDateTime.parse(t).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("from: '" + (t.length() > 30 ? t.substring(0, 30) : t) + "' is not a date and time");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
