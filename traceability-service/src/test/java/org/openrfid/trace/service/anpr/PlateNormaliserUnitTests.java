package org.openrfid.trace.service.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlateNormaliserUnitTests {

    @ParameterizedTest
    @ValueSource(strings = {"渝A12345", "渝A·12345", "渝A•12345", "渝A-12345", "渝A 12345", " 渝A.12345 ", "渝Ａ１２３４５", "渝a12345",
            "渝Ａ・１２３４５", "渝A\u300012345"})
    void everySpellingOfOnePlateHasOneNormalForm(String spelling) {
        assertThat(PlateNormaliser.normalise(spelling)).isEqualTo("渝A12345");
    }

    @Test
    void recognisesChinesePlatesOrdinaryNewEnergyAndSpecial() {
        assertThat(PlateNormaliser.isChinese(PlateNormaliser.normalise("渝A12345"))).isTrue();
        assertThat(PlateNormaliser.isChinese(PlateNormaliser.normalise("渝AD12345"))).isTrue();
        assertThat(PlateNormaliser.normalise("渝ad·12345")).isEqualTo("渝AD12345");
        assertThat(PlateNormaliser.isChinese("渝A1234警")).isTrue();
        assertThat(PlateNormaliser.isChinese("粤Z1234港")).isTrue();
        assertThat(PlateNormaliser.isChinese("京A1234学")).isTrue();
        assertThat(PlateNormaliser.isChinese("沪A1234挂")).isTrue();
        assertThat(PlateNormaliser.isChinese("渝A123")).isFalse();
        assertThat(PlateNormaliser.isChinese("AB12345")).isFalse();
    }

    @Test
    void acceptsForeignAndUnusualPlatesWithinTwoToTwelveCharacters() {
        assertThat(PlateNormaliser.normalise("ab-123-cd")).isEqualTo("AB123CD");
        assertThat(PlateNormaliser.normalise("HK 1234")).isEqualTo("HK1234");
        assertThat(PlateNormaliser.normalise("使 123456")).isEqualTo("使123456");
        assertThat(PlateNormaliser.normalise("AB")).isEqualTo("AB");
        assertThat(PlateNormaliser.isChinese("AB123CD")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "A", "·-·", "渝A12345!", "<script>", "ABCDEFGHIJKLM", "渝A😀2345", "渝A\u000012345"})
    void refusesWhatIsNoPlate(String garbage) {
        assertThatThrownBy(() -> PlateNormaliser.normalise(garbage)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> PlateNormaliser.normalise(null)).hasMessage("is required");
    }

    @Test
    void tellsSpellingsOfOnePlateApart() {
        assertThat(PlateNormaliser.same("渝A·12345", "渝ａ１２３４５")).isTrue();
        assertThat(PlateNormaliser.same("渝A12345", "渝A12346")).isFalse();
        assertThat(PlateNormaliser.same("渝A12345", "!!")).isFalse();
    }
}
