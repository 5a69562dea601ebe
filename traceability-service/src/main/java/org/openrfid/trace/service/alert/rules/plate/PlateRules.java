package org.openrfid.trace.service.alert.rules.plate;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.Severity;
import org.openrfid.trace.service.alert.rule.Rule;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.alert.rule.RuleFactory;

/**
 * Makes the camera-vs-e-plate rules of one type ({@code PLATE_MISMATCH} or {@code PLATE_WITHOUT_TAG}); each
 * fresh installation starts with one enabled rule of each, severity HIGH, default parameters.
 */
public final class PlateRules implements RuleFactory {

    private final AlertType type;
    private final String defaultId;
    private final BiFunction<RuleDefinition, PlateRegistry, Rule> make;
    private final Supplier<PlateRegistry> registry;

    private PlateRules(AlertType type, String defaultId, BiFunction<RuleDefinition, PlateRegistry, Rule> make, Supplier<PlateRegistry> registry) {
        this.type = type;
        this.defaultId = defaultId;
        this.make = make;
        this.registry = registry;
    }

    static PlateRules mismatch(Supplier<PlateRegistry> registry) {
        return new PlateRules(AlertType.PLATE_MISMATCH, "plate-mismatch", PlateMismatchRule::new, registry);
    }

    static PlateRules withoutTag(Supplier<PlateRegistry> registry) {
        return new PlateRules(AlertType.PLATE_WITHOUT_TAG, "plate-without-tag", PlateWithoutTagRule::new, registry);
    }

    @Override
    public AlertType type() {
        return type;
    }

    /** @throws IllegalArgumentException naming {@code params.<field>} for a bad parameter, or when the type is another's */
    @Override
    public Rule create(RuleDefinition definition) {
        if (definition.type() != type) {
            throw new IllegalArgumentException("type: " + definition.type() + " is not " + type);
        }
        // Each rule its own registry cache: rules run on one engine thread each, the cache is not shared.
        return make.apply(definition, registry.get());
    }

    @Override
    public List<RuleDefinition> defaults() {
        return List.of(new RuleDefinition(defaultId, type, true, Severity.HIGH,
                Map.of("window", PlateRuleParams.DEFAULT_WINDOW.toString(), "minConfidence", PlateRuleParams.DEFAULT_MIN_CONFIDENCE),
                List.of(), null));
    }

    /** Both plate rule factories over the real stores, as the configuration makes them (benchmarks, tests). */
    public static List<RuleFactory> both(org.openrfid.trace.service.registry.vehicle.Vehicles vehicles,
                                         org.openrfid.trace.service.registry.binding.TagBindings bindings, Clock clock) {
        return List.of(mismatch(registry(vehicles, bindings, clock)), withoutTag(registry(vehicles, bindings, clock)));
    }

    /** For the configuration. */
    static Supplier<PlateRegistry> registry(org.openrfid.trace.service.registry.vehicle.Vehicles vehicles,
                                            org.openrfid.trace.service.registry.binding.TagBindings bindings, Clock clock) {
        return () -> new RegistryPlates(vehicles, bindings, clock);
    }
}
