package org.openrfid.trace.passage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.TagRead;

/** A location's open presences handed from one smoother to another: the passages are those of one smoother. */
class LocationSnapshotUnitTests {

    private static final long T0 = 1_700_000_000_000_000L;
    private static final SmoothingPolicy POLICY = SmoothingPolicy.of(Duration.ofSeconds(2)).withAllowedLateness(Duration.ofSeconds(1));

    static ReadPointDirectory directory() {
        ReadPointDirectory d = new ReadPointDirectory();
        d.put(new ReadPoint("R1", 1, "L1", Direction.IN, 0, ReadPointRole.ENTRY));
        d.put(new ReadPoint("R1", 2, "L1", Direction.IN, 0, ReadPointRole.EXIT));
        d.put(new ReadPoint("R2", 1, "L2", Direction.OUT, 0));
        return d;
    }

    /** Tags crossing L1 (entry then exit) and sitting at L2, 50 ms apart in reader time. */
    static List<TagRead> reads() {
        List<TagRead> reads = new ArrayList<>();
        for (int step = 0; step < 200; step++) {
            long t = T0 + step * 50_000L;
            for (int k = 0; k < 5; k++) {
                int phase = (step + k * 13) % 70;
                if (phase < 20) {
                    RawEpc epc = RawEpc.ofHex(String.format("30000000%016X", k));
                    reads.add(new TagRead("R1", phase < 10 ? 1 : 2, epc, null, null, -6000 + (step * 7 + k) % 900, -1, -1, t, t + 500, 1, t));
                    reads.add(new TagRead("R2", 1, epc, null, null, -5000 - k, -1, -1, t, t, 2, t));
                }
            }
        }
        return reads;
    }

    static final class Collect implements PresenceListener {
        final List<Passage> passages = new ArrayList<>();

        @Override
        public void arrived(RawEpc epc, String locationId, String readerId, Instant firstSeen) {
        }

        @Override
        public void completed(Passage passage) {
            passages.add(passage);
        }
    }

    @Test
    void aLocationMovedMidStreamThroughItsBytesYieldsTheSamePassages() {
        List<TagRead> reads = reads();
        Collect single = new Collect();
        PassageSmoother one = new PassageSmoother(POLICY, directory(), epc -> null);
        reads.forEach(r -> one.accept(r, 0, single));
        one.flush(single);

        for (int cut : new int[] {1, 37, reads.size() / 2, reads.size() - 3}) {
            Collect split = new Collect();
            PassageSmoother before = new PassageSmoother(POLICY, directory(), epc -> null);
            PassageSmoother after = new PassageSmoother(POLICY, directory(), epc -> null);
            for (int i = 0; i < cut; i++) {
                before.accept(reads.get(i), 0, split);
            }
            LocationSnapshot l1 = LocationSnapshot.fromBytes(before.exportLocation("L1", cut).toBytes());
            LocationSnapshot l2 = LocationSnapshot.fromBytes(before.exportLocation("L2", cut).toBytes());
            assertThat(l1.sequence()).isEqualTo(cut);
            before.dropLocation("L1");
            before.dropLocation("L2");
            assertThat(before.openPresences()).isZero();
            assertThat(after.importLocation(l1, 0)).isZero();
            assertThat(after.importLocation(l2, 0)).isZero();
            for (int i = cut; i < reads.size(); i++) {
                after.accept(reads.get(i), 0, split);
            }
            after.flush(split);
            assertThat(split.passages).as("cut at %d", cut).containsExactlyInAnyOrderElementsOf(single.passages);
        }
    }

    /**
     * A member merging into another cluster after a split hands its open presences to the new owner, which
     * has meanwhile started presences of its own from the reads that came after: adopted, each tag's visit
     * is the one passage a single smoother makes (same id, every read counted once).
     */
    @Test
    void presencesHandedOverAtAMergeJoinWhatTheNewOwnerHasOpenIntoTheSinglePassages() {
        List<TagRead> reads = reads();
        Collect single = new Collect();
        PassageSmoother one = new PassageSmoother(POLICY, directory(), epc -> null);
        reads.forEach(r -> one.accept(r, 0, single));
        one.flush(single);

        for (int cut : new int[] {1, 37, reads.size() / 2, reads.size() - 9}) {
            for (int readFirst : new int[] {0, 1, 4}) {
                Collect out = new Collect();
                PassageSmoother merging = new PassageSmoother(POLICY, directory(), epc -> null);
                PassageSmoother owner = new PassageSmoother(POLICY, directory(), epc -> null);
                for (int i = 0; i < cut; i++) {
                    merging.accept(reads.get(i), 0, out);
                }
                for (int i = cut; i < cut + readFirst; i++) {
                    owner.accept(reads.get(i), 0, out); // reads the new owner had before the hand-over came
                }
                for (String location : List.of("L1", "L2")) {
                    assertThat(owner.adoptPresences(LocationSnapshot.fromBytes(merging.exportLocation(location, -1).toBytes()), 0)).isZero();
                    merging.dropLocation(location);
                }
                for (int i = cut + readFirst; i < reads.size(); i++) {
                    owner.accept(reads.get(i), 0, out);
                }
                owner.flush(out);
                assertThat(out.passages).as("cut at %d, %d reads before the hand-over", cut, readFirst)
                        .containsExactlyInAnyOrderElementsOf(single.passages);
            }
        }
    }

    @Test
    void presencesHandedOverTwiceAreCountedOnce() {
        PassageSmoother source = new PassageSmoother(POLICY, directory(), epc -> null);
        Collect out = new Collect();
        reads().subList(0, 40).forEach(r -> source.accept(r, 0, out));
        LocationSnapshot snapshot = source.exportLocation("L1", -1);
        PassageSmoother owner = new PassageSmoother(POLICY, directory(), epc -> null);
        owner.adoptPresences(snapshot, 0);
        owner.adoptPresences(snapshot, 0);
        assertThat(owner.openPresences()).isEqualTo(snapshot.presences().size());
        Collect adopted = new Collect();
        owner.flush(adopted);
        Collect kept = new Collect();
        source.flushLocation("L1", kept);
        assertThat(adopted.passages).as("what the owner emits: what the source would have").isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(kept.passages);
    }

    @Test
    void importReplacesTheLocationAndDropsPresencesWhoseReadPointsAreGone() {
        PassageSmoother source = new PassageSmoother(POLICY, directory(), epc -> null);
        Collect out = new Collect();
        reads().subList(0, 40).forEach(r -> source.accept(r, 0, out));
        LocationSnapshot snapshot = source.exportLocation("L2", 7);
        assertThat(snapshot.presences()).isNotEmpty();

        ReadPointDirectory without = directory();
        without.removeReader("R2");
        PassageSmoother target = new PassageSmoother(POLICY, without, epc -> null);
        assertThat(target.importLocation(snapshot, 0)).isEqualTo(snapshot.presences().size());
        assertThat(target.openPresences()).isZero();

        PassageSmoother again = new PassageSmoother(POLICY, directory(), epc -> null);
        again.importLocation(snapshot, 0);
        again.importLocation(snapshot, 0); // twice: replaced, not doubled
        assertThat(again.openPresences()).isEqualTo(snapshot.presences().size());
    }

    @Test
    void anImportedQuietPresenceClosesOnWallClockOnlyAfterTheGivenStart() {
        PassageSmoother source = new PassageSmoother(POLICY, directory(), epc -> null);
        Collect out = new Collect();
        TagRead read = new TagRead("R2", 1, RawEpc.ofHex("300000000000000000000001"), null, null, -5000, -1, -1, T0, T0, 1, T0);
        source.accept(read, 0, out);
        PassageSmoother target = new PassageSmoother(POLICY, directory(), epc -> null);
        long wall = 9_000_000_000L;
        target.importLocation(source.exportLocation("L2", 0), wall);
        target.advance(wall + 2_900_000L, out); // silence 2 s + lateness 1 s not yet passed since the hand-over
        assertThat(out.passages).isEmpty();
        target.advance(wall + 3_100_000L, out);
        assertThat(out.passages).singleElement().satisfies(p -> assertThat(p.reads()).isEqualTo(1));
    }
}
