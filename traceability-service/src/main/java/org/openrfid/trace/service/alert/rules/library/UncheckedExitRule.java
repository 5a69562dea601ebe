package org.openrfid.trace.service.alert.rules.library;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openrfid.trace.service.alert.AlertSink;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.rule.Rule;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.alert.rules.Evidence;
import org.openrfid.trace.service.alert.rules.GateDirections;
import org.openrfid.trace.service.library.GateCirculation;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.library.LibraryItem;
import org.openrfid.trace.service.registry.library.LibraryItems;

/**
 * LIBRARY_UNCHECKED_EXIT: a library item that is not on loan leaves through a library gate (the
 * security-gate alarm). The loan status is read from the registry at the gate, not cached: an item is
 * typically checked out seconds before it passes, and gate passages are few. With SIP2 configured the
 * library system's circulation status decides instead ({@link GateCirculation}).
 */
final class UncheckedExitRule implements Rule {

    static final String GATE_KIND = "library_gate";

    private final RuleDefinition definition;
    private final LibraryItems items;
    private final GateDirections directions;
    private final GateCirculation circulation;

    UncheckedExitRule(RuleDefinition definition, LibraryItems items, GateDirections directions, GateCirculation circulation) {
        this.definition = definition;
        this.circulation = circulation;
        this.items = items;
        this.directions = directions;
    }

    @Override
    public RuleDefinition definition() {
        return definition;
    }

    @Override
    public void onPassage(EnrichedPassage passage, AlertSink alerts) {
        if (passage.location() == null || !GATE_KIND.equals(passage.location().kind()) || passage.object() == null
                || passage.object().kind() != ObjectKind.LIBRARY_ITEM || !definition.covers(passage.passage().locationId())
                || !directions.outward(passage.passage())) {
            return;
        }
        Optional<LibraryItem> item = items.find(passage.object().id());
        if (item.isEmpty()) {
            return;
        }
        String status = circulation.loanStatus(item.get());
        if ("on_loan".equals(status)) {
            return;
        }
        LibraryItem i = item.get().withLoan(status, null);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("passage", Evidence.passage(passage));
        evidence.put("itemId", i.itemId());
        evidence.put("title", i.title());
        evidence.put("loanStatus", i.loanStatus());
        String summary = "'" + i.title() + "' (item " + i.itemId() + ", " + i.loanStatus().replace('_', ' ') + ") left through "
                + Evidence.place(passage) + " without being checked out.";
        alerts.raise(Evidence.about(definition, AlertType.LIBRARY_UNCHECKED_EXIT, passage, null, summary, evidence, Evidence.subject(passage)));
    }
}
