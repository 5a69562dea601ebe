package org.openrfid.trace.service.alert.rules.library;

import java.util.List;
import java.util.Map;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.Severity;
import org.openrfid.trace.service.alert.rule.Rule;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.alert.rule.RuleFactory;
import org.openrfid.trace.service.alert.rules.GateDirections;
import org.openrfid.trace.service.registry.library.LibraryItems;

/** Makes {@link AlertType#LIBRARY_UNCHECKED_EXIT} rules (no params; {@code locations} may pick gates). One enabled by default. */
public final class UncheckedExitRuleFactory implements RuleFactory {

    private final LibraryItems items;
    private final GateDirections directions;

    public UncheckedExitRuleFactory(LibraryItems items, GateDirections directions) {
        this.items = items;
        this.directions = directions;
    }

    @Override
    public AlertType type() {
        return AlertType.LIBRARY_UNCHECKED_EXIT;
    }

    @Override
    public Rule create(RuleDefinition definition) {
        return new UncheckedExitRule(definition, items, directions);
    }

    @Override
    public List<RuleDefinition> defaults() {
        return List.of(new RuleDefinition("library-unchecked-exit", AlertType.LIBRARY_UNCHECKED_EXIT, true, Severity.MEDIUM, Map.of(),
                List.of(), null));
    }
}
