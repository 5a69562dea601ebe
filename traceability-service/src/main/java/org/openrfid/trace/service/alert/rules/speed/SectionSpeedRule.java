package org.openrfid.trace.service.alert.rules.speed;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.openrfid.trace.service.alert.AlertSink;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.rule.Rule;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.alert.rules.Bounded;
import org.openrfid.trace.service.alert.rules.ClusterSightings;
import org.openrfid.trace.service.alert.rules.Evidence;
import org.openrfid.trace.service.alert.rules.LocationParents;
import org.openrfid.trace.service.alert.rules.RoadPlaces;
import org.openrfid.trace.service.alert.rules.Sighting;
import org.openrfid.trace.service.alert.rules.VehicleLookup;
import org.openrfid.trace.service.passage.EnrichedPassage;

/**
 * SECTION_SPEED: the average speed between two consecutive checkpoints of one vehicle (road distance
 * over the time from leaving the first to reaching the second) above the limit. Sections are the
 * configured {@code from[i] → to[i]} pairs, measured over the shortest road path; without pairs, every
 * two checkpoints one road link joins, both ways, measured by that link. A trip with a stop between
 * simply averages lower: average-speed enforcement works that way. The previous checkpoint may have
 * been stored by another member ({@link ClusterSightings}).
 */
final class SectionSpeedRule implements Rule {

    record Section(String from, String to) {
    }

    private final RuleDefinition definition;
    private final SectionSpeedRuleFactory.Settings settings;
    private final RoadPlaces places;
    private final LocationParents parents;
    private final VehicleLookup vehicles;
    private final ClusterSightings cluster;
    private final Bounded<String, Sighting> last;

    SectionSpeedRule(RuleDefinition definition, SectionSpeedRuleFactory.Settings settings, RoadPlaces places, LocationParents parents,
                     VehicleLookup vehicles, ClusterSightings cluster) {
        this.definition = definition;
        this.settings = settings;
        this.places = places;
        this.parents = parents;
        this.vehicles = vehicles;
        this.cluster = cluster;
        this.last = new Bounded<>(settings.maxTracked());
    }

    @Override
    public RuleDefinition definition() {
        return definition;
    }

    @Override
    public void onPassage(EnrichedPassage passage, AlertSink alerts) {
        if (passage.location() == null) {
            return;
        }
        String epc = passage.passage().epc().toHex();
        Sighting now = Sighting.of(passage);
        Sighting before = cluster.newest(last.get(epc), epc, passage.passage().epc().bitLength(), now);
        if (before != null && !now.firstSeen().isAfter(before.lastSeen())) {
            return; // out of order or overlapping: no section was driven (the clone rule looks at these)
        }
        last.put(epc, now);
        if (before == null || parents.sameSite(before.locationId(), now.locationId()) || !definition.covers(now.locationId())) {
            return;
        }
        OptionalDouble metres = sectionMetres(before.locationId(), now.locationId());
        if (metres.isEmpty()) {
            return;
        }
        double seconds = Duration.between(before.lastSeen(), now.firstSeen()).toMillis() / 1000.0;
        double kmh = metres.getAsDouble() / seconds * 3.6;
        if (kmh <= settings.limitKmh() || kmh > settings.maxPlausibleKmh()) {
            return; // within the limit, or no car drives that fast: two tags with one EPC, the clone rules' business
        }
        String plate = vehicles.plateOf(passage.object());
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("from", before.evidence());
        evidence.put("to", now.evidence());
        evidence.put("distanceM", Math.round(metres.getAsDouble()));
        evidence.put("seconds", seconds);
        evidence.put("averageKmh", Math.round(kmh * 10) / 10.0);
        evidence.put("limitKmh", settings.limitKmh());
        String who = plate != null ? plate : "Tag " + epc;
        String summary = String.format(Locale.ROOT, "%s averaged %.0f km/h between %s and %s (%.1f km in %s), above the %.0f km/h limit.",
                who, kmh, before.locationName(), now.locationName(), metres.getAsDouble() / 1000,
                Evidence.span(Duration.ofMillis(Math.round(seconds * 1000))), settings.limitKmh());
        alerts.raise(Evidence.about(definition, AlertType.SECTION_SPEED, passage, plate, summary, evidence, Evidence.subject(passage)));
    }

    /** The section's road length, or empty when the two are not a section of this rule. */
    private OptionalDouble sectionMetres(String fromId, String toId) {
        String a = places.node(fromId);
        String b = places.node(toId);
        List<Section> sections = settings.sections();
        if (sections.isEmpty()) {
            return places.network().link(a, b);
        }
        for (Section s : sections) {
            if ((s.from().equals(fromId) || s.from().equals(a)) && (s.to().equals(toId) || s.to().equals(b))) {
                return places.network().shortest(a, b);
            }
        }
        return OptionalDouble.empty();
    }

    @Override
    public void onTick(Instant now, AlertSink alerts) {
        last.forgetBefore(now.minus(settings.window()), Sighting::lastSeen);
    }
}
