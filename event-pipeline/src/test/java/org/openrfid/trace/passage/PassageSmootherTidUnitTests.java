package org.openrfid.trace.passage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.passage.PassageSmootherUnitTests.Recorder;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.TagRead;

/** The TIDs read with an EPC travel into its passage: the first one, and the first that differed (a clone's evidence). */
class PassageSmootherTidUnitTests {

    private static final long T0 = 1_700_000_000_000_000L;
    private static final RawEpc CAR = RawEpc.ofHex("3034257BF7194E4000001A85");
    private static final String TID_A = "E2801160200000000000001F";
    private static final String TID_B = "E2801160200000000000003E";
    private static final String TID_C = "E2801160200000000000005D";

    private final ReadPointDirectory readPoints = new ReadPointDirectory();
    private final Recorder recorder = new Recorder();

    PassageSmootherTidUnitTests() {
        readPoints.put(new ReadPoint("gantry-1", 1, "CP-1", Direction.IN, 1));
        readPoints.put(new ReadPoint("gantry-1", 2, "CP-1", Direction.IN, 2));
    }

    private PassageSmoother smoother() {
        return new PassageSmoother(SmoothingPolicy.of(Duration.ofSeconds(2)), readPoints, epc -> null);
    }

    private static TagRead read(int antenna, long micros, String tid) {
        return new TagRead("gantry-1", antenna, CAR, tid, null, -6000, -1, -1, micros, micros, 1, micros);
    }

    @Test
    void keepsTheFirstTidSeenInThePresence() {
        PassageSmoother smoother = smoother();
        smoother.accept(read(1, T0, null), T0, recorder); // the TID AccessSpec does not succeed on every read
        smoother.accept(read(1, T0 + 50_000, TID_A), T0, recorder);
        smoother.accept(read(2, T0 + 100_000, TID_A), T0, recorder);
        smoother.accept(read(2, T0 + 150_000, null), T0, recorder);
        smoother.flush(recorder);

        assertThat(recorder.passages).singleElement().satisfies(p -> {
            assertThat(p.tid()).isEqualTo(TID_A);
            assertThat(p.otherTid()).isNull();
            assertThat(p.hasTidConflict()).isFalse();
        });
    }

    @Test
    void aSecondTidInOnePresenceBecomesTheOtherTid() {
        PassageSmoother smoother = smoother();
        smoother.accept(read(1, T0, TID_A), T0, recorder);
        smoother.accept(read(2, T0 + 50_000, TID_B), T0, recorder);
        smoother.accept(read(1, T0 + 100_000, TID_A), T0, recorder);
        smoother.accept(read(2, T0 + 150_000, TID_C), T0, recorder); // a third one: the first conflict is kept
        smoother.flush(recorder);

        assertThat(recorder.passages).singleElement().satisfies(p -> {
            assertThat(p.tid()).isEqualTo(TID_A);
            assertThat(p.otherTid()).isEqualTo(TID_B);
            assertThat(p.hasTidConflict()).isTrue();
        });
    }

    @Test
    void readsWithoutTidGiveAPassageWithoutTid() {
        PassageSmoother smoother = smoother();
        smoother.accept(read(1, T0, null), T0, recorder);
        smoother.accept(read(2, T0 + 50_000, null), T0, recorder);
        smoother.flush(recorder);

        assertThat(recorder.passages).singleElement().satisfies(p -> {
            assertThat(p.tid()).isNull();
            assertThat(p.otherTid()).isNull();
        });
    }

    @Test
    void eachPresenceHasItsOwnTids() {
        PassageSmoother smoother = smoother();
        smoother.accept(read(1, T0, TID_A), T0, recorder);
        smoother.accept(read(1, T0 + 5_000_000, TID_B), T0, recorder); // after the silence: a new passage, no conflict
        smoother.flush(recorder);

        assertThat(recorder.passages).hasSize(2);
        assertThat(recorder.passages).extracting(Passage::tid).containsExactlyInAnyOrder(TID_A, TID_B);
        assertThat(recorder.passages).extracting(Passage::otherTid).containsOnlyNulls();
    }

    @Test
    void aLateReadAddsNoTid() {
        PassageSmoother smoother = smoother();
        smoother.accept(read(1, T0 + 10_000_000, TID_A), T0, recorder);
        smoother.accept(read(1, T0 + 10_000_000 - 1_500_000, TID_B), T0, recorder); // beyond the 1 s lateness: not merged
        smoother.flush(recorder);

        assertThat(smoother.lateReads()).isEqualTo(1);
        assertThat(recorder.passages).singleElement().satisfies(p -> {
            assertThat(p.tid()).isEqualTo(TID_A);
            assertThat(p.otherTid()).isNull();
        });
    }

    @Test
    void aValueLongerThanAnyTidBankIsNotKept() {
        PassageSmoother smoother = smoother();
        smoother.accept(read(1, T0, "E2".repeat(Passage.MAX_TID_HEX)), T0, recorder);
        smoother.accept(read(1, T0 + 50_000, TID_A), T0, recorder);
        smoother.flush(recorder);

        assertThat(recorder.passages).singleElement().satisfies(p -> {
            assertThat(p.tid()).isEqualTo(TID_A);
            assertThat(p.otherTid()).isNull();
        });
    }

    @Test
    void tidsSurviveASnapshotThroughItsBytes() {
        PassageSmoother before = smoother();
        before.accept(read(1, T0, TID_A), T0, recorder);
        before.accept(read(2, T0 + 50_000, TID_B), T0, recorder);
        byte[] bytes = before.exportLocation("CP-1", 7).toBytes();
        assertThat(bytes[0]).as("format with TIDs").isEqualTo((byte) 2);

        LocationSnapshot restored = LocationSnapshot.fromBytes(bytes);
        assertThat(restored.presences()).singleElement().satisfies(s -> {
            assertThat(s.tid()).isEqualTo(TID_A);
            assertThat(s.otherTid()).isEqualTo(TID_B);
        });
        PassageSmoother after = smoother();
        assertThat(after.importLocation(restored, T0)).isZero();
        after.accept(read(1, T0 + 100_000, TID_C), T0, recorder);
        after.flush(recorder);

        assertThat(recorder.passages).singleElement().satisfies(p -> {
            assertThat(p.reads()).isEqualTo(3);
            assertThat(p.tid()).isEqualTo(TID_A);
            assertThat(p.otherTid()).isEqualTo(TID_B);
        });
    }

    @Test
    void aFirstTidRestoredFromASnapshotStillMeetsAConflictingOne() {
        PassageSmoother before = smoother();
        before.accept(read(1, T0, TID_A), T0, recorder);
        PassageSmoother after = smoother();
        after.importLocation(LocationSnapshot.fromBytes(before.exportLocation("CP-1", 1).toBytes()), T0);
        after.accept(read(2, T0 + 50_000, TID_B), T0, recorder);
        after.flush(recorder);

        assertThat(recorder.passages).singleElement().satisfies(p -> {
            assertThat(p.tid()).isEqualTo(TID_A);
            assertThat(p.otherTid()).isEqualTo(TID_B);
        });
    }

    @Test
    void aSnapshotWithoutTidsKeepsTheFormerFormatSoOlderMembersReadIt() {
        PassageSmoother before = smoother();
        before.accept(read(1, T0, null), T0, recorder);
        byte[] bytes = before.exportLocation("CP-1", 3).toBytes();
        assertThat(bytes[0]).isEqualTo((byte) 1);

        PassageSmoother after = smoother();
        assertThat(after.importLocation(LocationSnapshot.fromBytes(bytes), T0)).isZero();
        after.accept(read(1, T0 + 50_000, TID_A), T0, recorder);
        after.flush(recorder);
        assertThat(recorder.passages).singleElement().satisfies(p -> {
            assertThat(p.reads()).isEqualTo(2);
            assertThat(p.tid()).isEqualTo(TID_A);
        });
    }
}
