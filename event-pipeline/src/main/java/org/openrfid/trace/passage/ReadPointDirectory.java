package org.openrfid.trace.passage;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the read point of a (reader, antenna) pair. Read points are few and change rarely; lookups
 * happen for every read, so the table is an immutable snapshot swapped on change.
 */
public final class ReadPointDirectory {

    private volatile Map<Key, ReadPoint> byKey = Map.of();
    private final Map<Key, ReadPoint> source = new ConcurrentHashMap<>();
    private volatile int version;

    private record Key(String readerId, int antenna) {
    }

    public synchronized void put(ReadPoint readPoint) {
        source.put(new Key(readPoint.readerId(), readPoint.antenna()), readPoint);
        byKey = Map.copyOf(source);
        version++;
    }

    public synchronized void removeReader(String readerId) {
        source.keySet().removeIf(k -> k.readerId().equals(readerId));
        byKey = Map.copyOf(source);
        version++;
    }

    /**
     * Changes with every put or remove, so a hot-path cache of resolved read points (the smoother's)
     * can check one int per read instead of looking the pair up.
     */
    public int version() {
        return version;
    }

    /** The antenna's own read point, else the reader's catch-all (antenna 0) read point. */
    public Optional<ReadPoint> find(String readerId, int antenna) {
        Map<Key, ReadPoint> table = byKey;
        ReadPoint exact = table.get(new Key(readerId, antenna));
        return Optional.ofNullable(exact != null ? exact : table.get(new Key(readerId, 0)));
    }

    public Collection<ReadPoint> all() {
        return List.copyOf(byKey.values());
    }
}
