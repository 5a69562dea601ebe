package org.openrfid.trace.web.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openrfid.trace.service.analytics.Period;

/**
 * The time range a chart covers: the last hour, 6 hours, day or week up to now, its end moved on to the end of
 * the current interval so that bars start on whole quarters, hours or (in the console's zone) days.
 */
final class ChartPeriod {

    static final Set<String> SPANS = Set.of("PT1H", "PT6H", "PT24H", "P7D");
    static final Set<String> INTERVALS = Set.of("PT15M", "PT1H", "P1D");

    private ChartPeriod() {
    }

    static Duration span(String text) {
        if (text == null || !SPANS.contains(text)) {
            throw new IllegalArgumentException("period: choose one of the periods offered");
        }
        return Duration.parse(text);
    }

    static Duration interval(String text) {
        if (text == null || !INTERVALS.contains(text)) {
            throw new IllegalArgumentException("interval: choose one of the intervals offered");
        }
        return Duration.parse(text);
    }

    /** [end - span, end) where end is the first interval boundary at or after now (days begin at midnight in the zone). */
    static Period aligned(Instant now, Duration span, Duration interval, ZoneId zone) {
        ZonedDateTime t = now.atZone(zone);
        ZonedDateTime start = interval.toDays() >= 1 ? t.truncatedTo(ChronoUnit.DAYS)
                : t.truncatedTo(ChronoUnit.HOURS).plus(interval.multipliedBy(
                        Duration.between(t.truncatedTo(ChronoUnit.HOURS), t).dividedBy(interval)));
        // on a boundary already (a download of what a page showed, a question about whole intervals): it ends there
        Instant end = start.toInstant().equals(now) ? now : start.plus(interval).toInstant();
        Duration length = span.compareTo(interval) < 0 ? interval : span;
        return new Period(end.minus(length), end);
    }

    /** The last {@code span} up to now, for questions without intervals. */
    static Period upToNow(Instant now, Duration span) {
        Instant end = now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        return new Period(end.minus(span), end);
    }

    /** Exactly [end - span, end): the period a page showed, asked again by its download. */
    static Period ending(Instant end, Duration span) {
        return new Period(end.minus(span), end);
    }

    /** The start of every interval of the period. */
    static List<Instant> starts(Period period, Duration interval) {
        List<Instant> out = new ArrayList<>();
        for (Instant i = period.from(); i.isBefore(period.to()); i = i.plus(interval)) {
            out.add(i);
        }
        return out;
    }
}
