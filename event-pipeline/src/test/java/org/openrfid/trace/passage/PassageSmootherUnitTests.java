package org.openrfid.trace.passage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.TagRead;

class PassageSmootherUnitTests {

    private static final long T0 = 1_700_000_000_000_000L;
    private static final RawEpc CAR = RawEpc.ofHex("3034257BF7194E4000001A85");
    private static final RawEpc VAN = RawEpc.ofHex("3034257BF7194E4000001A86");

    private final ReadPointDirectory readPoints = new ReadPointDirectory();
    private final Recorder recorder = new Recorder();
    private final PassageSmoother smoother;

    PassageSmootherUnitTests() {
        readPoints.put(new ReadPoint("gantry-1", 1, "CP-1", Direction.IN, 1));
        readPoints.put(new ReadPoint("gantry-1", 2, "CP-1", Direction.IN, 2));
        readPoints.put(ReadPoint.wholeReader("dock", "DOCK-3"));
        smoother = new PassageSmoother(SmoothingPolicy.of(Duration.ofSeconds(2)), readPoints, epc -> "urn:test:" + epc.toHex());
    }

    @Test
    void collapsesRepeatedReadsWithinWindowIntoOnePassage() {
        for (int i = 0; i < 30; i++) {
            smoother.accept(read("gantry-1", 1 + i % 2, CAR, T0 + i * 50_000L, -7000 + i * 10), T0, recorder);
        }
        smoother.advance(T0 + 30 * 50_000L + 2_000_001L, recorder);

        assertThat(recorder.arrivals).containsExactly("CP-1");
        assertThat(recorder.passages).singleElement().satisfies(p -> {
            assertThat(p.reads()).isEqualTo(30);
            assertThat(p.firstSeen()).isEqualTo(Instants.ofMicros(T0));
            assertThat(p.lastSeen()).isEqualTo(Instants.ofMicros(T0 + 29 * 50_000L));
            assertThat(p.peakRssiDbm()).isEqualTo(-67.1);
            assertThat(p.tagUri()).isEqualTo("urn:test:" + CAR.toHex());
            assertThat(p.direction()).isEqualTo(Direction.IN);
            assertThat(p.id()).isEqualTo(PassageId.of(CAR, "CP-1", T0));
        });
    }

    @Test
    void gapLongerThanSilenceStartsNewPassage() {
        smoother.accept(read("gantry-1", 1, CAR, T0, -6000), T0, recorder);
        smoother.accept(read("gantry-1", 1, CAR, T0 + 2_000_000L, -6000), T0, recorder); // exactly the window: same passage
        smoother.accept(read("gantry-1", 1, CAR, T0 + 4_000_001L, -6000), T0, recorder); // longer: new passage

        assertThat(recorder.passages).singleElement().satisfies(p -> assertThat(p.reads()).isEqualTo(2));
        assertThat(smoother.openPresences()).isEqualTo(1);
        assertThat(recorder.arrivals).hasSize(2);
    }

    @Test
    void keepsTagsAndLocationsApart() {
        smoother.accept(read("gantry-1", 1, CAR, T0, -6000), T0, recorder);
        smoother.accept(read("gantry-1", 2, VAN, T0 + 10, -6000), T0, recorder);
        smoother.accept(read("dock", 4, CAR, T0 + 20, -6000), T0, recorder);
        smoother.flush(recorder);

        assertThat(recorder.passages).extracting(Passage::locationId).containsExactlyInAnyOrder("CP-1", "CP-1", "DOCK-3");
        assertThat(recorder.passages).extracting(Passage::epc).containsExactlyInAnyOrder(CAR, VAN, CAR);
    }

    @Test
    void quietLocationCompletesOnWallClockButNotBefore() {
        long wall = T0 + 5_000_000L; // reader clock 5 s behind the wall clock: only elapsed time counts
        smoother.accept(read("gantry-1", 1, CAR, T0, -6000), wall, recorder);

        // Silence (2 s) plus the allowed lateness (1 s by default), in elapsed wall time.
        smoother.advance(wall + 2_900_000L, recorder);
        assertThat(recorder.passages).isEmpty();

        smoother.advance(wall + 3_100_000L, recorder);
        assertThat(recorder.passages).hasSize(1);
    }

    @Test
    void readsWithoutReadPointAreCountedNotMerged() {
        smoother.accept(read("unknown-reader", 1, CAR, T0, -6000), T0, recorder);

        assertThat(smoother.unmappedReads()).isEqualTo(1);
        assertThat(smoother.openPresences()).isZero();
    }

    @Test
    void earlierReadWithinWindowMovesFirstSeenBack() {
        smoother.accept(read("gantry-1", 1, CAR, T0 + 500_000L, -6000), T0, recorder);
        smoother.accept(read("gantry-1", 2, CAR, T0, -5000), T0, recorder);
        smoother.flush(recorder);

        assertThat(recorder.passages).singleElement().satisfies(p -> {
            assertThat(p.firstSeen()).isEqualTo(Instants.ofMicros(T0));
            assertThat(p.peakRssiDbm()).isEqualTo(-50.0);
        });
    }

    @Test
    void theSameReadTwiceIsCountedOnceButARepeatAtAnotherTimeOrAntennaCounts() {
        TagRead read = read("gantry-1", 1, CAR, T0, -6000);
        smoother.accept(read, T0, recorder);
        smoother.accept(read, T0, recorder); // journal replay, then the broker's redelivery of the same payload
        smoother.accept(read("gantry-1", 2, CAR, T0, -6000), T0, recorder); // another antenna, same instant: a read
        smoother.accept(read("gantry-1", 2, CAR, T0 + 1, -6000), T0, recorder); // a microsecond later: a read
        smoother.accept(read("gantry-1", 1, CAR, T0, -6000), T0, recorder); // the first again, no longer the last: counted
        smoother.flush(recorder);

        assertThat(recorder.passages).singleElement().satisfies(p -> assertThat(p.reads()).isEqualTo(4));
        assertThat(smoother.duplicateReads()).isEqualTo(1);
    }

    static TagRead read(String reader, int antenna, RawEpc epc, long micros, int rssiCdbm) {
        return new TagRead(reader, antenna, epc, null, null, rssiCdbm, -1, -1, micros, micros, 1, micros);
    }

    static final class Recorder implements PresenceListener {
        final List<String> arrivals = new ArrayList<>();
        final List<Passage> passages = new ArrayList<>();

        @Override
        public void arrived(RawEpc epc, String locationId, String readerId, Instant firstSeen) {
            arrivals.add(locationId);
        }

        @Override
        public void completed(Passage passage) {
            passages.add(passage);
        }
    }
}
