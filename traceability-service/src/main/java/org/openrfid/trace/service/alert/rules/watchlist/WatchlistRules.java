package org.openrfid.trace.service.alert.rules.watchlist;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.Severity;
import org.openrfid.trace.service.alert.rule.Rule;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.alert.rule.RuleFactory;
import org.openrfid.trace.service.enrichment.LocationCache;
import org.openrfid.trace.service.registry.vehicle.Vehicle;
import org.openrfid.trace.service.registry.vehicle.Vehicles;

/** Makes {@code WATCHLIST} rules; the default one watches every list but {@code customs_hold}. */
public final class WatchlistRules implements RuleFactory {

    private final WatchlistIndex index;
    private final LocationCache locations;
    private final Vehicles vehicles;

    public WatchlistRules(WatchlistIndex index, LocationCache locations, Vehicles vehicles) {
        this.index = index;
        this.locations = locations;
        this.vehicles = vehicles;
    }

    @Override
    public AlertType type() {
        return AlertType.WATCHLIST;
    }

    @Override
    public Rule create(RuleDefinition definition) {
        return new WatchlistRule(definition, index, locations::find, this::plate);
    }

    private String plate(String vehicleId) {
        try {
            return vehicles.find(UUID.fromString(vehicleId)).map(Vehicle::plate).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public List<RuleDefinition> defaults() {
        return List.of(new RuleDefinition("watchlist", AlertType.WATCHLIST, true, Severity.CRITICAL,
                Map.of("excludeLists", List.of("customs_hold"), "debounce", Duration.ofMinutes(10).toString(),
                        "severityByList", Map.of("inspection_expired", "LOW")), List.of(), null));
    }
}
