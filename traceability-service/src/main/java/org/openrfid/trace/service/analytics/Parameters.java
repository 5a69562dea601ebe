package org.openrfid.trace.service.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.openrfid.trace.service.registry.binding.ObjectKind;

/** Checks of analytics request parameters; each failure names the parameter (400 problem detail). */
final class Parameters {

    private Parameters() {
    }

    static Period period(Instant from, Instant to, Duration maxSpan) {
        Period period = new Period(from, to);
        if (period.length().compareTo(maxSpan) > 0) {
            throw new IllegalArgumentException("to: [" + from + ", " + to + ") spans more than " + maxSpan
                    + " (rfid.analytics.max-span): narrow the time range");
        }
        return period;
    }

    /** An ISO-8601 duration (PT15M, PT1H, P1D) in (0, max]. */
    static Duration duration(String name, String text, Duration max) {
        Duration d;
        try {
            d = Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": '" + shorten(text) + "' is not an ISO-8601 duration such as PT15M, PT1H or P1D");
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + ": " + d + " is not positive");
        }
        if (max != null && d.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + ": " + d + " is longer than " + max);
        }
        return d;
    }

    static int between(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + ": " + value + " is outside " + min + ".." + max);
        }
        return value;
    }

    /** How many [start, start + step) intervals cover the period. */
    static long intervals(Period period, Duration step) {
        Duration span = period.length();
        long whole = span.dividedBy(step);
        return span.equals(step.multipliedBy(whole)) ? whole : whole + 1;
    }

    /** An object kind or {@code TAG} for unbound tags; null when not given. */
    static String kind(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.trim().equalsIgnoreCase(Analytics.TAG)) {
            return Analytics.TAG;
        }
        try {
            return ObjectKind.parse(text).name();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind: '" + shorten(text) + "' is not one of VEHICLE, GOODS, PALLET, LIBRARY_ITEM, TAG");
        }
    }

    static String place(String name, String id) {
        try {
            return org.openrfid.trace.service.location.LocationFields.id(id == null ? null : id.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
    }

    static boolean byVehicleType(String by) {
        return switch (by.trim().toLowerCase(Locale.ROOT)) {
            case "kind" -> false;
            case "vehicletype", "vehicle-type", "vehicle_type" -> true;
            default -> throw new IllegalArgumentException("by: '" + shorten(by) + "' is not kind or vehicleType");
        };
    }

    static String shorten(String text) {
        return text == null ? "" : text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
