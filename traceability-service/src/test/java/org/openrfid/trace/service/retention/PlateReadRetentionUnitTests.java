package org.openrfid.trace.service.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.anpr.PlateRead;
import org.openrfid.trace.service.anpr.PlateReadQuery;
import org.openrfid.trace.service.anpr.PlateReads;
import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.service.registry.binding.ObjectKind;

/** Camera plate reads go in the retention run, on the vehicle policy's periods. */
class PlateReadRetentionUnitTests {

    static final Instant NOW = Instant.parse("2026-11-24T02:30:00Z");
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final List<Instant[]> calls = new ArrayList<>();
    final PlateReads plates = new PlateReads() {
        @Override
        public List<PlateRead> saveAll(Collection<PlateRead> reads) {
            return List.of();
        }

        @Override
        public List<PlateRead> find(PlateReadQuery query, Scope scope, PageKey after, int limit) {
            return List.of();
        }

        @Override
        public long deleteOlderThan(Instant cutoff, Instant watchlistedCutoff, Instant now) {
            calls.add(new Instant[] {cutoff, watchlistedCutoff, now});
            return 7;
        }
    };

    @Test
    void deletesPlateReadsOlderThanTheVehiclePolicyAndWatchlistedOnesAfterItsLongerPeriod() {
        RetentionJob job = job(List.of(new RetentionPolicy(ObjectKind.VEHICLE, 30, RetentionPolicy.Action.ANONYMISE, 90),
                new RetentionPolicy(null, 7, RetentionPolicy.Action.DROP, 7)));

        RetentionReport report = job.run(RetentionJob.Trigger.MANUAL).orElseThrow();

        assertThat(report.plateReadsDeleted()).isEqualTo(7);
        assertThat(calls).singleElement().satisfies(c -> assertThat(c)
                .containsExactly(NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(90)), NOW));
    }

    @Test
    void keepsPlateReadsWhenNoVehiclePolicyIsSet() {
        RetentionReport report = job(List.of(new RetentionPolicy(ObjectKind.GOODS, 30, RetentionPolicy.Action.DROP, 30)))
                .run(RetentionJob.Trigger.MANUAL).orElseThrow();

        assertThat(report.plateReadsDeleted()).isZero();
        assertThat(calls).isEmpty();
    }

    private RetentionJob job(List<RetentionPolicy> policies) {
        return new RetentionJob(p -> new PassageRetention.Result(0, 0, 0), plates, policies, RunGuard.local(), clock, "test",
                new SimpleMeterRegistry());
    }
}
