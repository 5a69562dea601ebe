package org.openrfid.trace.web.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The time zone the console shows times in: {@code rfid.ui.time-zone}, Asia/Shanghai unless set (the
 * checkpoints of a Chinese deployment are there, whatever language the person reads). Times are stored
 * and sent in UTC; only pages convert.
 */
public record ConsoleZone(ZoneId zone) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** 14:03:27 in the console's zone. */
    public String time(Instant at) {
        return at == null ? "" : TIME.withZone(zone).format(at);
    }

    /** 2026-12-03 14:03:27 in the console's zone (ISO order reads the same in both languages). */
    public String dateTime(Instant at) {
        return at == null ? "" : DATE_TIME.withZone(zone).format(at);
    }

    /** The locale's medium date and time, for prose. */
    public String medium(Instant at, Locale locale) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(zone).format(at);
    }

    /**
     * Whether this is the start of time as the registries write it: the first tag of a newly registered
     * object is bound "since ever" (the epoch) so that earlier reads resolve to it. A person is shown
     * "since registration" rather than 1970-01-01 08:00.
     */
    public boolean beginning(Instant at) {
        return Instant.EPOCH.equals(at);
    }

    /** The zone's short name for column headers: "CST" / "中国标准时间" are ambiguous, the offset is not. */
    public String label() {
        return zone.getId();
    }
}
