package org.openrfid.trace.service.alert.rules.plate;

import java.time.Duration;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.alert.rule.RuleParams;

/**
 * The parameters both plate rules share, checked (IllegalArgumentException naming {@code params.<field>}).
 *
 * @param window             a camera read and a passage at the same location are the same vehicle's when the
 *                           read's time lies within the passage's [first seen, last seen] widened by this (PT10S)
 * @param minConfidence      camera reads below it are ignored; reads whose camera gives no confidence are used (0.6)
 * @param maxEditDistance    a camera plate this many characters from the e-plate's vehicle's plate is a misread of it,
 *                           unless another registered vehicle has the camera plate (1; 0 turns tolerance off)
 * @param settle             how long after the window a read is held for passages still to be stored: a passage is
 *                           stored when its tag's presence closes, seconds after the vehicle has gone (PT30S)
 * @param readerActiveWithin PLATE_WITHOUT_TAG only: a location whose readers stored no passage within this of the
 *                           camera read is taken to have no working e-plate reader, and raises nothing (PT15M)
 * @param maxHeld            camera reads held at most; beyond it the oldest is decided early (10000)
 */
record PlateRuleParams(Duration window, double minConfidence, int maxEditDistance, Duration settle, Duration readerActiveWithin,
                       int maxHeld) {

    static final Duration DEFAULT_WINDOW = Duration.ofSeconds(10);
    static final double DEFAULT_MIN_CONFIDENCE = 0.6;

    static PlateRuleParams of(RuleDefinition definition) {
        RuleParams p = definition.p();
        return new PlateRuleParams(
                p.duration("window", DEFAULT_WINDOW, Duration.ofMillis(100), Duration.ofMinutes(5)),
                p.number("minConfidence", DEFAULT_MIN_CONFIDENCE, 0, 1),
                whole(p, "maxEditDistance", 1, 0, 3),
                p.duration("settle", Duration.ofSeconds(30), Duration.ZERO, Duration.ofMinutes(10)),
                p.duration("readerActiveWithin", Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofDays(1)),
                whole(p, "maxHeld", 10_000, 10, 1_000_000));
    }

    /** How long after a read's time it is decided. */
    Duration hold() {
        return window.plus(settle);
    }

    /** How long passages and decided reads are kept for reads still held. */
    Duration keep() {
        return window.multipliedBy(2).plus(settle).plusMinutes(1);
    }

    private static int whole(RuleParams p, String name, int dflt, int min, int max) {
        double d = p.number(name, dflt, min, max);
        if (d != Math.rint(d)) {
            throw RuleParams.bad(name, d + " is not a whole number");
        }
        return (int) d;
    }
}
