package org.openrfid.trace.service.passage.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.service.location.LocationInfo;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageId;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.service.registry.binding.ObjectKind;

class PassageSpoolUnitTests {

    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00.123456789Z");

    @TempDir
    Path dir;

    static Passage passage(int n) {
        RawEpc epc = RawEpc.ofHex(String.format("30740000000000%010X", n));
        Instant first = T0.plusMillis(n);
        return new Passage(PassageId.of(epc, "CP-" + (n % 7), n), epc, "urn:epc:tag:x." + n, "CP-" + (n % 7), "reader-1",
                1 + n % 4, first, first.plusSeconds(2), 1 + n % 50, -40.5 - n % 30, Direction.values()[n % 3], n % 3,
                List.of("reader-1/1", "reader-1/2"));
    }

    static List<Passage> batch(int from, int size) {
        List<Passage> out = new ArrayList<>();
        for (int i = from; i < from + size; i++) {
            out.add(passage(i));
        }
        return out;
    }

    @Test
    void formatKeepsEveryField() throws Exception {
        RawEpc odd = new RawEpc(new byte[] {(byte) 0xAB, (byte) 0xC0}, 10);
        Passage bare = new Passage(PassageId.of(odd, "CP-2", 1), odd, null, "CP-2", null, 0, T0, T0, 1, Double.NaN, Direction.NONE);
        List<Passage> passages = List.of(passage(1), bare, passage(2));

        List<Passage> back = SpoolFormat.decode(SpoolFormat.encode(passages));

        assertThat(back).isEqualTo(passages);
        assertThat(back.get(1).peakRssiDbm()).isNaN();
        assertThat(back.get(1).epc().bitLength()).isEqualTo(10);
        assertThat(back.get(0).readPoints()).containsExactly("reader-1/1", "reader-1/2");
    }

    @Test
    void formatKeepsBoundObjectsLocationsAndWhetherTheBatchWasEnriched() throws Exception {
        List<EnrichedPassage> passages = List.of(
                new EnrichedPassage(passage(1), new BoundObject(ObjectKind.VEHICLE, "V-1"),
                        new LocationInfo("CP-1", "Jiefangbei", "checkpoint", 29.5586, 106.577)),
                EnrichedPassage.bare(passage(2)));

        SpoolFormat.Decoded back = SpoolFormat.decodeBatch(SpoolFormat.encode(passages, true));
        SpoolFormat.Decoded notYet = SpoolFormat.decodeBatch(SpoolFormat.encode(List.of(passage(3))));

        assertThat(back.enriched()).isTrue();
        assertThat(back.passages()).isEqualTo(passages);
        assertThat(notYet.enriched()).isFalse();
        assertThat(notYet.passages()).containsExactly(EnrichedPassage.bare(passage(3)));
    }

    @Test
    void formatKeepsTheTids() throws Exception {
        List<Passage> passages = List.of(passage(1).withTid("E2801160200000000000001F", null),
                passage(2).withTid("E2801160200000000000001F", "E2801160200000000000003E"), passage(3));

        List<Passage> back = SpoolFormat.decode(SpoolFormat.encode(passages));

        assertThat(back).isEqualTo(passages);
        assertThat(back).extracting(Passage::tid).containsExactly("E2801160200000000000001F", "E2801160200000000000001F", null);
        assertThat(back).extracting(Passage::otherTid).containsExactly(null, "E2801160200000000000003E", null);
    }

    /** {@code spool/v2-batch.bin} was written by the spool of commit ba4da20, before passages kept TIDs. */
    @Test
    void readsBatchesSpooledInTheFormatBeforeTids() throws Exception {
        byte[] v2 = java.util.Objects.requireNonNull(getClass().getResourceAsStream("/spool/v2-batch.bin")).readAllBytes();
        assertThat(v2[4]).as("format version in the fixture").isEqualTo(SpoolFormat.VERSION_2);

        SpoolFormat.Decoded back = SpoolFormat.decodeBatch(v2);

        assertThat(back.enriched()).isTrue();
        assertThat(back.passages()).singleElement().satisfies(e -> {
            assertThat(e.object()).isEqualTo(new BoundObject(ObjectKind.VEHICLE, "V-1"));
            assertThat(e.location().name()).isEqualTo("Jiefangbei");
            assertThat(e.passage().epc().toHex()).isEqualTo("3074257BF7194E4000001A85");
            assertThat(e.passage().readPoints()).containsExactly("gantry-1/2", "gantry-1/1");
            assertThat(e.passage().reads()).isEqualTo(12);
            assertThat(e.passage().tid()).isNull();
            assertThat(e.passage().otherTid()).isNull();
        });
    }

    /** {@code spool/v1-batch.bin} was written by the spool of commit 18957ec, before enrichment existed. */
    @Test
    void readsBatchesSpooledInTheFormatBeforeEnrichment() throws Exception {
        byte[] v1 = java.util.Objects.requireNonNull(getClass().getResourceAsStream("/spool/v1-batch.bin")).readAllBytes();
        assertThat(v1[4]).as("format version in the fixture").isEqualTo(SpoolFormat.VERSION_1);

        SpoolFormat.Decoded back = SpoolFormat.decodeBatch(v1);

        assertThat(back.enriched()).as("old batches are enriched on replay").isFalse();
        assertThat(back.passages()).hasSize(2).allSatisfy(e -> {
            assertThat(e.object()).isNull();
            assertThat(e.location()).isNull();
        });
        Passage first = back.passages().get(0).passage();
        assertThat(first.epc().toHex()).isEqualTo("3074257BF7194E4000001A85");
        assertThat(first.lane()).isEqualTo(3);
        assertThat(first.readPoints()).containsExactly("gantry-1/2", "gantry-1/1");
        assertThat(first.peakRssiDbm()).isEqualTo(-48.5);
        assertThat(first.direction()).isEqualTo(Direction.IN);
        Passage second = back.passages().get(1).passage();
        assertThat(second.epc().bitLength()).isEqualTo(10);
        assertThat(second.peakRssiDbm()).isNaN();
        assertThat(second.readerId()).isNull();

        Files.write(dir.resolve("00000000000000000007.batch"), v1);
        try (PassageSpool spool = new PassageSpool(dir, 10_000_000)) {
            PassageSpool.Batch batch = spool.oldest(1, TimeUnit.SECONDS);
            assertThat(batch.sequence()).isEqualTo(7);
            assertThat(batch.enriched()).isFalse();
            assertThat(batch.passages()).containsExactly(first, second);
        }
    }

    @Test
    void formatRejectsTornAndFlippedFiles() {
        byte[] good = SpoolFormat.encode(batch(0, 20));
        byte[] torn = java.util.Arrays.copyOf(good, good.length / 2);
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x10;
        byte[] longer = java.util.Arrays.copyOf(good, good.length + 3);

        for (byte[] bad : List.of(torn, flipped, longer, new byte[0], "garbage, not a batch".getBytes())) {
            assertThatThrownBy(() -> SpoolFormat.decode(bad)).isInstanceOf(SpoolFormat.CorruptBatchException.class);
        }
    }

    @Test
    void batchesComeBackInOrderAcrossRestarts() throws Exception {
        try (PassageSpool spool = new PassageSpool(dir, 10_000_000)) {
            spool.append(batch(0, 5));
            spool.append(batch(5, 5));
        }
        Files.writeString(dir.resolve("00000000000000000002.batch.tmp"), "an unfinished write");
        try (PassageSpool spool = new PassageSpool(dir, 10_000_000)) {
            assertThat(spool.batches()).isEqualTo(2);
            assertThat(spool.bytes()).isEqualTo(sizeOfBatchFiles());
            spool.append(batch(10, 5));

            List<Passage> replayed = new ArrayList<>();
            PassageSpool.Batch b;
            while ((b = spool.oldest(0, TimeUnit.MILLISECONDS)) != null) {
                replayed.addAll(b.passages());
                spool.remove(b.sequence());
            }
            assertThat(replayed).isEqualTo(batch(0, 15));
            assertThat(spool.isEmpty()).isTrue();
            assertThat(spool.bytes()).isZero();
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly(".lock");
        }
    }

    @Test
    void aCorruptFileIsSetAsideAndReplayGoesOn() throws Exception {
        try (PassageSpool spool = new PassageSpool(dir, 10_000_000)) {
            spool.append(batch(0, 5));
            spool.append(batch(5, 5));
            spool.append(batch(10, 5));
        }
        Path torn = dir.resolve("00000000000000000001.batch");
        byte[] bytes = Files.readAllBytes(torn);
        Files.write(torn, java.util.Arrays.copyOf(bytes, bytes.length - 7)); // a torn write

        try (PassageSpool spool = new PassageSpool(dir, 10_000_000)) {
            PassageSpool.Batch first = spool.oldest(0, TimeUnit.MILLISECONDS);
            assertThat(first.passages()).isEqualTo(batch(0, 5));
            spool.remove(first.sequence());

            PassageSpool.Batch next = spool.oldest(0, TimeUnit.MILLISECONDS);
            assertThat(next.passages()).isEqualTo(batch(10, 5));
            assertThat(spool.corruptBatches()).isEqualTo(1);
            assertThat(spool.batches()).isEqualTo(1);
            assertThat(spool.bytes()).isEqualTo(sizeOfBatchFiles());
            assertThat(dir.resolve(SpoolDirectory.CORRUPT_DIR).resolve("00000000000000000001.batch")).exists();
        }
    }

    @Test
    void aFullSpoolBlocksAppendsUntilRoomIsMadeAndDropsNothing() throws Exception {
        long oneBatch = SpoolFormat.encode(batch(0, 50)).length;
        try (PassageSpool spool = new PassageSpool(dir, 2 * oneBatch + oneBatch / 2)) {
            spool.append(batch(0, 50));
            spool.append(batch(50, 50));

            CompletableFuture<Void> third = CompletableFuture.runAsync(() -> {
                try {
                    spool.append(batch(100, 50));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            await("append blocked on a full spool").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                    .until(spool::isBlocked);
            assertThat(third).isNotDone();
            assertThat(spool.bytes()).isLessThanOrEqualTo(spool.maxBytes());

            PassageSpool.Batch oldest = spool.oldest(0, TimeUnit.MILLISECONDS);
            spool.remove(oldest.sequence());

            third.get(5, TimeUnit.SECONDS);
            assertThat(spool.isBlocked()).isFalse();
            assertThat(spool.fullEpisodes()).isEqualTo(1);
            assertThat(spool.batches()).isEqualTo(2);
            assertThat(spool.bytes()).isLessThanOrEqualTo(spool.maxBytes());
            assertThat(spool.oldest(0, TimeUnit.MILLISECONDS).passages()).isEqualTo(batch(50, 50));
        }
    }

    @Test
    void aBatchLargerThanTheBoundStillGoesIntoAnEmptySpool() throws Exception {
        try (PassageSpool spool = new PassageSpool(dir, 100)) {
            spool.append(batch(0, 10));
            assertThat(spool.batches()).isEqualTo(1);
        }
    }

    @Test
    void oneDirectoryHasOneSpool() {
        try (PassageSpool spool = new PassageSpool(dir, 1_000)) {
            assertThatThrownBy(() -> new PassageSpool(dir, 1_000)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use");
        }
    }

    private long sizeOfBatchFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(SpoolDirectory.SUFFIX)).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
