package org.openrfid.trace.service.alert.rules.category;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openrfid.trace.service.alert.rules.RuleFixtures.passage;
import static org.openrfid.trace.service.alert.rules.RuleFixtures.place;
import static org.openrfid.trace.service.alert.rules.RuleFixtures.rule;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.alert.AlertCandidate;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.rule.Rule;
import org.openrfid.trace.service.alert.rules.LocationParents;
import org.openrfid.trace.service.alert.rules.RuleFixtures.Sink;
import org.openrfid.trace.service.alert.rules.VehicleLookup;
import org.openrfid.trace.service.location.LocationInfo;
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.vehicle.Vehicle;
import org.openrfid.trace.service.registry.vehicle.Vehicles;

class CategoryRestrictionRuleUnitTests {

    static final UUID COACH = UUID.fromString("00000000-0000-4000-8000-00000000000c");
    static final UUID CAR = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    static final UUID TANKER = UUID.fromString("00000000-0000-4000-8000-00000000000d");
    static final LocationInfo CENTRE = place("CP-1", "Jiefangbei", "checkpoint", 29.557, 106.577);
    static final LocationInfo CENTRE_LANE = place("CP-1-L1", "Jiefangbei lane 1", "lane", 29.557, 106.577);
    static final LocationInfo OUTSIDE = place("CP-9", "Airport road", "checkpoint", 29.72, 106.64);
    /** A box round the city centre (lon lat). */
    static final String CENTRE_AREA = "POLYGON((106.55 29.54, 106.60 29.54, 106.60 29.57, 106.55 29.57, 106.55 29.54))";

    final Map<String, Vehicle> registry = new HashMap<>(Map.of(
            COACH.toString(), new Vehicle(COACH, "渝A12345", "01", "yellow", "K11", "LVSX16564HG669910", "active", null),
            CAR.toString(), new Vehicle(CAR, "渝B12345", "02", "blue", "K33", "LS5JFVA31LK991305", "active", null),
            TANKER.toString(), new Vehicle(TANKER, "渝C12345", "01", "yellow", "H14", "LFVJNERW3HJ253063", "active", null)));
    final VehicleLookup vehicles = id -> Optional.ofNullable(registry.get(id));
    final LocationParents parents = id -> id.equals("CP-1-L1") ? "CP-1" : null;
    final CategoryRestrictionRuleFactory factory = new CategoryRestrictionRuleFactory(parents, vehicles);
    final Sink sink = new Sink();

    static BoundObject vehicle(UUID id) {
        return new BoundObject(ObjectKind.VEHICLE, id.toString());
    }

    /** Shanghai local time on Monday 2 March 2026. */
    static Instant at(String localTime) {
        return Instant.parse("2026-03-02T" + localTime + ":00+08:00");
    }

    Rule morningCoaches(List<String> locations, String area) {
        return factory.create(rule(AlertType.CATEGORY_RESTRICTION,
                Map.of("vehicleTypes", List.of("coach", "dangerous_goods"), "from", "07:00", "to", "09:00"), locations, area));
    }

    @Test
    void alertsWhenARestrictedTypePassesAListedCheckpointDuringTheHours() {
        Rule r = morningCoaches(List.of("CP-1"), null);
        r.onPassage(passage("01", CENTRE_LANE, at("07:42"), at("07:42"), vehicle(COACH)), sink);
        AlertCandidate a = sink.only();
        assertThat(a.type()).isEqualTo(AlertType.CATEGORY_RESTRICTION);
        assertThat(a.plate()).isEqualTo("渝A·12345");
        assertThat(a.subject()).isEqualTo("VEHICLE:" + COACH);
        assertThat(a.summary()).isEqualTo("Vehicle 渝A·12345 (type K11) passed Jiefangbei lane 1 at 07:42 during its restricted hours"
                + " 07:00–09:00 (Asia/Shanghai).");
        assertThat(a.evidence()).containsEntry("vehicleType", "K11");
    }

    @Test
    void oneMinuteOutsideTheHoursIsNoAlert() {
        Rule r = morningCoaches(List.of("CP-1"), null);
        r.onPassage(passage("01", CENTRE, at("06:59"), at("06:59"), vehicle(COACH)), sink);
        r.onPassage(passage("01", CENTRE, at("09:00"), at("09:00"), vehicle(COACH)), sink);
        assertThat(sink.raised).isEmpty();
        r.onPassage(passage("01", CENTRE, at("08:59"), at("08:59"), vehicle(COACH)), sink);
        assertThat(sink.raised).hasSize(1);
    }

    @Test
    void otherTypesAndOtherPlacesAreNoAlert() {
        Rule r = morningCoaches(List.of("CP-1"), null);
        r.onPassage(passage("02", CENTRE, at("08:00"), at("08:00"), vehicle(CAR)), sink);
        r.onPassage(passage("01", OUTSIDE, at("08:00"), at("08:00"), vehicle(COACH)), sink);
        r.onPassage(passage("03", CENTRE, at("08:00"), at("08:00"), null), sink);
        assertThat(sink.raised).isEmpty();
        r.onPassage(passage("04", CENTRE, at("08:00"), at("08:00"), vehicle(TANKER)), sink);
        assertThat(sink.only().evidence()).containsEntry("vehicleType", "H14");
    }

    @Test
    void anAreaPolygonRestrictsEveryLocationInsideIt() {
        Rule r = morningCoaches(List.of(), CENTRE_AREA);
        r.onPassage(passage("01", OUTSIDE, at("08:00"), at("08:00"), vehicle(COACH)), sink);
        assertThat(sink.raised).isEmpty();
        r.onPassage(passage("01", CENTRE, at("08:00"), at("08:00"), vehicle(COACH)), sink);
        assertThat(sink.raised).hasSize(1);
    }

    @Test
    void hoursOverMidnightBelongToTheDayTheyStart() {
        Rule r = factory.create(rule(AlertType.CATEGORY_RESTRICTION,
                Map.of("vehicleTypes", "heavy_truck,H14", "from", "22:00", "to", "06:00", "days", List.of("SUN")), List.of(), null));
        // Monday 02:00 belongs to Sunday night's window; Monday 23:00 to Monday's, not restricted
        r.onPassage(passage("04", CENTRE, at("02:00"), at("02:00"), vehicle(TANKER)), sink);
        r.onPassage(passage("04", CENTRE, at("23:00"), at("23:00"), vehicle(TANKER)), sink);
        r.onPassage(passage("04", CENTRE, at("06:00"), at("06:00"), vehicle(TANKER)), sink);
        assertThat(sink.raised).singleElement().satisfies(a -> assertThat(a.raisedAt()).isEqualTo(at("02:00")));
    }

    @Test
    void vehicleLookupsAreCached() {
        AtomicInteger finds = new AtomicInteger();
        Vehicles registryPort = new Vehicles() {
            @Override
            public void save(java.util.Collection<Vehicle> v) {
            }

            @Override
            public Optional<Vehicle> find(UUID id) {
                finds.incrementAndGet();
                return Optional.ofNullable(registry.get(id.toString()));
            }

            @Override
            public Optional<Vehicle> findByPlate(String plate) {
                return Optional.empty();
            }

            @Override
            public Map<String, Vehicle> findByVins(java.util.Collection<String> vins) {
                return Map.of();
            }

            @Override
            public List<Vehicle> page(String afterPlate, int limit) {
                return List.of();
            }

            @Override
            public long count() {
                return 0;
            }
        };
        VehicleLookup cached = VehicleLookup.cached(registryPort, 100, java.time.Duration.ofMinutes(1));
        Rule r = new CategoryRestrictionRuleFactory(parents, cached).create(rule(AlertType.CATEGORY_RESTRICTION,
                Map.of("vehicleTypes", "K11"), List.of(), null));
        for (int i = 0; i < 5; i++) {
            r.onPassage(passage("01", CENTRE, at("08:00"), at("08:00"), vehicle(COACH)), sink);
        }
        assertThat(sink.raised).hasSize(5);
        assertThat(finds).hasValue(1);
    }

    @Test
    void refusesBadParamsNamingTheField() {
        assertThatThrownBy(() -> factory.create(rule(AlertType.CATEGORY_RESTRICTION, Map.of())))
                .hasMessageStartingWith("params.vehicleTypes:");
        assertThatThrownBy(() -> factory.create(rule(AlertType.CATEGORY_RESTRICTION, Map.of("vehicleTypes", "tractors"))))
                .hasMessageStartingWith("params.vehicleTypes:");
        assertThatThrownBy(() -> factory.create(rule(AlertType.CATEGORY_RESTRICTION, Map.of("vehicleTypes", "K11", "from", "07:00"))))
                .hasMessageStartingWith("params.to:");
        assertThatThrownBy(() -> factory.create(rule(AlertType.CATEGORY_RESTRICTION,
                Map.of("vehicleTypes", "K11", "from", "7 am", "to", "09:00")))).hasMessageStartingWith("params.from:");
        assertThatThrownBy(() -> factory.create(rule(AlertType.CATEGORY_RESTRICTION, Map.of("vehicleTypes", "K11", "days", "someday"))))
                .hasMessageStartingWith("params.days:");
        assertThatThrownBy(() -> factory.create(rule(AlertType.CATEGORY_RESTRICTION, Map.of("vehicleTypes", "K11", "zone", "Mars/Base"))))
                .hasMessageStartingWith("params.zone:");
        assertThatThrownBy(() -> factory.create(rule(AlertType.CATEGORY_RESTRICTION, Map.of("vehicleTypes", "K11"), List.of(),
                "POINT(106 29)"))).hasMessageStartingWith("area:");
    }

    @Test
    void namedCategoriesStandForTheirCodes() {
        assertThat(VehicleCategories.codes("vehicleTypes", List.of("school_bus"))).containsExactlyInAnyOrder("K18", "K28", "K38");
        assertThat(VehicleCategories.codes("vehicleTypes", List.of("liangke_yiwei"))).contains("K11", "K21", "H14").doesNotContain("K33");
        assertThat(VehicleCategories.codes("vehicleTypes", List.of("h1a"))).containsExactly("H1A");
    }

    @Test
    void thereIsNoDefaultRule() {
        assertThat(factory.defaults()).isEmpty();
    }
}
