package org.openrfid.trace.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageSmoother;
import org.openrfid.trace.passage.ReadPoint;
import org.openrfid.trace.passage.ReadPointDirectory;
import org.openrfid.trace.passage.SmoothingPolicy;
import org.openrfid.trace.pipeline.ReaderClockRoutesUnitTests.MovableClock;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.TagRead;
import org.openrfid.trace.reader.TagReadBatch;

/**
 * When the smoothing stage checks quiet presences (issue 15: a passage must reach the dashboards within tens of
 * milliseconds of its window closing): on the ticks once traffic stops, and on batches while it flows, also
 * after the wall clock stepped back.
 */
class SmoothingStageUnitTests {

    static final RawEpc CAR = RawEpc.ofHex("3034257BF7194E4000001A85");
    static final RawEpc VAN = RawEpc.ofHex("3034257BF7194E4000001A86");

    final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T08:00:00Z"));
    final SmoothingStage stage;

    SmoothingStageUnitTests() {
        ReadPointDirectory directory = new ReadPointDirectory();
        directory.put(new ReadPoint("gantry", 1, "CP-1", Direction.IN, 1));
        // 2 s silence, 1 s allowed lateness: a lone read completes 3 s after it on the wall clock
        stage = new SmoothingStage(new PassageSmoother(SmoothingPolicy.of(Duration.ofSeconds(2)), directory, epc -> null), clock,
                new PipelineCounters());
    }

    TagReadBatch readNow(RawEpc epc) {
        long t = clock.micros();
        return new TagReadBatch("gantry", List.of(new TagRead("gantry", 1, epc, null, null, -5000, -1, -1, t, t, 1, t)));
    }

    @Test
    void theLastPassageBeforeALullClosesOnTheFirstTickPastItsWindow() {
        stage.onBatch(readNow(CAR));
        clock.move(Duration.ofMillis(2_990));
        assertThat(stage.onTick(new Tick(clock.micros())).passages()).as("inside silence + lateness").isEmpty();
        clock.move(Duration.ofMillis(20)); // the next tick (PipelineEndpoints.TICK_MILLIS)
        assertThat(stage.onTick(new Tick(clock.micros())).passages()).extracting(Passage::epc).containsExactly(CAR);
    }

    @Test
    void batchesGoOnClosingPassagesAfterTheWallClockSteppedBack() {
        stage.onBatch(readNow(CAR));
        clock.move(Duration.ofMillis(20));
        stage.onBatch(readNow(VAN)); // the stage checks here, at wall time t0 + 20 ms
        clock.move(Duration.ofSeconds(-30)); // NTP steps the server's clock back
        List<Passage> out = new ArrayList<>();
        // the reader's own clock goes on: its reads 4 s later put its watermark past the car's window
        long readerTime = clock.micros() + Duration.ofSeconds(34).toNanos() / 1000;
        for (int i = 0; i < 5; i++) {
            long t = readerTime + i * 10_000L;
            out.addAll(stage.onBatch(new TagReadBatch("gantry", List.of(new TagRead("gantry", 1, VAN, null, null, -5000, -1, -1, t, t, 1,
                    clock.micros())))).passages());
            clock.move(Duration.ofMillis(10));
        }
        assertThat(out).extracting(Passage::epc).as("completed while the wall clock is behind the last check").contains(CAR);
    }
}
