package org.openrfid.trace.web.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SampleRingUnitTests {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void keepsSamplesOldestFirst() {
        SampleRing ring = new SampleRing(4);
        ring.add(sample(0));
        ring.add(sample(1));
        ring.add(sample(2));

        assertThat(ring.samples()).extracting(PipelineSample::readsPerSecond).containsExactly(0.0, 1.0, 2.0);
    }

    @Test
    void aFullRingDropsTheOldest() {
        SampleRing ring = new SampleRing(3);
        for (int i = 0; i < 7; i++) {
            ring.add(sample(i));
        }

        assertThat(ring.samples()).hasSize(3).extracting(PipelineSample::at)
                .containsExactly(T0.plusSeconds(20), T0.plusSeconds(25), T0.plusSeconds(30));
    }

    @Test
    void whatItHandsOutDoesNotChangeWithLaterSamples() {
        SampleRing ring = new SampleRing(2);
        ring.add(sample(0));
        var before = ring.samples();
        ring.add(sample(1));
        ring.add(sample(2));

        assertThat(before).extracting(PipelineSample::readsPerSecond).containsExactly(0.0);
    }

    @Test
    void refusesARingThatHoldsNothing() {
        assertThatThrownBy(() -> new SampleRing(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static PipelineSample sample(int i) {
        return new PipelineSample(T0.plusSeconds(5L * i), i, i / 10.0, 0.2);
    }
}
