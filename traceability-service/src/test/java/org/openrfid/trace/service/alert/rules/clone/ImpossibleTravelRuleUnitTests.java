package org.openrfid.trace.service.alert.rules.clone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openrfid.trace.service.alert.rules.RuleFixtures.T0;
import static org.openrfid.trace.service.alert.rules.RuleFixtures.passage;
import static org.openrfid.trace.service.alert.rules.RuleFixtures.place;
import static org.openrfid.trace.service.alert.rules.RuleFixtures.rule;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.alert.AlertCandidate;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.rule.Rule;
import org.openrfid.trace.service.alert.rules.LocationParents;
import org.openrfid.trace.service.alert.rules.RuleFixtures.Sink;
import org.openrfid.trace.service.alert.rules.Sighting;
import org.openrfid.trace.service.alert.rules.VehicleLookup;
import org.openrfid.trace.service.location.LocationInfo;
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.vehicle.Vehicle;
import org.openrfid.trace.service.road.RoadLink;
import org.openrfid.trace.service.road.RoadNetwork;

class ImpossibleTravelRuleUnitTests {

    static final String EPC = "3416451DA400000005F5E100";
    static final UUID CAR = UUID.fromString("00000000-0000-4000-8000-000000000001");
    static final BoundObject OBJECT = new BoundObject(ObjectKind.VEHICLE, CAR.toString());
    // A and B are 0.1° of latitude apart (11.1 km as the crow flies); the road between them is 25 km.
    static final LocationInfo A = place("CP-A", "Chaotianmen Bridge", "checkpoint", 29.50, 106.50);
    static final LocationInfo A_LANE = place("CP-A-L1", "Chaotianmen Bridge lane 1", "lane", 29.5001, 106.5001);
    static final LocationInfo A_LANE2 = place("CP-A-L2", "Chaotianmen Bridge lane 2", "lane", 29.5002, 106.5002);
    static final LocationInfo B = place("CP-B", "Jiefangbei", "checkpoint", 29.60, 106.50);
    static final LocationInfo C = place("CP-C", "Far away", "checkpoint", 30.50, 106.50);
    static final LocationInfo NEAR = place("CP-N", "Next door", "checkpoint", 29.5030, 106.50);

    final RoadNetwork network = RoadNetwork.of(List.of(new RoadLink("CP-A", "CP-B", 25_000)));
    final LocationParents parents = id -> id.startsWith("CP-A-L") ? "CP-A" : null;
    final VehicleLookup vehicles = id -> id.equals(CAR.toString())
            ? Optional.of(new Vehicle(CAR, "渝A12345", "02", "blue", "K33", "LVSX16564HG669910", "active", null)) : Optional.empty();
    final java.util.Map<String, Sighting> board = new java.util.HashMap<>();
    final ImpossibleTravelRuleFactory factory = new ImpossibleTravelRuleFactory(network, parents, vehicles,
            (epc, bits) -> Optional.ofNullable(board.get(epc)));
    final Sink sink = new Sink();

    Rule make(Map<String, Object> params) {
        return factory.create(rule(AlertType.CLONE_IMPOSSIBLE_TRAVEL, params));
    }

    @Test
    void alertsWhenOneTagIsAtTwoPlacesTooFarApartByRoadForTheTime() {
        Rule r = make(Map.of());
        r.onPassage(passage(EPC, A_LANE, T0, T0.plusSeconds(2), OBJECT), sink);
        // 25 km by road in 5 minutes is 300 km/h
        r.onPassage(passage(EPC, B, T0.plusSeconds(302), T0.plusSeconds(303), OBJECT), sink);
        AlertCandidate a = sink.only();
        assertThat(a.type()).isEqualTo(AlertType.CLONE_IMPOSSIBLE_TRAVEL);
        assertThat(a.raisedAt()).isEqualTo(T0.plusSeconds(302));
        assertThat(a.subject()).isEqualTo("VEHICLE:" + CAR);
        assertThat(a.plate()).isEqualTo("渝A·12345");
        assertThat(a.locationId()).isEqualTo("CP-B");
        assertThat(a.summary()).contains("渝A·12345", "Chaotianmen Bridge lane 1", "Jiefangbei", "25.0 km by road", "300 km/h");
        assertThat(a.evidence()).containsEntry("distanceM", 25_000L).containsEntry("distanceMeasured", "road_network")
                .containsEntry("seconds", 300.0).containsEntry("impliedSpeedKmh", 300L).containsKeys("first", "second");
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) a.evidence().get("first");
        assertThat(first).containsEntry("locationId", "CP-A-L1").containsEntry("lastSeen", T0.plusSeconds(2).toString());
    }

    @Test
    void aFastButPossibleTripIsNoAlert() {
        Rule r = make(Map.of());
        r.onPassage(passage(EPC, A, T0, T0.plusSeconds(2), OBJECT), sink);
        // 25 km in 11 minutes is 136 km/h: fast, under 150
        r.onPassage(passage(EPC, B, T0.plusSeconds(2 + 660), T0.plusSeconds(665), OBJECT), sink);
        assertThat(sink.raised).isEmpty();
    }

    @Test
    void withoutARoadPathMeasuresGreatCircleTimesDetour() {
        Rule r = make(Map.of("topSpeedKmh", 100));
        r.onPassage(passage(EPC, A, T0, T0, null), sink);
        // about 111 km × 1.3 = 144.6 km in one hour: above 100 km/h
        r.onPassage(passage(EPC, C, T0.plusSeconds(3600), T0.plusSeconds(3601), null), sink);
        AlertCandidate a = sink.only();
        assertThat(a.evidence()).containsEntry("distanceMeasured", "great_circle_x1.3");
        assertThat((Long) a.evidence().get("distanceM")).isBetween(144_000L, 145_000L);
        assertThat(a.subject()).isEqualTo("EPC:" + EPC);
        assertThat(a.summary()).startsWith("Tag " + EPC);
    }

    @Test
    void theDetourFactorDecidesANearMiss() {
        Rule strict = make(Map.of("topSpeedKmh", 100, "detourFactor", 1.0));
        strict.onPassage(passage(EPC, A, T0, T0, null), sink);
        // about 111 km in 4100 s is 97.6 km/h as the crow flies: possible with factor 1
        strict.onPassage(passage(EPC, C, T0.plusSeconds(4100), T0.plusSeconds(4100), null), sink);
        assertThat(sink.raised).isEmpty();
    }

    @Test
    void lanesOfOneCheckpointAreNeverCompared() {
        Rule r = make(Map.of("minDistanceM", 0));
        r.onPassage(passage(EPC, A_LANE, T0, T0.plusSeconds(1), OBJECT), sink);
        r.onPassage(passage(EPC, A_LANE2, T0, T0.plusSeconds(1), OBJECT), sink);
        r.onPassage(passage(EPC, A, T0, T0.plusSeconds(1), OBJECT), sink);
        assertThat(sink.raised).isEmpty();
    }

    @Test
    void placesCloserThanTheMinimumDistanceAreIgnored() {
        Rule r = make(Map.of());
        r.onPassage(passage(EPC, A, T0, T0, OBJECT), sink);
        r.onPassage(passage(EPC, NEAR, T0, T0, OBJECT), sink); // 334 m × 1.3 = 434 m, under 500
        assertThat(sink.raised).isEmpty();
    }

    @Test
    void overlappingPassagesFarApartAreImpossibleAtAnySpeed() {
        Rule r = make(Map.of());
        r.onPassage(passage(EPC, A, T0, T0.plusSeconds(10), OBJECT), sink);
        r.onPassage(passage(EPC, B, T0.plusSeconds(5), T0.plusSeconds(8), OBJECT), sink);
        AlertCandidate a = sink.only();
        assertThat(a.evidence()).containsEntry("seconds", 0.0).containsEntry("impliedSpeedKmh", null);
        assertThat(a.summary()).contains("at the same time");
    }

    @Test
    void aPassageArrivingLateIsComparedInTimeOrder() {
        Rule r = make(Map.of());
        r.onPassage(passage(EPC, B, T0.plusSeconds(300), T0.plusSeconds(301), OBJECT), sink);
        r.onPassage(passage(EPC, A, T0, T0.plusSeconds(1), OBJECT), sink);
        AlertCandidate a = sink.only();
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) a.evidence().get("first");
        assertThat(first).containsEntry("locationId", "CP-A");
    }

    @Test
    void differentTagsAreNotCompared() {
        Rule r = make(Map.of());
        r.onPassage(passage(EPC, A, T0, T0, null), sink);
        r.onPassage(passage("3416451DA400000005F5E101", B, T0.plusSeconds(1), T0.plusSeconds(1), null), sink);
        assertThat(sink.raised).isEmpty();
    }

    @Test
    void remembersABoundedNumberOfTagsForABoundedTime() {
        ImpossibleTravelRule r = (ImpossibleTravelRule) make(Map.of("maxTracked", 2, "window", "PT1H"));
        r.onPassage(passage("01", A, T0, T0, null), sink);
        r.onPassage(passage("02", A, T0, T0, null), sink);
        r.onPassage(passage("03", A, T0.plusSeconds(1800), T0.plusSeconds(1800), null), sink);
        assertThat(r.tracked()).isEqualTo(2);
        r.onTick(T0.plus(Duration.ofMinutes(61)), sink);
        assertThat(r.tracked()).as("02 is older than the window").isEqualTo(1);
        // tag 01 was forgotten: its trip to B raises nothing
        r.onPassage(passage("01", B, T0.plusSeconds(10), T0.plusSeconds(10), null), sink);
        assertThat(sink.raised).isEmpty();
    }

    @Test
    void aSightingAnotherMemberStoredIsComparedToo() {
        Rule r = make(Map.of());
        // the passage at A was stored by the member owning A: only the cluster's board knows it
        board.put(EPC, new Sighting(null, "CP-A", "Chaotianmen Bridge", A.lat(), A.lon(), null, T0, T0.plusSeconds(2)));
        r.onPassage(passage(EPC, B, T0.plusSeconds(302), T0.plusSeconds(303), OBJECT), sink);
        assertThat(sink.only().summary()).contains("Chaotianmen Bridge", "Jiefangbei");
    }

    @Test
    void theBoardHoldingThisVeryPassageIsNoSighting() {
        Rule r = make(Map.of());
        board.put(EPC, new Sighting(null, "CP-B", "Jiefangbei", B.lat(), B.lon(), null, T0.plusSeconds(302), T0.plusSeconds(303)));
        r.onPassage(passage(EPC, B, T0.plusSeconds(302), T0.plusSeconds(303), OBJECT), sink);
        assertThat(sink.raised).isEmpty();
    }

    @Test
    void refusesBadParamsNamingTheField() {
        assertThatThrownBy(() -> make(Map.of("topSpeedKmh", 0))).hasMessageStartingWith("params.topSpeedKmh:");
        assertThatThrownBy(() -> make(Map.of("detourFactor", "x"))).hasMessageStartingWith("params.detourFactor:");
        assertThatThrownBy(() -> make(Map.of("minDistanceM", -1))).hasMessageStartingWith("params.minDistanceM:");
        assertThatThrownBy(() -> make(Map.of("window", "soon"))).hasMessageStartingWith("params.window:");
    }

    @Test
    void theDefaultRuleLooksAtVehiclesOnlyAndRefusesAnUnknownKind() {
        Rule r = factory.create(factory.defaults().get(0));
        BoundObject pallet = new BoundObject(ObjectKind.PALLET, "pallet-1");
        String sscc = "31D4257BF405F5E101000000";
        r.onPassage(passage(sscc, A, T0, T0.plusSeconds(2), pallet), sink);
        r.onPassage(passage(sscc, B, T0.plusSeconds(302), T0.plusSeconds(303), pallet), sink);
        r.onPassage(passage(EPC, A, T0, T0.plusSeconds(2), null), sink);
        r.onPassage(passage(EPC, B, T0.plusSeconds(302), T0.plusSeconds(303), null), sink);
        assertThat(sink.raised).as("a pallet's label scanned at two sites, an unbound tag").isEmpty();
        r.onPassage(passage(EPC, A, T0.plusSeconds(400), T0.plusSeconds(402), OBJECT), sink);
        r.onPassage(passage(EPC, B, T0.plusSeconds(702), T0.plusSeconds(703), OBJECT), sink);
        assertThat(sink.raised).hasSize(1);
        assertThatThrownBy(() -> make(Map.of("objectKinds", List.of("BOAT")))).hasMessageStartingWith("params.objectKinds:");
    }

    @Test
    void theDefaultRuleIsEnabledAndBuilds() {
        assertThat(factory.defaults()).singleElement().satisfies(d -> {
            assertThat(d.enabled()).isTrue();
            assertThat(d.params()).containsEntry("topSpeedKmh", 150);
            assertThat(factory.create(d)).isNotNull();
        });
    }
}
