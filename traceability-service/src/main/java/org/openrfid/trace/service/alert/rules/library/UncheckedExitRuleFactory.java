package org.openrfid.trace.service.alert.rules.library;

import java.util.List;
import java.util.Map;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.Severity;
import org.openrfid.trace.service.alert.rule.Rule;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.alert.rule.RuleFactory;
import org.openrfid.trace.service.alert.rules.GateDirections;
import org.openrfid.trace.service.library.GateCirculation;
import org.openrfid.trace.service.registry.library.LibraryItems;

/** Makes {@link AlertType#LIBRARY_UNCHECKED_EXIT} rules (no params; {@code locations} may pick gates). One enabled by default. */
public final class UncheckedExitRuleFactory implements RuleFactory {

    private final LibraryItems items;
    private final GateDirections directions;
    private final GateCirculation circulation;

    public UncheckedExitRuleFactory(LibraryItems items, GateDirections directions) {
        this(items, directions, GateCirculation.LOCAL);
    }

    /** With {@code circulation} deciding an item's loan status at the gate (SIP2 when configured). */
    public UncheckedExitRuleFactory(LibraryItems items, GateDirections directions, GateCirculation circulation) {
        this.items = items;
        this.directions = directions;
        this.circulation = circulation;
    }

    @Override
    public AlertType type() {
        return AlertType.LIBRARY_UNCHECKED_EXIT;
    }

    @Override
    public Rule create(RuleDefinition definition) {
        return new UncheckedExitRule(definition, items, directions, circulation);
    }

    @Override
    public List<RuleDefinition> defaults() {
        return List.of(new RuleDefinition("library-unchecked-exit", AlertType.LIBRARY_UNCHECKED_EXIT, true, Severity.MEDIUM, Map.of(),
                List.of(), null));
    }
}
