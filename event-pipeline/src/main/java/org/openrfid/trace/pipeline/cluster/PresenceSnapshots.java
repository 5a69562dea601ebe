package org.openrfid.trace.pipeline.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import org.openrfid.trace.passage.LocationSnapshot;

/**
 * The backed-up snapshots of each location's open presences, keyed by location id (so an entry lives
 * in the location's partition, on its owner). Written per location at most every snapshot period, never
 * per read. The only class that touches this IMap.
 */
final class PresenceSnapshots {

    static final String MAP = "rfid-presence-snapshots";

    private final IMap<String, byte[]> map;

    PresenceSnapshots(HazelcastInstance hazelcast) {
        this.map = hazelcast.getMap(MAP);
    }

    static void configure(Config config) {
        config.addMapConfig(new MapConfig(MAP).setBackupCount(1).setAsyncBackupCount(0));
    }

    /** The newest snapshot of a location, or null when it never had one. */
    LocationSnapshot get(String locationId) {
        byte[] bytes = map.get(locationId);
        return bytes == null ? null : LocationSnapshot.fromBytes(bytes);
    }

    void put(LocationSnapshot snapshot) {
        map.setAsync(snapshot.locationId(), snapshot.toBytes());
    }
}
