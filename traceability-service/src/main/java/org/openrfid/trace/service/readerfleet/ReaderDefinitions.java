package org.openrfid.trace.service.readerfleet;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The reader definitions, cluster-wide: a backed-up IMap keyed by reader id, so every member knows every
 * reader's antennas (reads are mapped to locations where they arrive, and smoothed where the location is
 * owned) and a definition outlives the member it was posted to. The only class that touches this IMap.
 */
final class ReaderDefinitions {

    static final String MAP = "rfid-readers";

    private final IMap<String, ReaderDefinition> map;

    ReaderDefinitions(HazelcastInstance hazelcast) {
        this.map = hazelcast.getMap(MAP);
    }

    static void configure(Config config) {
        config.addMapConfig(new MapConfig(MAP).setBackupCount(1).setAsyncBackupCount(0));
    }

    /** False when the id is taken. */
    boolean create(ReaderDefinition reader) {
        return map.putIfAbsent(reader.id(), reader) == null;
    }

    /** False when the reader is unknown. */
    boolean replace(ReaderDefinition reader) {
        return map.replace(reader.id(), reader) != null;
    }

    /** Adds or replaces; an equal definition already there is left alone (members start with the same configuration). */
    void put(ReaderDefinition reader) {
        if (!reader.equals(map.get(reader.id()))) {
            map.set(reader.id(), reader);
        }
    }

    boolean remove(String readerId) {
        return map.remove(readerId) != null;
    }

    Collection<ReaderDefinition> all() {
        return List.copyOf(map.values());
    }

    /** The current definition, or null. */
    ReaderDefinition get(String readerId) {
        return map.get(readerId);
    }

    /**
     * Tells the id of every reader changed on any member; returns the registration to remove. Events may
     * arrive after later changes were made here, so listeners look the current value up ({@link #get}).
     */
    UUID listen(Consumer<String> changed) {
        return map.addEntryListener(new Listener(changed), false);
    }

    void stopListening(UUID registration) {
        map.removeEntryListener(registration);
    }

    private record Listener(Consumer<String> changed)
            implements EntryAddedListener<String, ReaderDefinition>, EntryUpdatedListener<String, ReaderDefinition>,
            EntryRemovedListener<String, ReaderDefinition> {

        @Override
        public void entryAdded(EntryEvent<String, ReaderDefinition> event) {
            changed.accept(event.getKey());
        }

        @Override
        public void entryUpdated(EntryEvent<String, ReaderDefinition> event) {
            changed.accept(event.getKey());
        }

        @Override
        public void entryRemoved(EntryEvent<String, ReaderDefinition> event) {
            changed.accept(event.getKey());
        }
    }
}
