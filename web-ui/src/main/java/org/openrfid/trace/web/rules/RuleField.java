package org.openrfid.trace.web.rules;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * One parameter of a rule type as the form shows it: the {@code params} key it is stored under, what kind of
 * value it takes, and for durations the unit a person types them in (seconds for a camera window, hours for a
 * clone window), so nobody types ISO-8601.
 */
public record RuleField(String name, Kind kind, ChronoUnit unit) {

    /** How a value is typed in and stored. */
    public enum Kind {
        /** A decimal number (a speed, a factor, a distance). */
        NUMBER,
        /** A whole number typed in {@link RuleField#unit}, stored as ISO-8601 ({@code PT10M}). */
        DURATION,
        /** A local time of day, "22:00". */
        TIME,
        /** Days of the week, MON..SUN, as check boxes. */
        DAYS,
        /** Named vehicle categories as check boxes plus GA 24.4 codes typed in. */
        CATEGORIES,
        /** Names separated by commas (watchlist names). */
        NAMES,
        /** A section-speed rule's sections: rows of two places, stored as the equally long lists {@code from} and {@code to}. */
        SECTIONS
    }

    static RuleField number(String name) {
        return new RuleField(name, Kind.NUMBER, null);
    }

    static RuleField duration(String name, ChronoUnit unit) {
        return new RuleField(name, Kind.DURATION, unit);
    }

    static RuleField of(String name, Kind kind) {
        return new RuleField(name, kind, null);
    }

    /** The message key of the field's label ({@code rules.param.topSpeedKmh}). */
    public String labelKey() {
        return "rules.param." + name;
    }

    /** The message key of the unit shown after a number ({@code rules.unit.MINUTES}), or null. */
    public String unitKey() {
        return unit == null ? null : "rules.unit." + unit.name();
    }

    /** A stored duration in this field's unit, rounded down; null when it is not a whole number of units. */
    Long inUnit(Duration d) {
        long millis = unit.getDuration().toMillis();
        return d.toMillis() % millis == 0 ? d.toMillis() / millis : null;
    }
}
