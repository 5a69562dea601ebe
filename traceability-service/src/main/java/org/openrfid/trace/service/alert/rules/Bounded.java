package org.openrfid.trace.service.alert.rules;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A rule's per-subject memory (last passage per EPC, last activity per antenna), bounded two ways: by
 * size (the least recently updated entry goes first) and by age ({@link #forgetBefore}). Entries are
 * kept in update order, so both bounds drop from the head. Not thread-safe: rules run on one thread.
 */
public final class Bounded<K, V> {

    private final int maxSize;
    private final LinkedHashMap<K, V> entries = new LinkedHashMap<>();

    public Bounded(int maxSize) {
        this.maxSize = maxSize;
    }

    public V get(K key) {
        return entries.get(key);
    }

    /** Stores the value as the newest entry, dropping the oldest beyond the size bound. */
    public void put(K key, V value) {
        entries.remove(key);
        entries.put(key, value);
        while (entries.size() > maxSize) {
            Iterator<K> oldest = entries.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    public V remove(K key) {
        return entries.remove(key);
    }

    /** Drops the entries updated before {@code cutoff}, from the oldest, stopping at the first newer one. */
    public int forgetBefore(Instant cutoff, Function<V, Instant> updated) {
        int n = 0;
        Iterator<V> it = entries.values().iterator();
        while (it.hasNext()) {
            if (!updated.apply(it.next()).isBefore(cutoff)) {
                break;
            }
            it.remove();
            n++;
        }
        return n;
    }

    public int size() {
        return entries.size();
    }

    /** A live view, oldest first; callers must not change the map while iterating except through the iterator. */
    public Map<K, V> view() {
        return entries;
    }
}
