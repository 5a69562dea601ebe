package org.openrfid.trace.service.alert.rules.plate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrfid.trace.service.alert.rules.plate.PlateFixtures.CP;
import static org.openrfid.trace.service.alert.rules.plate.PlateFixtures.T0;
import static org.openrfid.trace.service.alert.rules.plate.PlateFixtures.decided;
import static org.openrfid.trace.service.alert.rules.plate.PlateFixtures.passage;
import static org.openrfid.trace.service.alert.rules.plate.PlateFixtures.read;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.alert.AlertCandidate;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.Severity;
import org.openrfid.trace.service.registry.binding.ObjectKind;

class PlateMismatchRuleUnitTests {

    static final String EPC_A = "E2801160600002A000000001";
    static final String EPC_C = "E2801160600002A000000003";

    final PlateFixtures.Registry registry = new PlateFixtures.Registry();
    final PlateFixtures.Alerts alerts = new PlateFixtures.Alerts();
    final String a = registry.vehicle("渝A·12345", EPC_A);
    final String c = registry.vehicle("渝C·55555", EPC_C);
    PlateMismatchRule rule = new PlateMismatchRule(PlateFixtures.rule(AlertType.PLATE_MISMATCH, Map.of(), List.of()), registry);

    @Test
    void alertsWhenTheCameraReadsAnotherPlateThanTheEPlatesVehicleOnceTheWindowHasPassed() {
        rule.onPlateRead(read("渝B67890", CP, T0, 0.95), alerts);
        rule.onPassage(passage(EPC_A, CP, T0.minusSeconds(1), T0.plusSeconds(2), a), alerts);

        rule.onTick(T0.plusSeconds(5), alerts);
        assertThat(alerts.raised).as("held until the window and settle time have passed").isEmpty();

        rule.onTick(decided(T0), alerts);
        assertThat(alerts.raised).singleElement().satisfies(alert -> {
            assertThat(alert.type()).isEqualTo(AlertType.PLATE_MISMATCH);
            assertThat(alert.ruleId()).isEqualTo("plate-mismatch");
            assertThat(alert.severity()).isEqualTo(Severity.HIGH);
            assertThat(alert.subject()).isEqualTo(a);
            assertThat(alert.objectKind()).isEqualTo(ObjectKind.VEHICLE);
            assertThat(alert.objectId()).isEqualTo(a);
            assertThat(alert.epc()).isEqualTo(EPC_A);
            assertThat(alert.plate()).isEqualTo("渝A·12345");
            assertThat(alert.raisedAt()).isEqualTo(T0);
            assertThat(alert.locationId()).isEqualTo(CP);
            assertThat(alert.summary()).contains("渝B67890", "渝A·12345");
            assertThat(alert.evidence().get("cameraRead")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("plate", "渝B67890").containsEntry("camera", "cam-7").containsEntry("confidence", 0.95)
                    .containsEntry("time", T0.toString());
            assertThat(alert.evidence().get("passages")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                    .singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("epc", EPC_A).containsEntry("boundPlate", "渝A·12345").containsEntry("firstSeen", T0.minusSeconds(1).toString())
                    .containsKey("id");
        });
        rule.onTick(decided(T0).plusSeconds(60), alerts);
        assertThat(alerts.raised).as("decided once").hasSize(1);
    }

    @Test
    void noAlertWhenTheCameraReadsTheEPlatesVehicleWhateverTheOrderTheyArriveIn() {
        rule.onPassage(passage(EPC_A, CP, T0.minusSeconds(3), T0.minusSeconds(1), a), alerts);
        rule.onPlateRead(read("渝A12345", CP, T0, 0.9), alerts);
        rule.onPlateRead(read("渝C55555", CP, T0.plusSeconds(20), 0.9), alerts);
        // the passage is stored seconds after the read, when the tag's presence closes
        rule.onTick(T0.plusSeconds(28), alerts);
        rule.onPassage(passage(EPC_C, CP, T0.plusSeconds(19), T0.plusSeconds(23), c), alerts);

        rule.onTick(decided(T0.plusSeconds(20)), alerts);
        assertThat(alerts.raised).isEmpty();
    }

    @Test
    void aMisreadWithinToleranceIsTheSameVehicle() {
        rule.onPassage(passage(EPC_A, CP, T0, T0.plusSeconds(2), a), alerts);
        rule.onPlateRead(read("渝A12346", CP, T0.plusSeconds(1), 0.9), alerts);
        rule.onPlateRead(read("渝A1234", CP, T0.plusSeconds(1), 0.9), alerts); // a character lost

        rule.onTick(decided(T0.plusSeconds(1)), alerts);
        assertThat(alerts.raised).isEmpty();
    }

    @Test
    void aPlateOneCharacterOffIsAMismatchWhenAnotherRegisteredVehicleHasIt() {
        String b = registry.vehicle("渝A·12346", null);
        rule.onPassage(passage(EPC_A, CP, T0, T0.plusSeconds(2), a), alerts);
        rule.onPlateRead(read("渝A12346", CP, T0.plusSeconds(1), 0.9), alerts);

        rule.onTick(decided(T0.plusSeconds(1)), alerts);
        assertThat(alerts.raised).singleElement().satisfies(alert -> {
            assertThat(alert.subject()).isEqualTo(a);
            assertThat(alert.evidence()).containsEntry("cameraPlateRegisteredTo", b).containsEntry("editDistance", 1);
            assertThat(alert.summary()).contains("another registered vehicle");
        });
    }

    @Test
    void toleranceZeroTakesEveryOtherPlateAsAMismatch() {
        rule = new PlateMismatchRule(PlateFixtures.rule(AlertType.PLATE_MISMATCH, Map.of("maxEditDistance", 0), List.of()), registry);
        rule.onPassage(passage(EPC_A, CP, T0, T0.plusSeconds(2), a), alerts);
        rule.onPlateRead(read("渝A12346", CP, T0.plusSeconds(1), 0.9), alerts);

        rule.onTick(decided(T0.plusSeconds(1)), alerts);
        assertThat(alerts.raised).hasSize(1);
    }

    @Test
    void passagesOutsideTheWindowAreNotCompared() {
        rule.onPassage(passage(EPC_A, CP, T0.minusSeconds(20), T0.minusSeconds(11), a), alerts);
        rule.onPassage(passage(EPC_C, CP, T0.plusSeconds(11), T0.plusSeconds(12), c), alerts);
        rule.onPlateRead(read("渝B67890", CP, T0, 0.9), alerts);

        rule.onTick(decided(T0), alerts);
        assertThat(alerts.raised).isEmpty();
    }

    @Test
    void aWiderWindowComparesThem() {
        rule = new PlateMismatchRule(PlateFixtures.rule(AlertType.PLATE_MISMATCH, Map.of("window", "PT15S"), List.of()), registry);
        rule.onPassage(passage(EPC_A, CP, T0.minusSeconds(20), T0.minusSeconds(11), a), alerts);
        rule.onPlateRead(read("渝B67890", CP, T0, 0.9), alerts);

        rule.onTick(decided(T0).plusSeconds(5), alerts);
        assertThat(alerts.raised).hasSize(1);
    }

    @Test
    void readsBelowTheConfidenceAreIgnored() {
        rule.onPassage(passage(EPC_A, CP, T0, T0.plusSeconds(2), a), alerts);
        rule.onPlateRead(read("渝B67890", CP, T0.plusSeconds(1), 0.59), alerts);

        rule.onTick(decided(T0.plusSeconds(1)), alerts);
        assertThat(alerts.raised).isEmpty();
        assertThat(rule.pairing().held()).isZero();
    }

    @Test
    void readsWithoutAConfidenceAreBelieved() {
        rule.onPassage(passage(EPC_A, CP, T0, T0.plusSeconds(2), a), alerts);
        rule.onPlateRead(read("渝B67890", CP, T0.plusSeconds(1), Double.NaN), alerts);

        rule.onTick(decided(T0.plusSeconds(1)), alerts);
        assertThat(alerts.raised).singleElement().satisfies(alert -> assertThat(alert.evidence().get("cameraRead"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("confidence", null));
    }

    @Test
    void anUnboundTagIsNotCompared() {
        rule.onPassage(passage("E2801160600002A0000000FF", CP, T0, T0.plusSeconds(2), null), alerts);
        rule.onPlateRead(read("渝B67890", CP, T0.plusSeconds(1), 0.9), alerts);

        rule.onTick(decided(T0.plusSeconds(1)), alerts);
        assertThat(alerts.raised).isEmpty();
    }

    @Test
    void atAMultiLaneGantryEachCameraReadMatchesItsOwnPassage() {
        rule.onPassage(passage(EPC_A, CP, T0, T0.plusSeconds(2), a), alerts);
        rule.onPassage(passage(EPC_C, CP, T0.plusSeconds(1), T0.plusSeconds(3), c), alerts);
        rule.onPlateRead(read("渝C55555", CP, T0, 0.9), alerts);
        rule.onPlateRead(read("渝A12345", CP, T0.plusSeconds(2), 0.9), alerts);
        // a third car without a tag in the next lane is not a mismatch of the two tagged ones
        rule.onPlateRead(read("渝D00001", CP, T0.plusSeconds(1), 0.9), alerts);

        rule.onTick(decided(T0.plusSeconds(2)), alerts);
        assertThat(alerts.raised).isEmpty();
    }

    @Test
    void atAMultiLaneGantryTheUnexplainedPassageIsTheMismatch() {
        rule.onPassage(passage(EPC_A, CP, T0, T0.plusSeconds(2), a), alerts);
        rule.onPassage(passage(EPC_C, CP, T0.plusSeconds(1), T0.plusSeconds(3), c), alerts);
        rule.onPlateRead(read("渝A12345", CP, T0.plusSeconds(1), 0.9), alerts);
        rule.onPlateRead(read("渝X99999", CP, T0.plusSeconds(2), 0.9), alerts);

        rule.onTick(decided(T0.plusSeconds(2)), alerts);
        assertThat(alerts.raised).singleElement().satisfies(alert -> {
            assertThat(alert.subject()).isEqualTo(c);
            assertThat(alert.plate()).isEqualTo("渝C·55555");
        });
    }

    @Test
    void looksOnlyAtItsLocations() {
        rule = new PlateMismatchRule(PlateFixtures.rule(AlertType.PLATE_MISMATCH, Map.of(), List.of("CP-OTHER")), registry);
        rule.onPassage(passage(EPC_A, CP, T0, T0.plusSeconds(2), a), alerts);
        rule.onPlateRead(read("渝B67890", CP, T0.plusSeconds(1), 0.9), alerts);

        rule.onTick(decided(T0.plusSeconds(1)), alerts);
        assertThat(alerts.raised).isEmpty();
        assertThat(rule.pairing().kept()).isZero();
    }

    @Test
    void keepsItsStateBoundedInSizeAndTime() {
        rule = new PlateMismatchRule(PlateFixtures.rule(AlertType.PLATE_MISMATCH, Map.of("maxHeld", 100), List.of()), registry);
        for (int i = 0; i < 1_000; i++) {
            rule.onPassage(passage(EPC_A, CP, T0.plusMillis(i), T0.plusMillis(i + 1), a), alerts);
            rule.onPlateRead(read("渝B" + (10000 + i), CP, T0.plusMillis(i), 0.9), alerts);
        }
        assertThat(rule.pairing().held()).isLessThanOrEqualTo(100);
        assertThat(rule.pairing().kept()).isLessThanOrEqualTo(200);
        assertThat(alerts.raised).as("reads beyond the limit are decided early, not dropped").isNotEmpty();

        rule.onTick(T0.plus(Duration.ofMinutes(10)), alerts);
        assertThat(rule.pairing().held()).isZero();
        assertThat(rule.pairing().kept()).isZero();
        assertThat(alerts.raised).extracting(AlertCandidate::subject).containsOnly(a);
    }
}
