package org.openrfid.trace.service.alert.rules.customs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openrfid.trace.service.alert.AlertSink;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.rule.Rule;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.alert.rules.Evidence;
import org.openrfid.trace.service.alert.rules.GateDirections;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.watchlist.WatchlistEntry;

/**
 * CUSTOMS_HOLD_EXIT: goods or a pallet (or a tag) under customs hold leaves through a port gate. The
 * hold is an active entry on the {@code customs_hold} watchlist for the object or its EPC, looked up in
 * memory ({@link CustomsHolds}), at the passage's time. The registry keeps consignments only as a name on goods, with no
 * customs status, so a held consignment is put on hold by listing its goods or pallets.
 */
final class CustomsHoldExitRule implements Rule {

    static final String GATE_KIND = "port_gate";

    private final RuleDefinition definition;
    private final CustomsHolds holds;
    private final GateDirections directions;

    private final CustomsHoldExitRuleFactory.PalletOf palletOf;

    CustomsHoldExitRule(RuleDefinition definition, CustomsHolds holds, GateDirections directions, CustomsHoldExitRuleFactory.PalletOf palletOf) {
        this.palletOf = palletOf;
        this.definition = definition;
        this.holds = holds;
        this.directions = directions;
    }

    @Override
    public RuleDefinition definition() {
        return definition;
    }

    @Override
    public void onPassage(EnrichedPassage passage, AlertSink alerts) {
        if (passage.location() == null || !GATE_KIND.equals(passage.location().kind()) || !definition.covers(passage.passage().locationId())) {
            return;
        }
        ObjectKind kind = passage.object() == null ? null : passage.object().kind();
        if (kind == ObjectKind.VEHICLE || kind == ObjectKind.LIBRARY_ITEM) {
            return;
        }
        String objectId = passage.object() == null ? null : passage.object().id();
        String epc = passage.passage().epc().toHex();
        WatchlistEntry hold = holds.holdOf(kind, objectId, epc, passage.passage().firstSeen());
        if (hold == null || !directions.outward(passage.passage())) {
            return;
        }
        if (kind == ObjectKind.GOODS) {
            // A case inside a held pallet leaves with it: the pallet's own passage raises the alert, once,
            // rather than one alert per case (an officer stops a truck, not 17 cartons).
            String pallet = palletOf.palletOf(objectId, passage.passage().firstSeen());
            if (pallet != null && holds.holdOf(ObjectKind.PALLET, pallet, null, passage.passage().firstSeen()) != null) {
                return;
            }
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("passage", Evidence.passage(passage));
        {
            evidence.put("holdEntry", hold.id());
            evidence.put("reason", hold.reason());
            evidence.put("since", hold.validFrom().toString());
            if (hold.subject() != null) {
                evidence.put("subject", hold.subject());
            }
        }
        String what = kind == ObjectKind.PALLET ? "Pallet " + objectId : kind == ObjectKind.GOODS ? "Goods item " + objectId : "Tag " + epc;
        String summary = what + (hold.subject() != null ? " (" + hold.subject() + ")" : "") + ", under customs hold"
                + " (" + hold.reason() + ")" + ", left through " + Evidence.place(passage) + ".";
        alerts.raise(Evidence.about(definition, AlertType.CUSTOMS_HOLD_EXIT, passage, null, summary, evidence, Evidence.subject(passage)));
    }
}
