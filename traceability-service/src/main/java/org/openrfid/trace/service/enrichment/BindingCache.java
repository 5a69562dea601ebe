package org.openrfid.trace.service.enrichment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.service.registry.binding.TagBinding;
import org.openrfid.trace.service.registry.binding.TagBindings;

/**
 * The binding history of recently seen tags, in memory, so that enriching a passage batch normally
 * asks the database nothing. A tag's whole history is cached (a few intervals at most), so passages
 * at any time, also replays from before a re-bind, resolve from the same entry; a tag never bound is
 * cached as such. The misses of a batch are loaded in one query per few hundred tags.
 *
 * <p>Bounded by entry count (least recently used out). Entries also expire a while after loading, a
 * safety net for changes made behind the registry's back; changes through the registry invalidate
 * the tags they touch at once ({@link #invalidate}), on every member.
 *
 * <p>A load that began before an invalidation is not put into the cache (it may have read the old
 * history): the generation counter, checked under the lock invalidations take, says so.
 */
public final class BindingCache {

    private final TagBindings bindings;
    private final Cache<String, List<TagBinding>> histories;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private long generation;

    public BindingCache(TagBindings bindings, long maxTags, Duration expireAfterLoad) {
        this.bindings = bindings;
        this.histories = Caffeine.newBuilder().maximumSize(maxTags).expireAfterWrite(expireAfterLoad).recordStats().build();
    }

    /**
     * The object each passage's tag was bound to at the passage's first-seen time (null: none), by
     * position. Cache hits cost a hash lookup each; all misses are loaded together.
     */
    public BoundObject[] objectsAt(List<Passage> passages) {
        BoundObject[] objects = new BoundObject[passages.size()];
        String[] missed = null;
        Set<String> misses = null;
        for (int i = 0; i < objects.length; i++) {
            Passage p = passages.get(i);
            String epc = p.epc().toHex();
            List<TagBinding> history = histories.getIfPresent(epc);
            if (history != null) {
                objects[i] = at(history, p);
            } else {
                if (misses == null) {
                    misses = new LinkedHashSet<>();
                    missed = new String[objects.length];
                }
                misses.add(epc);
                missed[i] = epc;
            }
        }
        if (misses != null) {
            Map<String, List<TagBinding>> loaded = load(misses);
            for (int i = 0; i < objects.length; i++) {
                if (missed[i] != null) {
                    objects[i] = at(loaded.getOrDefault(missed[i], List.of()), passages.get(i));
                }
            }
        }
        return objects;
    }

    private static BoundObject at(List<TagBinding> history, Passage p) {
        for (TagBinding b : history) {
            if (b.covers(p.firstSeen())) {
                return b.object();
            }
        }
        return null;
    }

    private Map<String, List<TagBinding>> load(Set<String> epcs) {
        long before = generation();
        Map<String, List<TagBinding>> loaded = new HashMap<>();
        bindings.ofTags(epcs).forEach((epc, history) -> loaded.put(epc, List.copyOf(history)));
        lock.readLock().lock();
        try {
            if (generation == before) {
                histories.putAll(loaded);
            }
        } finally {
            lock.readLock().unlock();
        }
        return loaded;
    }

    private long generation() {
        lock.readLock().lock();
        try {
            return generation;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Forgets these tags' histories (their bindings changed). */
    public void invalidate(Collection<String> epcHex) {
        lock.writeLock().lock();
        try {
            generation++;
            histories.invalidateAll(epcHex);
        } finally {
            lock.writeLock().unlock();
        }
    }

    public void invalidateAll() {
        lock.writeLock().lock();
        try {
            generation++;
            histories.invalidateAll();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The Caffeine cache, for metrics. */
    Cache<String, List<TagBinding>> cache() {
        return histories;
    }
}
