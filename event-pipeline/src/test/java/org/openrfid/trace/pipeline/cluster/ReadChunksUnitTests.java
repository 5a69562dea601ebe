package org.openrfid.trace.pipeline.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.TagRead;
import org.openrfid.trace.reader.TagReadBatch;

class ReadChunksUnitTests {

    @Test
    void aChunkDecodesToTheSameReads() {
        List<TagRead> reads = List.of(
                new TagRead("R1", 1, RawEpc.ofHex("3034257BF7194E4000001A85"), "E2801160", null, -6512, 1024, 7, 10, 20, 3, 30),
                new TagRead("R1-other", 2, RawEpc.ofHex("3034257BF7194E4000001A86"), null, "BEEF", TagRead.NO_RSSI, -1, -1,
                        1_700_000_000_000_000L, 1_700_000_000_500_000L, 1, 1_700_000_000_600_000L));
        TagReadBatch batch = ReadChunks.decode(ReadChunks.encode("R1", reads));
        assertThat(batch.readerId()).isEqualTo("R1");
        assertThat(batch.reads()).containsExactlyElementsOf(reads);
    }

    @Test
    void anEmptyChunkDecodesToAnEmptyBatch() {
        assertThat(ReadChunks.decode(ReadChunks.encode("R9", List.of())).reads()).isEmpty();
    }
}
