package org.openrfid.trace.service.platform.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openrfid.trace.passage.Passage;

/**
 * Where each tag was last seen, cluster-wide and backed up: what clone checks ask ("could this tag
 * be here already?"). Written once per passage, never per read: a synchronous IMap call costs tens
 * of microseconds (DESIGN.md §5). The only class that touches this IMap.
 */
public class LastSeenBoard {

    static final String MAP = "tag-last-seen";

    /** A tag's last completed passage. */
    public record LastSeen(String locationId, Instant firstSeen, Instant lastSeen) implements java.io.Serializable {
    }

    private final IMap<String, LastSeen> map;

    LastSeenBoard(HazelcastInstance hazelcast) {
        this.map = hazelcast.getMap(MAP);
    }

    void record(List<Passage> passages) {
        Map<String, LastSeen> newest = new HashMap<>();
        for (Passage p : passages) {
            newest.merge(key(p), new LastSeen(p.locationId(), p.firstSeen(), p.lastSeen()),
                    (a, b) -> a.lastSeen().isAfter(b.lastSeen()) ? a : b);
        }
        map.putAllAsync(newest);
    }

    public Optional<LastSeen> lastSeen(String epcHex, int bits) {
        return Optional.ofNullable(map.get(epcHex + "/" + bits));
    }

    private static String key(Passage p) {
        return p.epc().toHex() + "/" + p.epc().bitLength();
    }
}
