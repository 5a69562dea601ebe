package org.openrfid.trace.service.alert.rules.clone;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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
import org.openrfid.trace.service.road.RoadNetwork;

/**
 * CLONE_IMPOSSIBLE_TRAVEL: one EPC at two places further apart than a vehicle could drive in the time
 * between, i.e. two tags carrying the same EPC (a cloned plate). The time is the gap between leaving
 * the one place and arriving at the other (overlapping passages: no time at all); the distance is the
 * shortest road path where links join the two, else the great-circle distance times a detour factor.
 * Lanes of one checkpoint, and places closer than {@code minDistanceM}, are never compared: a tag read
 * by two lanes' antennas at once is no clone. The previous sighting is the newer of this rule's memory
 * and the cluster's last-seen board ({@link ClusterSightings}), so two members' places meet.
 */
final class ImpossibleTravelRule implements Rule {

    private final RuleDefinition definition;
    private final ImpossibleTravelRuleFactory.Settings settings;
    private final RoadPlaces places;
    private final LocationParents parents;
    private final VehicleLookup vehicles;
    private final ClusterSightings cluster;
    private final Bounded<String, Sighting> last;

    ImpossibleTravelRule(RuleDefinition definition, ImpossibleTravelRuleFactory.Settings settings, RoadPlaces places,
                         LocationParents parents, VehicleLookup vehicles, ClusterSightings cluster) {
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
            return; // no position: nothing to measure
        }
        String epc = passage.passage().epc().toHex();
        Sighting now = Sighting.of(passage);
        Sighting before = cluster.newest(last.get(epc), epc, passage.passage().epc().bitLength(), now);
        if (before == null || now.lastSeen().isAfter(before.lastSeen())) {
            last.put(epc, now);
        }
        if (before == null || parents.sameSite(before.locationId(), now.locationId())
                || !(definition.covers(now.locationId()) || definition.covers(before.locationId()))) {
            return;
        }
        RoadNetwork.Distance distance = places.distance(before, now, settings.detourFactor());
        if (distance.metres() < settings.minDistanceM()) {
            return;
        }
        boolean nowIsLater = !now.firstSeen().isBefore(before.firstSeen());
        Sighting earlier = nowIsLater ? before : now;
        Sighting later = nowIsLater ? now : before;
        Duration gap = Duration.between(earlier.lastSeen(), later.firstSeen());
        double seconds = Math.max(0, gap.toMillis() / 1000.0);
        if (distance.metres() <= settings.topSpeedKmh() / 3.6 * seconds) {
            return; // fast, perhaps, but possible
        }
        alerts.raise(candidate(passage, earlier, later, distance, seconds));
    }

    private org.openrfid.trace.service.alert.AlertCandidate candidate(EnrichedPassage passage, Sighting earlier, Sighting later,
                                                                      RoadNetwork.Distance distance, double seconds) {
        String plate = vehicles.plateOf(passage.object());
        Double speed = seconds > 0 ? distance.metres() / seconds * 3.6 : null;
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("first", earlier.evidence());
        evidence.put("second", later.evidence());
        evidence.put("distanceM", Math.round(distance.metres()));
        evidence.put("distanceMeasured", distance.describe());
        evidence.put("seconds", seconds);
        evidence.put("impliedSpeedKmh", speed == null ? null : Math.round(speed));
        evidence.put("topSpeedKmh", settings.topSpeedKmh());
        String how = distance.method() == RoadNetwork.Method.ROAD ? "by road" : "as the crow flies × " + distance.detourFactor();
        String tag = plate != null ? "The tag of " + plate : "Tag " + passage.passage().epc().toHex();
        String summary = tag + " was at " + earlier.locationName() + " until " + Evidence.time(earlier.lastSeen()) + " and at "
                + later.locationName() + (seconds > 0 ? " " + Evidence.span(Duration.ofMillis(Math.round(seconds * 1000))) + " later" : " at the same time")
                + ": " + String.format(java.util.Locale.ROOT, "%.1f km %s", distance.metres() / 1000, how)
                + (speed == null ? "" : String.format(java.util.Locale.ROOT, " at %.0f km/h", speed))
                + ", beyond " + Math.round(settings.topSpeedKmh()) + " km/h — two tags with one EPC (a cloned plate)?";
        return Evidence.about(definition, AlertType.CLONE_IMPOSSIBLE_TRAVEL, passage, plate, summary, evidence, Evidence.subject(passage));
    }

    @Override
    public void onTick(Instant now, AlertSink alerts) {
        last.forgetBefore(now.minus(settings.window()), Sighting::lastSeen);
    }

    int tracked() {
        return last.size();
    }
}
