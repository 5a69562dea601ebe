package org.openrfid.trace.service.alert.rules.plate;

import java.time.Instant;
import org.openrfid.trace.service.alert.AlertSink;
import org.openrfid.trace.service.alert.rule.Rule;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.anpr.PlateRead;

/**
 * What both plate rules do with camera reads: keep the confident ones at covered locations until their
 * window (plus settle) has passed, since a passage is stored only once its tag has gone, and then
 * {@link #decide} each; a read pushed out early by the size bound is decided at once.
 */
abstract class HeldCameraReads implements Rule {

    protected final RuleDefinition definition;
    protected final PlateRuleParams params;
    protected final PlateRegistry registry;
    protected final Pairing pairing;

    HeldCameraReads(RuleDefinition definition, PlateRegistry registry) {
        this.definition = definition;
        this.params = PlateRuleParams.of(definition);
        this.registry = registry;
        this.pairing = new Pairing(params);
    }

    @Override
    public RuleDefinition definition() {
        return definition;
    }

    @Override
    public void onPlateRead(PlateRead read, AlertSink alerts) {
        if (definition.covers(read.locationId()) && pairing.confident(read)) {
            PlateRead early = pairing.hold(read);
            if (early != null) {
                decide(early, alerts);
            }
        }
    }

    @Override
    public void onTick(Instant now, AlertSink alerts) {
        for (PlateRead r : pairing.due(now)) {
            decide(r, alerts);
        }
    }

    Pairing pairing() {
        return pairing;
    }

    /** The read's window has passed: raise what it shows, or nothing. */
    abstract void decide(PlateRead read, AlertSink alerts);
}
