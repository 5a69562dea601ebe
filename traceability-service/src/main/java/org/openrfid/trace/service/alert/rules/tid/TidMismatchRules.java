package org.openrfid.trace.service.alert.rules.tid;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.Severity;
import org.openrfid.trace.service.alert.rule.Rule;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.alert.rule.RuleFactory;
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.Tag;
import org.openrfid.trace.service.registry.binding.Tags;
import org.openrfid.trace.service.registry.vehicle.Vehicle;
import org.openrfid.trace.service.registry.vehicle.Vehicles;

/**
 * Makes {@code CLONE_TID_MISMATCH} rules. Registered TIDs are cached per EPC (a TID changes only when
 * a tag is re-registered; a change shows within {@link #CACHE_FOR}), so the rule asks the registry
 * once per tag, not once per passage.
 */
public final class TidMismatchRules implements RuleFactory {

    static final Duration CACHE_FOR = Duration.ofMinutes(5);

    private final Cache<String, Optional<String>> tids;
    private final Cache<String, Optional<String>> plates;
    private final Tags tags;
    private final Vehicles vehicles;

    public TidMismatchRules(Tags tags, Vehicles vehicles, long cacheSize) {
        this.tags = tags;
        this.vehicles = vehicles;
        this.tids = Caffeine.newBuilder().maximumSize(cacheSize).expireAfterWrite(CACHE_FOR).build();
        this.plates = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(CACHE_FOR).build();
    }

    @Override
    public AlertType type() {
        return AlertType.CLONE_TID_MISMATCH;
    }

    @Override
    public Rule create(RuleDefinition definition) {
        return new TidMismatchRule(definition, this::registeredTid, this::plate);
    }

    private String registeredTid(String epcHex) {
        return tids.get(epcHex, e -> tags.find(e).map(Tag::tid)).orElse(null);
    }

    private String plate(BoundObject o) {
        if (o.kind() != ObjectKind.VEHICLE) {
            return null;
        }
        return plates.get(o.id(), id -> {
            try {
                return vehicles.find(UUID.fromString(id)).map(Vehicle::plate);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    @Override
    public List<RuleDefinition> defaults() {
        return List.of(new RuleDefinition("clone-tid", AlertType.CLONE_TID_MISMATCH, true, Severity.CRITICAL,
                Map.of("debounce", "PT30M"), List.of(), null));
    }
}
