package org.openrfid.trace.service.alert.rules.customs;

import java.util.List;
import java.util.Map;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.Severity;
import org.openrfid.trace.service.alert.rule.Rule;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.alert.rule.RuleFactory;
import org.openrfid.trace.service.alert.rules.GateDirections;

/** Makes {@link AlertType#CUSTOMS_HOLD_EXIT} rules (no params; {@code locations} may pick gates). One enabled by default. */
public final class CustomsHoldExitRuleFactory implements RuleFactory {

    private final CustomsHolds holds;
    private final GateDirections directions;

    private final PalletOf palletOf;

    /** Where goods travel in pallets: the pallet a case is in at a time, or null. */
    @FunctionalInterface
    public interface PalletOf {
        String palletOf(String goodsId, java.time.Instant at);
    }

    public CustomsHoldExitRuleFactory(CustomsHolds holds, GateDirections directions) {
        this(holds, directions, (goods, at) -> null);
    }

    public CustomsHoldExitRuleFactory(CustomsHolds holds, GateDirections directions, PalletOf palletOf) {
        this.holds = holds;
        this.directions = directions;
        this.palletOf = palletOf;
    }

    @Override
    public AlertType type() {
        return AlertType.CUSTOMS_HOLD_EXIT;
    }

    @Override
    public Rule create(RuleDefinition definition) {
        return new CustomsHoldExitRule(definition, holds, directions, palletOf);
    }

    @Override
    public List<RuleDefinition> defaults() {
        return List.of(new RuleDefinition("customs-hold-exit", AlertType.CUSTOMS_HOLD_EXIT, true, Severity.HIGH, Map.of(), List.of(), null));
    }
}
