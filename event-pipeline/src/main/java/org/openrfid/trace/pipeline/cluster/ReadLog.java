package org.openrfid.trace.pipeline.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.RingbufferConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.ringbuffer.OverflowPolicy;
import com.hazelcast.ringbuffer.ReadResultSet;
import java.util.concurrent.CompletionStage;

/**
 * The per-location read logs: one backed-up Hazelcast ringbuffer per location, named
 * {@code rfid-reads@<locationId>} so it lives in the location's partition, i.e. on the member that owns
 * the location (its backup on another). The only class that touches these ringbuffers.
 *
 * <p>An entry is the reads of one reader batch for one location (never one read). Entries expire after
 * {@link #TTL_SECONDS}: the owner snapshots its state twice a second, so only the last moments of the
 * log are ever replayed.
 */
final class ReadLog {

    static final String PREFIX = "rfid-reads@";
    static final int CAPACITY = 20_000;
    static final int TTL_SECONDS = 120;

    private final HazelcastInstance hazelcast;

    ReadLog(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
    }

    static void configure(Config config) {
        config.addRingBufferConfig(new RingbufferConfig(PREFIX + "*").setCapacity(CAPACITY).setBackupCount(1)
                .setAsyncBackupCount(0).setTimeToLiveSeconds(TTL_SECONDS));
    }

    /** Appends a chunk; completes with its sequence once it and its backup are written. */
    CompletionStage<Long> append(String locationId, byte[] chunk) {
        return hazelcast.<byte[]>getRingbuffer(PREFIX + locationId).addAsync(chunk, OverflowPolicy.OVERWRITE);
    }

    /** Waits for at least one chunk at or after {@code from}, and returns up to {@code max}. */
    CompletionStage<ReadResultSet<byte[]>> read(String locationId, long from, int max) {
        return hazelcast.<byte[]>getRingbuffer(PREFIX + locationId).readManyAsync(from, 1, max, null);
    }

    /** The newest sequence written (head - 1 when empty). */
    long tail(String locationId) {
        return hazelcast.getRingbuffer(PREFIX + locationId).tailSequence();
    }

    /** The oldest sequence still held. */
    long head(String locationId) {
        return hazelcast.getRingbuffer(PREFIX + locationId).headSequence();
    }
}
