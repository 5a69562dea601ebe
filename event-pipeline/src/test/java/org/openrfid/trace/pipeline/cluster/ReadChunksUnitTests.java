package org.openrfid.trace.pipeline.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.passage.LocationSnapshot;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.TagRead;
import org.openrfid.trace.reader.TagReadBatch;

class ReadChunksUnitTests {

    private static final List<TagRead> READS = List.of(
            new TagRead("R1", 1, RawEpc.ofHex("3034257BF7194E4000001A85"), "E2801160", null, -6512, 1024, 7, 10, 20, 3, 30),
            new TagRead("R1-other", 2, RawEpc.ofHex("3034257BF7194E4000001A86"), null, "BEEF", TagRead.NO_RSSI, -1, -1,
                    1_700_000_000_000_000L, 1_700_000_000_500_000L, 1, 1_700_000_000_600_000L));

    @Test
    void aChunkDecodesToTheSameReads() {
        List<TagReadBatch> batches = ReadChunks.decode(ReadChunks.encode("R1", READS));
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).readerId()).isEqualTo("R1");
        assertThat(batches.get(0).reads()).containsExactlyElementsOf(READS);
    }

    @Test
    void aCoalescedChunkKeepsEachBatchItsReaderAndItsReadsInOrder() {
        List<TagRead> second = List.of(
                new TagRead("gate-ü", 3, new RawEpc(new byte[] {1, 2, 3}, 20), "e280", "ABC", 0, 0, 0, 1, 2, 3, 4),
                new TagRead("gate-ü", 3, RawEpc.ofHex("3034257BF7194E4000001A87"), "not hex", "", -1, 4095, 49, -5, 5, 2, 6));
        byte[] chunk = ReadChunks.encode(List.of(new ReadChunks.Group("R1", READS), new ReadChunks.Group("gate-ü", second),
                new ReadChunks.Group("R1", READS.subList(0, 1))));
        List<TagReadBatch> batches = ReadChunks.decode(chunk);
        assertThat(batches).extracting(TagReadBatch::readerId).containsExactly("R1", "gate-ü", "R1");
        assertThat(batches.get(0).reads()).containsExactlyElementsOf(READS);
        // lower-case, odd-length and non-hex TID / user memory go as text: they come back exactly as they were
        assertThat(batches.get(1).reads()).containsExactlyElementsOf(second);
        assertThat(batches.get(2).reads()).containsExactly(READS.get(0));
    }

    @Test
    void readerIdsAreWrittenOncePerChunkAndTidsAsBytes() {
        List<TagRead> many = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(new TagRead("a-rather-long-reader-identifier", 1, RawEpc.ofHex("3034257BF7194E4000001A85"),
                    "E28011602000700A0B0C0D0E", null, -6512, 1024, 7, 10, 20, 3, 30));
        }
        byte[] chunk = ReadChunks.encode("a-rather-long-reader-identifier", many);
        assertThat(chunk[0]).isEqualTo(ReadChunks.FORMAT_1);
        // per read: 52 fixed bytes + 12 EPC + 1+4+12 TID + 1 user memory; the reader id once
        assertThat(chunk.length).isEqualTo(1 + 4 + 4 + 31 + 4 + 8 + 100 * (52 + 12 + 17 + 1));
        assertThat(ReadChunks.decode(chunk).get(0).reads()).containsExactlyElementsOf(many);
    }

    @Test
    void aChunkWithItsOriginDecodesToTheSameReadsAndNamesItsIngressAndRound() {
        ReadChunks.Origin origin = new ReadChunks.Origin(java.util.UUID.randomUUID(), 42);
        byte[] chunk = ReadChunks.encode(origin, List.of(new ReadChunks.Group("R1", READS)));
        assertThat(chunk[0]).isEqualTo(ReadChunks.FORMAT_2);
        assertThat(ReadChunks.origin(chunk)).isEqualTo(origin);
        assertThat(ReadChunks.decode(chunk).get(0).reads()).containsExactlyElementsOf(READS);
        assertThat(chunk.length).isEqualTo(ReadChunks.encode("R1", READS).length + 24);
        assertThat(ReadChunks.origin(ReadChunks.encode("R1", READS))).as("format 1 has none").isNull();
    }

    @Test
    void aHandOverCarriesItsPresencesAndIsToldFromEveryChunkOfReads() {
        LocationSnapshot.At at = new LocationSnapshot.At("R1", 1);
        LocationSnapshot presences = new LocationSnapshot("L1", -1, java.util.Map.of("R1", 1_000L), List.of(
                new LocationSnapshot.PresenceState(RawEpc.ofHex("300000000000000000000001"), "R1", 900, 1_000, 3, -5000, at, at, at,
                        List.of(at), "E280", null)));
        byte[] chunk = ReadChunks.handOver(presences);
        assertThat(ReadChunks.handedOver(chunk)).isEqualTo(presences);
        assertThat(ReadChunks.origin(chunk)).isNull();
        assertThat(ReadChunks.handedOver(ReadChunks.encode("R1", READS))).isNull();
        assertThat(ReadChunks.handedOver(ReadChunks.encode(new ReadChunks.Origin(java.util.UUID.randomUUID(), 1),
                List.of(new ReadChunks.Group("R1", READS))))).isNull();
    }

    @Test
    void anEmptyChunkDecodesToAnEmptyBatch() {
        assertThat(ReadChunks.decode(ReadChunks.encode("R9", List.of())).get(0).reads()).isEmpty();
    }

    @Test
    void aChunkInThePreviousFormatStillDecodes() throws IOException {
        List<TagReadBatch> batches = ReadChunks.decode(encodeFormat0("R1", READS));
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).readerId()).isEqualTo("R1");
        assertThat(batches.get(0).reads()).containsExactlyElementsOf(READS);
    }

    /** The format members wrote before format 1 (copied from the old encoder), as a log could still hold it. */
    private static byte[] encodeFormat0(String readerId, List<TagRead> reads) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(readerId);
            out.writeInt(reads.size());
            for (TagRead r : reads) {
                out.writeUTF(r.readerId());
                out.writeInt(r.antenna());
                byte[] epc = r.epc().bytes();
                out.writeShort(r.epc().bitLength());
                out.writeShort(epc.length);
                out.write(epc);
                writeNullable(out, r.tidHex());
                writeNullable(out, r.userMemoryHex());
                out.writeInt(r.peakRssiCdbm());
                out.writeInt(r.phase());
                out.writeInt(r.channelIndex());
                out.writeLong(r.firstSeenMicros());
                out.writeLong(r.lastSeenMicros());
                out.writeInt(r.seenCount());
                out.writeLong(r.receivedAtMicros());
            }
        }
        return bytes.toByteArray();
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }
}
