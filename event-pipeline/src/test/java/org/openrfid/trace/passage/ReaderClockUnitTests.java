package org.openrfid.trace.passage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.TagRead;

/**
 * The smoother's reader clock rules ({@link ReaderClockPolicy}): reads outside the bounds around their
 * receive time stay out of smoothing and the watermark; a step back is confirmed by a second read before
 * the reader is re-based; what is not a step stays late, as before.
 */
class ReaderClockUnitTests {

    private static final long T0 = 1_780_000_000_000_000L;
    private static final long SECOND = 1_000_000L;
    private static final long HOUR = 3_600 * SECOND;
    private static final RawEpc CAR = RawEpc.ofHex("3034257BF7194E4000001A85");
    private static final RawEpc VAN = RawEpc.ofHex("3034257BF7194E4000001A86");

    private final ReadPointDirectory readPoints = new ReadPointDirectory();
    private final Listener listener = new Listener();
    private final PassageSmoother smoother;

    ReaderClockUnitTests() {
        readPoints.put(ReadPoint.wholeReader("gantry", "CP-1"));
        readPoints.put(ReadPoint.wholeReader("dock", "DOCK-3"));
        smoother = new PassageSmoother(SmoothingPolicy.of(Duration.ofSeconds(2)), readPoints, epc -> null);
    }

    @Test
    void defaultsAreFiveMinutesAheadADayBehindAndAMinuteForAStepBack() {
        ReaderClockPolicy clock = SmoothingPolicy.of(Duration.ofSeconds(2)).readerClock();

        assertThat(clock).isEqualTo(ReaderClockPolicy.defaults());
        assertThat(clock.maxAhead()).isEqualTo(Duration.ofMinutes(5));
        assertThat(clock.maxBehind()).isEqualTo(Duration.ofHours(24));
        assertThat(clock.stepBack()).isEqualTo(Duration.ofMinutes(1));
        assertThat(SmoothingPolicy.of(Duration.ofSeconds(2)).withAllowedLateness(Duration.ofSeconds(3))
                .withReaderClock(new ReaderClockPolicy(Duration.ofMinutes(1), null, null)).withRegistryKinds(LocationKinds.NONE)
                .readerClock().maxAhead()).as("kept through the other with-ers").isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> new ReaderClockPolicy(Duration.ZERO, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReaderClockPolicy(null, Duration.ofHours(-1), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReadTooFarAheadOfItsReceiveTimeIsHandedOnAndKeptOutOfTheWatermark() {
        smoother.accept(read("gantry", CAR, T0 + 5 * 60 * SECOND, T0), T0, listener); // exactly the bound: accepted
        smoother.accept(read("gantry", VAN, T0 + 5 * 60 * SECOND + 1, T0), T0, listener);

        assertThat(smoother.readsAhead()).isEqualTo(1);
        assertThat(smoother.acceptedReads()).isEqualTo(1);
        assertThat(listener.refused).singleElement().satisfies(r -> {
            assertThat(r.side()).isEqualTo(OutOfBoundsRead.Side.AHEAD);
            assertThat(r.read().epc()).isEqualTo(VAN);
            assertThat(r.bound()).isEqualTo(Duration.ofMinutes(5));
            assertThat(r.detail()).contains("PT5M0.000001S ahead of");
        });
        assertThat(smoother.readerWatermarks()).containsEntry("gantry", T0 + 5 * 60 * SECOND);
    }

    @Test
    void aReadFromAResetClockFarBehindItsReceiveTimeIsHandedOn() {
        long epoch = Instants.toMicros(Instant.parse("1970-01-01T00:00:01Z"));
        smoother.accept(read("gantry", CAR, epoch, T0), T0, listener);
        smoother.accept(read("gantry", VAN, T0 - 23 * HOUR, T0), T0, listener); // a long outage's replay: kept

        assertThat(smoother.readsBehind()).isEqualTo(1);
        assertThat(listener.refused).singleElement().satisfies(r -> assertThat(r.side()).isEqualTo(OutOfBoundsRead.Side.BEHIND));
        assertThat(smoother.readerWatermarks()).containsEntry("gantry", T0 - 23 * HOUR);
    }

    @Test
    void withoutAReceiveTimeTheSmoothersWallTimeIsTheReference() {
        smoother.accept(new TagRead("gantry", 1, CAR, null, null, -5000, -1, -1, T0 + HOUR, T0 + HOUR, 1, 0), T0, listener);

        assertThat(smoother.readsAhead()).isEqualTo(1);
        assertThat(listener.refused).singleElement().satisfies(r -> assertThat(r.receivedMicros()).isEqualTo(T0));
    }

    @Test
    void aStepBackIsTakenOnTheSecondReadAndCompletesOnlyThePresencesThatReaderLastSaw() {
        smoother.accept(read("gantry", CAR, T0, T0), T0, listener);
        smoother.accept(read("dock", VAN, T0, T0), T0, listener);
        long stepped = T0 + SECOND - HOUR;

        smoother.accept(read("gantry", CAR, stepped, T0 + SECOND), T0 + SECOND, listener);
        assertThat(smoother.clockSteps()).as("one far-behind read is held, not yet a step").isZero();
        assertThat(listener.passages).isEmpty();

        smoother.accept(read("gantry", CAR, stepped + 100_000L, T0 + SECOND + 100_000L), T0 + SECOND + 100_000L, listener);
        assertThat(smoother.clockSteps()).isEqualTo(1);
        assertThat(listener.passages).as("the gantry's presence on the old clock").singleElement().satisfies(p -> {
            assertThat(p.locationId()).isEqualTo("CP-1");
            assertThat(p.firstSeen()).isEqualTo(Instants.ofMicros(T0));
            assertThat(p.reads()).isEqualTo(1);
        });
        assertThat(smoother.openPresences()).as("the dock's van and the car on the new clock").isEqualTo(2);
        assertThat(smoother.readerWatermarks()).containsEntry("gantry", stepped + 100_000L).containsEntry("dock", T0);
        assertThat(smoother.lateReads()).isZero();

        smoother.flush(listener);
        assertThat(listener.passages).filteredOn(p -> p.locationId().equals("CP-1")).extracting(Passage::reads).containsExactly(1, 2);
    }

    @Test
    void aSingleStrayReadFarBehindIsLateAndSplitsNothing() {
        for (int i = 0; i < 3; i++) {
            smoother.accept(read("gantry", CAR, T0 + i * 500_000L, T0 + i * 500_000L), T0 + i * 500_000L, listener);
        }
        smoother.accept(read("gantry", VAN, T0 - 2 * HOUR, T0 + 1_600_000L), T0 + 1_600_000L, listener); // a stray, held
        smoother.accept(read("gantry", CAR, T0 + 1_700_000L, T0 + 1_700_000L), T0 + 1_700_000L, listener); // old clock: it was a stray
        smoother.flush(listener);

        assertThat(smoother.clockSteps()).isZero();
        assertThat(smoother.lateReads()).isEqualTo(1);
        assertThat(listener.passages).singleElement().satisfies(p -> {
            assertThat(p.epc()).isEqualTo(CAR);
            assertThat(p.reads()).isEqualTo(4);
        });
    }

    @Test
    void aStepBackShorterThanTheThresholdOnlyMakesReadsLateUntilTheClockCatchesUp() {
        smoother.accept(read("gantry", CAR, T0, T0), T0, listener);
        smoother.accept(read("gantry", CAR, T0 - 30 * SECOND, T0 + SECOND), T0 + SECOND, listener);
        smoother.accept(read("gantry", CAR, T0 - 29 * SECOND, T0 + 2 * SECOND), T0 + 2 * SECOND, listener);

        assertThat(smoother.clockSteps()).isZero();
        assertThat(smoother.lateReads()).isEqualTo(2);
    }

    @Test
    void aReadHeldForAStepThatNeverComesIsCountedLateOnFlush() {
        smoother.accept(read("gantry", CAR, T0, T0), T0, listener);
        smoother.accept(read("gantry", CAR, T0 - HOUR, T0 + SECOND), T0 + SECOND, listener);
        smoother.flush(listener);

        assertThat(smoother.lateReads()).isEqualTo(1);
        assertThat(listener.passages).singleElement().satisfies(p -> assertThat(p.reads()).isEqualTo(1));
    }

    private static TagRead read(String reader, RawEpc epc, long readerMicros, long receivedMicros) {
        return new TagRead(reader, 1, epc, null, null, -5000, -1, -1, readerMicros, readerMicros, 1, receivedMicros);
    }

    private static final class Listener implements PresenceListener {
        final List<Passage> passages = new ArrayList<>();
        final List<OutOfBoundsRead> refused = new ArrayList<>();

        @Override
        public void arrived(RawEpc epc, String locationId, String readerId, Instant firstSeen) {
        }

        @Override
        public void completed(Passage passage) {
            passages.add(passage);
        }

        @Override
        public void outOfBounds(OutOfBoundsRead read) {
            refused.add(read);
        }
    }
}
