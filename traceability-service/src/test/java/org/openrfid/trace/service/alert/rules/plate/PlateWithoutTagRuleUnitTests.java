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
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.Severity;
import org.openrfid.trace.service.registry.binding.ObjectKind;

class PlateWithoutTagRuleUnitTests {

    static final String EPC_A = "E2801160600002A000000001";
    static final String EPC_OTHER = "E2801160600002A000000009";

    final PlateFixtures.Registry registry = new PlateFixtures.Registry();
    final PlateFixtures.Alerts alerts = new PlateFixtures.Alerts();
    final String a = registry.vehicle("渝A·12345", EPC_A);
    final String other = registry.vehicle("渝C·55555", EPC_OTHER);
    PlateWithoutTagRule rule = new PlateWithoutTagRule(PlateFixtures.rule(AlertType.PLATE_WITHOUT_TAG, Map.of(), List.of()), registry);

    @BeforeEach
    void theGantryReadersAreWorking() {
        rule.onPassage(passage(EPC_OTHER, CP, T0.minusSeconds(120), T0.minusSeconds(118), other), alerts);
    }

    @Test
    void alertsWhenATaggedVehicleIsSeenByTheCameraAndItsTagIsNotRead() {
        rule.onPlateRead(read("渝A12345", CP, T0, 0.9), alerts);
        rule.onTick(T0.plusSeconds(20), alerts);
        assertThat(alerts.raised).as("held until the window and settle time have passed").isEmpty();

        rule.onTick(decided(T0), alerts);
        assertThat(alerts.raised).singleElement().satisfies(alert -> {
            assertThat(alert.type()).isEqualTo(AlertType.PLATE_WITHOUT_TAG);
            assertThat(alert.ruleId()).isEqualTo("plate-without-tag");
            assertThat(alert.severity()).isEqualTo(Severity.HIGH);
            assertThat(alert.subject()).isEqualTo(a);
            assertThat(alert.objectKind()).isEqualTo(ObjectKind.VEHICLE);
            assertThat(alert.objectId()).isEqualTo(a);
            assertThat(alert.epc()).isEqualTo(EPC_A);
            assertThat(alert.plate()).isEqualTo("渝A·12345");
            assertThat(alert.raisedAt()).isEqualTo(T0);
            assertThat(alert.evidence().get("cameraRead")).asInstanceOf(InstanceOfAssertFactories.MAP)
                    .containsEntry("plate", "渝A12345").containsEntry("camera", "cam-7").containsEntry("confidence", 0.9);
            assertThat(alert.evidence().get("vehicle")).asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("epc", EPC_A);
            assertThat(alert.evidence()).containsEntry("readerLastSeen", T0.minusSeconds(118).toString());
        });
    }

    @Test
    void noAlertWhenTheTagIsReadWithinTheWindowEvenWhenItsPassageIsStoredAfterTheRead() {
        rule.onPlateRead(read("渝A12345", CP, T0, 0.9), alerts);
        rule.onTick(T0.plusSeconds(15), alerts);
        rule.onPassage(passage(EPC_A, CP, T0.plusSeconds(3), T0.plusSeconds(6), a), alerts);

        rule.onTick(decided(T0), alerts);
        assertThat(alerts.raised).isEmpty();
    }

    @Test
    void aPassageOfTheTagCountsEvenBeforeEnrichmentKnewItsBinding() {
        rule.onPassage(passage(EPC_A, CP, T0.minusSeconds(2), T0.plusSeconds(1), null), alerts);
        rule.onPlateRead(read("渝A12345", CP, T0, 0.9), alerts);

        rule.onTick(decided(T0), alerts);
        assertThat(alerts.raised).isEmpty();
    }

    @Test
    void aTagReadOutsideTheWindowDoesNotCount() {
        rule.onPassage(passage(EPC_A, CP, T0.minusSeconds(30), T0.minusSeconds(11), a), alerts);
        rule.onPassage(passage(EPC_A, "CP-ELSEWHERE", T0, T0.plusSeconds(1), a), alerts);
        rule.onPlateRead(read("渝A12345", CP, T0, 0.9), alerts);

        rule.onTick(decided(T0), alerts);
        assertThat(alerts.raised).hasSize(1);
    }

    @Test
    void noAlertForPlatesTheRegistryDoesNotHoldOrVehiclesWithoutATag() {
        registry.vehicle("渝D·00001", null);
        rule.onPlateRead(read("渝D00001", CP, T0, 0.9), alerts);
        rule.onPlateRead(read("渝Z99999", CP, T0, 0.9), alerts);
        rule.onPlateRead(read("AB123CD", CP, T0, 0.9), alerts);

        rule.onTick(decided(T0), alerts);
        assertThat(alerts.raised).isEmpty();
    }

    @Test
    void noAlertWhereNoReaderHasStoredAPassageLately() {
        rule.onPlateRead(read("渝A12345", "CAMERA-ONLY-SITE", T0, 0.9), alerts);
        rule.onPlateRead(read("渝A12345", CP, T0.plus(Duration.ofMinutes(16)), 0.9), alerts);

        rule.onTick(decided(T0.plus(Duration.ofMinutes(16))), alerts);
        assertThat(alerts.raised).isEmpty();
    }

    @Test
    void readsBelowTheConfidenceAreIgnored() {
        rule = new PlateWithoutTagRule(PlateFixtures.rule(AlertType.PLATE_WITHOUT_TAG, Map.of("minConfidence", 0.8), List.of()), registry);
        theGantryReadersAreWorking();
        rule.onPlateRead(read("渝A12345", CP, T0, 0.79), alerts);

        rule.onTick(decided(T0), alerts);
        assertThat(alerts.raised).isEmpty();
    }

    @Test
    void aCameraReadOfAnotherRegisteredPlateOneCharacterFromATaggedPassageStillAlerts() {
        // 渝A12345 passed with its tag; the camera says 渝A12346, which is a registered, tagged vehicle: not a misread
        String b = registry.vehicle("渝A·12346", "E2801160600002A000000002");
        rule.onPassage(passage(EPC_A, CP, T0, T0.plusSeconds(2), a), alerts);
        rule.onPlateRead(read("渝A12346", CP, T0.plusSeconds(1), 0.9), alerts);

        rule.onTick(decided(T0.plusSeconds(1)), alerts);
        assertThat(alerts.raised).singleElement().satisfies(alert -> assertThat(alert.subject()).isEqualTo(b));
    }
}
