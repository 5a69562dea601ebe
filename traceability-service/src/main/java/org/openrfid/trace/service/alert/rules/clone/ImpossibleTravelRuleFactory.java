package org.openrfid.trace.service.alert.rules.clone;

import org.openrfid.trace.service.alert.rules.ObjectKindFilter;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.Severity;
import org.openrfid.trace.service.alert.rule.Rule;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.alert.rule.RuleFactory;
import org.openrfid.trace.service.alert.rule.RuleParams;
import org.openrfid.trace.service.alert.rules.ClusterSightings;
import org.openrfid.trace.service.alert.rules.LocationParents;
import org.openrfid.trace.service.alert.rules.RoadPlaces;
import org.openrfid.trace.service.alert.rules.VehicleLookup;
import org.openrfid.trace.service.road.RoadNetwork;

/**
 * Makes {@link AlertType#CLONE_IMPOSSIBLE_TRAVEL} rules. Params: {@code topSpeedKmh} (150),
 * {@code detourFactor} (1.3, for places no road path joins), {@code minDistanceM} (500),
 * {@code window} (PT12H: how long a tag's last passage is remembered), {@code maxTracked} (200000 tags).
 */
public final class ImpossibleTravelRuleFactory implements RuleFactory {

    record Settings(double topSpeedKmh, double detourFactor, double minDistanceM, Duration window, int maxTracked) {
    }

    private final RoadNetwork network;
    private final LocationParents parents;
    private final VehicleLookup vehicles;
    private final ClusterSightings cluster;

    public ImpossibleTravelRuleFactory(RoadNetwork network, LocationParents parents, VehicleLookup vehicles, ClusterSightings cluster) {
        this.network = network;
        this.parents = parents;
        this.vehicles = vehicles;
        this.cluster = cluster;
    }

    @Override
    public AlertType type() {
        return AlertType.CLONE_IMPOSSIBLE_TRAVEL;
    }

    @Override
    public Rule create(RuleDefinition definition) {
        RuleParams p = definition.p();
        Settings settings = new Settings(p.number("topSpeedKmh", 150, 1, 2000), p.number("detourFactor", 1.3, 1, 5),
                p.number("minDistanceM", 500, 0, 1_000_000), p.duration("window", Duration.ofHours(12), Duration.ofMinutes(1), Duration.ofDays(7)),
                (int) p.number("maxTracked", 200_000, 1, 10_000_000));
        return ObjectKindFilter.wrap(new ImpossibleTravelRule(definition, settings, new RoadPlaces(network, parents), parents, vehicles, cluster));
    }

    @Override
    public List<RuleDefinition> defaults() {
        return List.of(new RuleDefinition("clone-impossible-travel", AlertType.CLONE_IMPOSSIBLE_TRAVEL, true, Severity.HIGH,
                Map.of("topSpeedKmh", 150, "detourFactor", 1.3, "minDistanceM", 500, ObjectKindFilter.PARAM, List.of("VEHICLE")), List.of(), null));
    }
}
