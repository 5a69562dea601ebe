package org.openrfid.trace.service.alert.rules.speed;

import org.openrfid.trace.service.alert.rules.ObjectKindFilter;

import java.time.Duration;
import java.util.ArrayList;
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
 * Makes {@link AlertType#SECTION_SPEED} rules. Params: {@code limitKmh} (100); {@code from} and
 * {@code to}, equally long lists of location ids making the sections {@code from[i] → to[i]} (one way;
 * name both orders for both ways), else every pair a road link joins; {@code window} (PT2H: a tag's last
 * passage is forgotten after it), {@code maxTracked} (200000 tags).
 */
public final class SectionSpeedRuleFactory implements RuleFactory {

    record Settings(double limitKmh, List<SectionSpeedRule.Section> sections, Duration window, int maxTracked, double maxPlausibleKmh) {
    }

    private final RoadNetwork network;
    private final LocationParents parents;
    private final VehicleLookup vehicles;
    private final ClusterSightings cluster;

    public SectionSpeedRuleFactory(RoadNetwork network, LocationParents parents, VehicleLookup vehicles, ClusterSightings cluster) {
        this.network = network;
        this.parents = parents;
        this.vehicles = vehicles;
        this.cluster = cluster;
    }

    @Override
    public AlertType type() {
        return AlertType.SECTION_SPEED;
    }

    @Override
    public Rule create(RuleDefinition definition) {
        RuleParams p = definition.p();
        List<String> from = p.list("from");
        List<String> to = p.list("to");
        if (from.size() != to.size()) {
            throw RuleParams.bad(from.size() < to.size() ? "from" : "to",
                    "from and to pair up by position: " + from.size() + " from, " + to.size() + " to");
        }
        List<SectionSpeedRule.Section> sections = new ArrayList<>();
        for (int i = 0; i < from.size(); i++) {
            if (from.get(i).equals(to.get(i))) {
                throw RuleParams.bad("to", "section " + (i + 1) + " starts and ends at " + from.get(i));
            }
            sections.add(new SectionSpeedRule.Section(from.get(i), to.get(i)));
        }
        Settings settings = new Settings(p.number("limitKmh", 100, 5, 500), List.copyOf(sections),
                p.duration("window", Duration.ofHours(2), Duration.ofMinutes(1), Duration.ofDays(1)),
                (int) p.number("maxTracked", 200_000, 1, 10_000_000), p.number("maxPlausibleKmh", 250, 10, 2000));
        return ObjectKindFilter.wrap(new SectionSpeedRule(definition, settings, new RoadPlaces(network, parents), parents, vehicles, cluster));
    }

    @Override
    public List<RuleDefinition> defaults() {
        return List.of(new RuleDefinition("section-speed", AlertType.SECTION_SPEED, true, Severity.MEDIUM, Map.of("limitKmh", 120, ObjectKindFilter.PARAM, List.of("VEHICLE")),
                List.of(), null));
    }
}
