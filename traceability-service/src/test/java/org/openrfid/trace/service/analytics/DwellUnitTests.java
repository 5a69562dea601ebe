package org.openrfid.trace.service.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.privacy.Scope;

/** Dwell statistics as the travel times have them (PERCENTILE_CONT), and the kind filter on a caller's scope. */
class DwellUnitTests {

    @Test
    void percentilesInterpolateAndTheHistogramKeepsEmptyBins() {
        TravelTimes t = Dwell.of(new double[] {30, 10, 20, 40, 100}, null);
        assertThat(t.count()).isEqualTo(5);
        assertThat(t.minSeconds()).isEqualTo(10);
        assertThat(t.p10Seconds()).isEqualTo(14.0);
        assertThat(t.p50Seconds()).isEqualTo(30.0);
        assertThat(t.p90Seconds()).isEqualTo(76.0);
        assertThat(t.maxSeconds()).isEqualTo(100);
        assertThat(t.meanSeconds()).isEqualTo(40.0);
        assertThat(t.bucketWidthSeconds()).isEqualTo(5);
        assertThat(t.histogram()).hasSize(19);
        assertThat(t.histogram().get(0)).isEqualTo(new TravelTimes.Bin(10, 15, 1));
        assertThat(t.histogram().stream().mapToLong(TravelTimes.Bin::count).sum()).isEqualTo(5);
        assertThat(Dwell.of(new double[] {3, 3}, 2.0).histogram()).containsExactly(new TravelTimes.Bin(2, 4, 2));
        assertThat(Dwell.of(new double[0], null).p50Seconds()).isNull();
    }

    @Test
    void aKindNarrowsTheScopeToThatKindWhereTheCallerSeesIt() {
        Instant at = Instant.parse("2025-06-02T08:00:00Z");
        Scope customs = new Scope("c", false, Set.of("GOODS", "PALLET"), Map.of("VEHICLE", Set.of("port_gate")), at);
        assertThat(DwellController.only(customs, "PALLET").kinds()).containsExactly("PALLET");
        assertThat(DwellController.only(customs, "VEHICLE").onlyAt()).isEqualTo(Map.of("VEHICLE", Set.of("port_gate")));
        assertThat(DwellController.only(Scope.everything("admin", at), "GOODS").visibleKinds()).containsExactly("GOODS");
        assertThat(DwellController.only(customs, null)).isSameAs(customs);
    }
}
