package org.openrfid.trace.reader.llrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The status's reads per second, on a clock the test moves. */
class ReadRateMeterUnitTests {

    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final ReadRateMeter meter = new ReadRateMeter(nanos::get);

    @Test
    void rateIsMeasuredOverWholeWindowsOfAtLeastASecond() {
        meter.add(300);
        nanos.addAndGet(500_000_000L);
        assertThat(meter.perSecond()).as("window still open").isZero();
        nanos.addAndGet(1_000_000_000L);
        assertThat(meter.perSecond()).isEqualTo(200.0);
        assertThat(meter.total()).isEqualTo(300);
    }

    @Test
    void rateFallsToZeroWhenReadsStop() {
        meter.add(100);
        nanos.addAndGet(1_000_000_000L);
        meter.tick();
        assertThat(meter.perSecond()).isEqualTo(100.0);
        nanos.addAndGet(1_000_000_000L);
        assertThat(meter.perSecond()).isZero();
        assertThat(meter.total()).isEqualTo(100);
    }
}
