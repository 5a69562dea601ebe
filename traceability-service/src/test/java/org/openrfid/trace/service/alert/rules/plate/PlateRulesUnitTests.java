package org.openrfid.trace.service.alert.rules.plate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.Severity;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.alert.rule.RuleFactory;

class PlateRulesUnitTests {

    final PlateFixtures.Registry registry = new PlateFixtures.Registry();
    final RuleFactory mismatch = PlateRules.mismatch(() -> registry);
    final RuleFactory withoutTag = PlateRules.withoutTag(() -> registry);

    @Test
    void aFreshInstallationStartsWithOneEnabledHighRuleOfEach() {
        assertThat(mismatch.type()).isEqualTo(AlertType.PLATE_MISMATCH);
        assertThat(withoutTag.type()).isEqualTo(AlertType.PLATE_WITHOUT_TAG);
        assertThat(mismatch.defaults()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("plate-mismatch");
            assertThat(d.enabled()).isTrue();
            assertThat(d.severity()).isEqualTo(Severity.HIGH);
            assertThat(d.params()).containsEntry("window", "PT10S").containsEntry("minConfidence", 0.6);
        });
        assertThat(withoutTag.defaults()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("plate-without-tag");
            assertThat(d.type()).isEqualTo(AlertType.PLATE_WITHOUT_TAG);
        });
        assertThat(mismatch.create(mismatch.defaults().get(0))).isInstanceOf(PlateMismatchRule.class);
        assertThat(withoutTag.create(withoutTag.defaults().get(0))).isInstanceOf(PlateWithoutTagRule.class);
    }

    @Test
    void refusesBadParamsNamingTheField() {
        assertThatThrownBy(() -> mismatch.create(rule(Map.of("window", "ten seconds")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("params.window:");
        assertThatThrownBy(() -> mismatch.create(rule(Map.of("window", "PT1H")))).hasMessageStartingWith("params.window:");
        assertThatThrownBy(() -> mismatch.create(rule(Map.of("minConfidence", 1.5)))).hasMessageStartingWith("params.minConfidence:");
        assertThatThrownBy(() -> mismatch.create(rule(Map.of("minConfidence", "high")))).hasMessageStartingWith("params.minConfidence:");
        assertThatThrownBy(() -> mismatch.create(rule(Map.of("maxEditDistance", 1.5)))).hasMessageStartingWith("params.maxEditDistance:");
        assertThatThrownBy(() -> mismatch.create(rule(Map.of("maxEditDistance", 4)))).hasMessageStartingWith("params.maxEditDistance:");
        assertThatThrownBy(() -> mismatch.create(rule(Map.of("settle", "-PT1S")))).hasMessageStartingWith("params.settle:");
        assertThatThrownBy(() -> withoutTag.create(new RuleDefinition("x", AlertType.PLATE_WITHOUT_TAG, true, null,
                Map.of("readerActiveWithin", "PT0S"), List.of(), null))).hasMessageStartingWith("params.readerActiveWithin:");
        assertThat(mismatch.create(rule(Map.of("window", 5, "minConfidence", "0.8", "maxEditDistance", 2)))).isNotNull();
    }

    @Test
    void editDistanceCountsCharactersNotBytes() {
        assertThat(EditDistance.between("渝A12345", "川A12345", 3)).isEqualTo(1);
        assertThat(EditDistance.between("渝A12345", "渝A1234", 3)).isEqualTo(1);
        assertThat(EditDistance.between("渝A12345", "渝A12345", 3)).isZero();
        assertThat(EditDistance.between("渝A12345", "沪B99999", 1)).isEqualTo(2);
        assertThat(EditDistance.between("AB", "ABCDEFG", 2)).isEqualTo(3);
    }

    private static RuleDefinition rule(Map<String, Object> params) {
        return new RuleDefinition("r", AlertType.PLATE_MISMATCH, true, Severity.HIGH, params, List.of(), null);
    }
}
