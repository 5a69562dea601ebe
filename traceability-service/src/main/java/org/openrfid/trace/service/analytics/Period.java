package org.openrfid.trace.service.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A half-open time range [from, to) of first-seen times. */
public record Period(Instant from, Instant to) {

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from: " + from + " is not before to " + to);
        }
    }

    public Duration length() {
        return Duration.between(from, to);
    }
}
