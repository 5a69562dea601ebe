package org.openrfid.trace.pipeline.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.openrfid.trace.passage.LocationSnapshot;
import org.openrfid.trace.passage.ReadPointDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which locations this member owns: the ones whose Hazelcast partition it owns. Checked on the control
 * thread ({@code rfid-cluster-control}) every {@link ClusterSmoothing#CHECK_EVERY} and at once on
 * migration and membership events ({@link #recheck}, from Hazelcast's event threads, only queues a check);
 * taking and releasing happen there too. The map of owned locations is written only on that thread and is
 * concurrent so that {@link #ownedLocations} can be read from any.
 *
 * <p>A member that gains a location restores its snapshot on the smoother thread and reads the log from
 * the snapshot's sequence + 1; passages the previous owner emitted after its last snapshot are emitted
 * again with the same deterministic id and content (exactly-once effect through the idempotent store).
 */
final class LocationOwnership {

    private static final Logger log = LoggerFactory.getLogger(ClusterSmoothing.class);

    private final HazelcastInstance hazelcast;
    private final ReadPointDirectory directory;
    private final PresenceSnapshots snapshots;
    private final ReadLog readLog;
    private final OwnedLocationSmoothing smoothing;
    private final ReadLogConsumer consumer;
    private final Executor control;
    private final BooleanSupplier closed;
    private final Map<String, OwnedLocation> owned = new ConcurrentHashMap<>();
    private final AtomicLong takeovers = new AtomicLong();

    LocationOwnership(HazelcastInstance hazelcast, ReadPointDirectory directory, PresenceSnapshots snapshots, ReadLog readLog,
                      OwnedLocationSmoothing smoothing, ReadLogConsumer consumer, Executor control, BooleanSupplier closed) {
        this.hazelcast = hazelcast;
        this.directory = directory;
        this.snapshots = snapshots;
        this.readLog = readLog;
        this.smoothing = smoothing;
        this.consumer = consumer;
        this.control = control;
        this.closed = closed;
    }

    /** Ownership may have changed: check on the control thread (any thread). */
    void recheck() {
        if (!closed.getAsBoolean()) {
            control.execute(this::check);
        }
    }

    void check() {
        if (closed.getAsBoolean() || !hazelcast.getLifecycleService().isRunning()) {
            return;
        }
        try {
            Set<String> locations = new HashSet<>();
            directory.all().forEach(rp -> locations.add(rp.locationId()));
            for (String location : locations) {
                Member owner = hazelcast.getPartitionService().getPartition(location).getOwner();
                boolean mine = owner != null && owner.localMember();
                if (mine && !owned.containsKey(location)) {
                    take(location);
                } else if (!mine && owned.containsKey(location)) {
                    release(location);
                }
            }
            for (String location : List.copyOf(owned.keySet())) {
                // A location gone from the directory stays with this member while its partition does: its
                // open presences still close here (on wall-clock time) instead of being dropped unemitted.
                Member owner = locations.contains(location) ? null : hazelcast.getPartitionService().getPartition(location).getOwner();
                if (owner != null && !owner.localMember()) {
                    release(location);
                }
            }
        } catch (HazelcastInstanceNotActiveException e) {
            // shutting down
        } catch (RuntimeException e) {
            log.warn("ownership check failed, retrying", e);
        }
    }

    private void take(String location) {
        LocationSnapshot snapshot = snapshots.get(location);
        long head = readLog.head(location);
        long from = snapshot == null ? head : snapshot.sequence() + 1;
        if (from < head) {
            log.warn("location {}: the read log no longer holds sequences {}..{}; those reads are lost", location, from, head - 1);
            consumer.lost(head - from);
            from = head;
        }
        OwnedLocation o = new OwnedLocation(location);
        owned.put(location, o);
        LocationSnapshot restore = snapshot == null ? new LocationSnapshot(location, from - 1, Map.of(), List.of()) : snapshot;
        if (snapshot != null) {
            takeovers.incrementAndGet(); // another member had it before: a take-over (or a hand-over back)
        }
        log.info("location {} now owned here; restoring {} open presences, reading its log from {}", location,
                restore.presences().size(), from);
        smoothing.sendTake(o, restore, from - 1);
        consumer.start(o, from);
    }

    private void release(String location) {
        OwnedLocation o = owned.remove(location);
        if (o == null) {
            return;
        }
        o.active = false;
        log.info("location {} no longer owned here", location);
        smoothing.sendRelease(o);
    }

    /** Stops every location's work here (on close). */
    void deactivateAll() {
        owned.values().forEach(o -> o.active = false);
    }

    Set<String> ownedLocations() {
        return Set.copyOf(owned.keySet());
    }

    long takeovers() {
        return takeovers.get();
    }
}
