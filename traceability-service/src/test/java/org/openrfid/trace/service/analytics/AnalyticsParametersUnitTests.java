package org.openrfid.trace.service.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalyticsParametersUnitTests {

    static final Instant T0 = Instant.parse("2025-06-02T00:00:00Z");

    @Test
    void countsPartialLastIntervals() {
        Period day = new Period(T0, T0.plus(Duration.ofDays(1)));
        assertThat(Parameters.intervals(day, Duration.ofMinutes(15))).isEqualTo(96);
        assertThat(Parameters.intervals(day, Duration.ofMinutes(7))).isEqualTo(206); // 205 whole and a 5-minute rest
        assertThat(Parameters.intervals(day, Duration.parse("P1D"))).isEqualTo(1);
    }

    @Test
    void durationsAreIsoPositiveAndBounded() {
        assertThat(Parameters.duration("interval", "PT15M", null)).isEqualTo(Duration.ofMinutes(15));
        assertThatThrownBy(() -> Parameters.duration("interval", "15m", null)).hasMessageStartingWith("interval: '15m' is not an ISO-8601");
        assertThatThrownBy(() -> Parameters.duration("delta", "PT0S", null)).hasMessageStartingWith("delta:");
        assertThatThrownBy(() -> Parameters.duration("delta", "PT2H", Duration.ofHours(1))).hasMessage("delta: PT2H is longer than PT1H");
    }

    @Test
    void aRangeLongerThanTheMaximumSpanIsRefusedOnTo() {
        assertThatThrownBy(() -> Parameters.period(T0, T0.plus(Duration.ofDays(32)), Duration.ofDays(31))).hasMessageStartingWith("to:");
        assertThatThrownBy(() -> Parameters.period(T0, T0, Duration.ofDays(31))).hasMessageStartingWith("from:");
    }

    @Test
    void histogramWidthsAreRoundAndBinsDense() {
        assertThat(Histograms.niceWidth(100.0, 400.0)).isEqualTo(15);
        assertThat(Histograms.niceWidth(0.0, 7200.0)).isEqualTo(600);
        assertThat(Histograms.niceWidth(5.0, 5.0)).isEqualTo(1);
        assertThat(Histograms.dense(Map.of(2L, 3L, 4L, 1L), 10)).containsExactly(
                new TravelTimes.Bin(20, 30, 3), new TravelTimes.Bin(30, 40, 0), new TravelTimes.Bin(40, 50, 1));
    }

    @Test
    void kindsIncludeUnboundTags() {
        assertThat(Parameters.kind("library-item")).isEqualTo("LIBRARY_ITEM");
        assertThat(Parameters.kind("tag")).isEqualTo("TAG");
        assertThat(Parameters.kind(null)).isNull();
        assertThatThrownBy(() -> Parameters.kind("ship")).hasMessageStartingWith("kind:");
    }
}
