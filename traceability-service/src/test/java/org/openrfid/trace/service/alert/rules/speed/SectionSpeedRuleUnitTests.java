package org.openrfid.trace.service.alert.rules.speed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openrfid.trace.service.alert.rules.RuleFixtures.T0;
import static org.openrfid.trace.service.alert.rules.RuleFixtures.passage;
import static org.openrfid.trace.service.alert.rules.RuleFixtures.place;
import static org.openrfid.trace.service.alert.rules.RuleFixtures.rule;

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

class SectionSpeedRuleUnitTests {

    static final String EPC = "3416451DA400000005F5E100";
    static final UUID CAR = UUID.fromString("00000000-0000-4000-8000-000000000001");
    static final BoundObject OBJECT = new BoundObject(ObjectKind.VEHICLE, CAR.toString());
    static final LocationInfo A = place("CP-A", "Chaotianmen Bridge", "checkpoint", 29.50, 106.50);
    static final LocationInfo A_LANE = place("CP-A-L1", "Chaotianmen Bridge lane 1", "lane", 29.50, 106.50);
    static final LocationInfo B = place("CP-B", "Jiefangbei", "checkpoint", 29.52, 106.50);
    static final LocationInfo C = place("CP-C", "Shapingba", "checkpoint", 29.54, 106.50);

    // A–B 3 km, B–C 2 km: no link A–C
    final RoadNetwork network = RoadNetwork.of(List.of(new RoadLink("CP-A", "CP-B", 3000), new RoadLink("CP-B", "CP-C", 2000)));
    final LocationParents parents = id -> id.equals("CP-A-L1") ? "CP-A" : null;
    final VehicleLookup vehicles = id -> Optional.of(new Vehicle(CAR, "渝A12345", "02", "blue", "K33", "LVSX16564HG669910", "active", null));
    final Map<String, Sighting> board = new java.util.HashMap<>();
    final SectionSpeedRuleFactory factory = new SectionSpeedRuleFactory(network, parents, vehicles,
            (epc, bits) -> Optional.ofNullable(board.get(epc)));
    final Sink sink = new Sink();

    Rule make(Map<String, Object> params) {
        return factory.create(rule(AlertType.SECTION_SPEED, params));
    }

    @Test
    void alertsWhenTheAverageOverALinkedSectionIsAboveTheLimit() {
        Rule r = make(Map.of("limitKmh", 100));
        r.onPassage(passage(EPC, A_LANE, T0, T0.plusSeconds(1), OBJECT), sink);
        // 3 km in 90 s is 120 km/h
        r.onPassage(passage(EPC, B, T0.plusSeconds(91), T0.plusSeconds(92), OBJECT), sink);
        AlertCandidate a = sink.only();
        assertThat(a.type()).isEqualTo(AlertType.SECTION_SPEED);
        assertThat(a.raisedAt()).isEqualTo(T0.plusSeconds(91));
        assertThat(a.subject()).isEqualTo("VEHICLE:" + CAR);
        assertThat(a.summary()).isEqualTo("渝A·12345 averaged 120 km/h between Chaotianmen Bridge lane 1 and Jiefangbei (3.0 km in 1 min 30 s),"
                + " above the 100 km/h limit.");
        assertThat(a.evidence()).containsEntry("distanceM", 3000L).containsEntry("seconds", 90.0).containsEntry("averageKmh", 120.0)
                .containsEntry("limitKmh", 100.0);
    }

    @Test
    void aSpeedNoCarDrivesIsLeftToTheCloneRulesAndTheDefaultWatchesVehiclesOnly() {
        Rule r = make(Map.of("limitKmh", 100));
        r.onPassage(passage(EPC, A_LANE, T0, T0.plusSeconds(1), OBJECT), sink);
        // 3 km in 30 s is 360 km/h: two tags with one EPC, not a driver
        r.onPassage(passage(EPC, B, T0.plusSeconds(31), T0.plusSeconds(32), OBJECT), sink);
        assertThat(sink.raised).isEmpty();

        Rule defaults = factory.create(factory.defaults().get(0));
        BoundObject pallet = new BoundObject(ObjectKind.PALLET, "pallet-1");
        defaults.onPassage(passage("31D4257BF405F5E101000000", A_LANE, T0, T0.plusSeconds(1), pallet), sink);
        defaults.onPassage(passage("31D4257BF405F5E101000000", B, T0.plusSeconds(61), T0.plusSeconds(62), pallet), sink);
        assertThat(sink.raised).as("180 km/h, but a pallet").isEmpty();
        defaults.onPassage(passage(EPC, A_LANE, T0, T0.plusSeconds(1), OBJECT), sink);
        defaults.onPassage(passage(EPC, B, T0.plusSeconds(61), T0.plusSeconds(62), OBJECT), sink);
        assertThat(sink.only().summary()).contains("180 km/h");
    }

    @Test
    void justUnderTheLimitIsNoAlert() {
        Rule r = make(Map.of("limitKmh", 100));
        r.onPassage(passage(EPC, A, T0, T0, OBJECT), sink);
        // 3 km in 109 s is 99.1 km/h
        r.onPassage(passage(EPC, B, T0.plusSeconds(109), T0.plusSeconds(110), OBJECT), sink);
        assertThat(sink.raised).isEmpty();
    }

    @Test
    void worksBothWaysOverALinkButNotBetweenUnlinkedCheckpoints() {
        Rule r = make(Map.of("limitKmh", 100));
        r.onPassage(passage(EPC, B, T0, T0, OBJECT), sink);
        r.onPassage(passage(EPC, A, T0.plusSeconds(60), T0.plusSeconds(60), OBJECT), sink); // 180 km/h, B→A
        assertThat(sink.raised).hasSize(1);
        r.onPassage(passage(EPC, C, T0.plusSeconds(61), T0.plusSeconds(61), OBJECT), sink); // A→C has no link
        assertThat(sink.raised).hasSize(1);
    }

    @Test
    void configuredSectionsAreOneWayOverTheShortestRoad() {
        Rule r = make(Map.of("limitKmh", 100, "from", List.of("CP-A"), "to", List.of("CP-C")));
        r.onPassage(passage(EPC, A, T0, T0, OBJECT), sink);
        // 5 km over B in 150 s is 120 km/h
        r.onPassage(passage(EPC, C, T0.plusSeconds(150), T0.plusSeconds(150), OBJECT), sink);
        assertThat(sink.only().evidence()).containsEntry("distanceM", 5000L);
        r.onPassage(passage(EPC, A, T0.plusSeconds(200), T0.plusSeconds(200), OBJECT), sink); // C→A is not configured
        r.onPassage(passage(EPC, B, T0.plusSeconds(210), T0.plusSeconds(210), OBJECT), sink); // A→B is not configured
        assertThat(sink.raised).hasSize(1);
    }

    @Test
    void anOverlappingOrOutOfOrderPassageIsNoSection() {
        Rule r = make(Map.of("limitKmh", 100));
        r.onPassage(passage(EPC, A, T0, T0.plusSeconds(10), OBJECT), sink);
        r.onPassage(passage(EPC, B, T0.plusSeconds(5), T0.plusSeconds(6), OBJECT), sink);
        assertThat(sink.raised).isEmpty();
    }

    @Test
    void theSectionsStartMayHaveBeenStoredByAnotherMember() {
        Rule r = make(Map.of("limitKmh", 100));
        board.put(EPC, new Sighting(null, "CP-A", "Chaotianmen Bridge", A.lat(), A.lon(), null, T0, T0.plusSeconds(1)));
        r.onPassage(passage(EPC, B, T0.plusSeconds(91), T0.plusSeconds(92), OBJECT), sink);
        assertThat(sink.only().evidence()).containsEntry("averageKmh", 120.0);
    }

    @Test
    void refusesBadParamsNamingTheField() {
        assertThatThrownBy(() -> make(Map.of("limitKmh", 1))).hasMessageStartingWith("params.limitKmh:");
        assertThatThrownBy(() -> make(Map.of("from", List.of("CP-A"), "to", List.of()))).hasMessageStartingWith("params.to:");
        assertThatThrownBy(() -> make(Map.of("from", "CP-A", "to", "CP-A"))).hasMessageStartingWith("params.to:");
    }

    @Test
    void theDefaultRuleIsEnabledWithLimit120() {
        assertThat(factory.defaults()).singleElement().satisfies(d -> {
            assertThat(d.enabled()).isTrue();
            assertThat(d.params()).containsEntry("limitKmh", 120);
            assertThat(factory.create(d)).isNotNull();
        });
    }
}
