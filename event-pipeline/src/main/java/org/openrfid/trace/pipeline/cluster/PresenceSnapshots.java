package org.openrfid.trace.pipeline.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.openrfid.trace.passage.LocationSnapshot;

/**
 * The backed-up snapshots of each location's open presences, keyed by location id (so an entry lives
 * in the location's partition, on its owner). Written per location at most every snapshot period, never
 * per read. The only class that touches this IMap.
 *
 * <p>An entry is the cluster layer's envelope ({@link #ENVELOPE}: the location's {@link AppliedRounds},
 * then the smoother's {@link LocationSnapshot} bytes); an entry written before the envelope existed is a
 * bare snapshot (its first byte is the snapshot's format, 1 or 2) and is read with no rounds.
 */
final class PresenceSnapshots {

    static final String MAP = "rfid-presence-snapshots";
    static final byte ENVELOPE = 0x7E;

    /** What a new owner restores: the open presences and which ingest rounds they already hold. */
    record Saved(LocationSnapshot snapshot, AppliedRounds rounds) {
    }

    private final IMap<String, byte[]> map;

    PresenceSnapshots(HazelcastInstance hazelcast) {
        this.map = hazelcast.getMap(MAP);
    }

    static void configure(Config config) {
        config.addMapConfig(new MapConfig(MAP).setBackupCount(1).setAsyncBackupCount(0));
    }

    /** The newest snapshot of a location, or null when it never had one. */
    Saved get(String locationId) {
        byte[] bytes = map.get(locationId);
        return bytes == null ? null : decode(bytes);
    }

    /** {@code rounds}: {@link AppliedRounds#toBytes()} taken with the snapshot, on the smoother's thread. */
    void put(LocationSnapshot snapshot, byte[] rounds) {
        map.setAsync(snapshot.locationId(), encode(snapshot, rounds));
    }

    static byte[] encode(LocationSnapshot snapshot, byte[] rounds) {
        byte[] presences = snapshot.toBytes();
        return ByteBuffer.allocate(1 + 4 + rounds.length + presences.length).put(ENVELOPE).putInt(rounds.length).put(rounds)
                .put(presences).array();
    }

    static Saved decode(byte[] bytes) {
        if (bytes.length == 0 || bytes[0] != ENVELOPE) {
            return new Saved(LocationSnapshot.fromBytes(bytes), new AppliedRounds());
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.get();
        int roundsLength = in.getInt();
        AppliedRounds rounds = AppliedRounds.fromBytes(Arrays.copyOfRange(bytes, 5, 5 + roundsLength));
        return new Saved(LocationSnapshot.fromBytes(Arrays.copyOfRange(bytes, 5 + roundsLength, bytes.length)), rounds);
    }
}
