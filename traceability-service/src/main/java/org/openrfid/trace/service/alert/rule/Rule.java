package org.openrfid.trace.service.alert.rule;

import java.time.Instant;
import org.openrfid.trace.pipeline.SmoothingStage.TagArrival;
import org.openrfid.trace.service.alert.AlertSink;
import org.openrfid.trace.service.anpr.PlateRead;
import org.openrfid.trace.service.passage.EnrichedPassage;

/**
 * One configured rule at work. The rule engine calls a rule from one thread at a time (a rule may keep
 * state without locks), with every stored passage this member stores (so in a cluster each passage is
 * seen once, by the member owning its location), every plate read this member accepted, and a tick
 * about once a second. A rule must be quick: it runs on the engine's thread, never on the store's.
 */
public interface Rule {

    RuleDefinition definition();

    default void onPassage(EnrichedPassage passage, AlertSink alerts) {
    }

    /** A tag's first read at a location, before its passage completes: for rules that must be fast (watchlists). */
    default void onArrival(TagArrival arrival, AlertSink alerts) {
    }

    default void onPlateRead(PlateRead read, AlertSink alerts) {
    }

    /** About once a second, with the engine's clock. */
    default void onTick(Instant now, AlertSink alerts) {
    }
}
