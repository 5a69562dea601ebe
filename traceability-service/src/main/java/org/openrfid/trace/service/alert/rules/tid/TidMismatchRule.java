package org.openrfid.trace.service.alert.rules.tid;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.service.alert.AlertCandidate;
import org.openrfid.trace.service.alert.AlertSink;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.rule.Rule;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.service.registry.binding.BoundObject;

/**
 * {@code CLONE_TID_MISMATCH}: the chip serial (TID) read with an EPC is not the one registered for
 * that tag (or its vehicle's e-plate), or one passage's reads carried two different TIDs: either way,
 * the EPC has been copied onto another chip. The EPC can be written by anyone; the TID cannot.
 * A passage without a TID (the reader was not asked for it) says nothing, nor does a tag whose TID
 * was never registered.
 */
final class TidMismatchRule implements Rule {

    private final RuleDefinition definition;
    private final Function<String, String> registeredTid;
    private final Function<BoundObject, String> plateOf;

    /**
     * @param registeredTid the registered TID of a tag by EPC hex, or null when none is registered
     * @param plateOf       a vehicle's plate, or null
     */
    TidMismatchRule(RuleDefinition definition, Function<String, String> registeredTid, Function<BoundObject, String> plateOf) {
        this.definition = definition;
        this.registeredTid = registeredTid;
        this.plateOf = plateOf;
    }

    @Override
    public RuleDefinition definition() {
        return definition;
    }

    @Override
    public void onPassage(EnrichedPassage ep, AlertSink alerts) {
        Passage p = ep.passage();
        if (p.tid() == null || !definition.covers(p.locationId())) {
            return;
        }
        String epc = p.epc().toHex();
        String registered = p.otherTid() == null ? registeredTid.apply(epc) : null;
        boolean twoChips = p.otherTid() != null;
        if (!twoChips && (registered == null || registered.equalsIgnoreCase(p.tid()))) {
            return;
        }
        BoundObject o = ep.object();
        String plate = o == null ? null : plateOf.apply(o);
        String who = plate != null ? plate : "EPC " + epc;
        String where = ep.location() != null ? ep.location().name() : p.locationId();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("passageId", p.id());
        evidence.put("firstSeen", p.firstSeen().toString());
        evidence.put("reader", p.readerId());
        evidence.put("tidRead", p.tid());
        if (twoChips) {
            evidence.put("otherTidRead", p.otherTid());
        } else {
            evidence.put("tidRegistered", registered);
        }
        String summary = twoChips
                ? who + " was read at " + where + " from two chips (TID " + p.tid() + " and " + p.otherTid() + "): its EPC is cloned."
                : who + " was read at " + where + " with TID " + p.tid() + ", not the registered " + registered + ": its EPC is cloned.";
        alerts.raise(new AlertCandidate(AlertType.CLONE_TID_MISMATCH, definition.id(), definition.severity(), p.firstSeen(), p.locationId(),
                o == null ? null : o.kind(), o == null ? null : o.id(), epc, plate, summary, evidence, "EPC:" + epc));
    }
}
