package org.openrfid.trace.pipeline.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
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
    /** Presences taken out of the smoother at MERGING, handed to the merged cluster at MERGED. */
    private final Queue<CompletableFuture<LocationSnapshot>> handOvers = new ConcurrentLinkedQueue<>();
    /** Between MERGING and MERGED nothing is taken: the partitions held now are about to be wiped. */
    private volatile boolean merging;

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
                if (mine && !owned.containsKey(location) && !merging) {
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
        PresenceSnapshots.Saved saved = snapshots.get(location);
        LocationSnapshot snapshot = saved == null ? null : saved.snapshot();
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
        smoothing.sendTake(o, restore, saved == null ? new AppliedRounds() : saved.rounds(), from - 1);
        consumer.start(o, from);
    }

    private void release(String location) {
        OwnedLocation o = owned.remove(location);
        if (o == null) {
            return;
        }
        o.active = false;
        if (o.discarded) {
            log.info("location {}: merging after a split; its open presences go to the merged cluster's owner", location);
            handOvers.add(smoothing.sendHandOverForMerge(o));
            return;
        }
        log.info("location {} no longer owned here", location);
        smoothing.sendRelease(o);
    }

    /**
     * This member merges into another cluster after a network split (Hazelcast's {@code MERGING}, on the
     * thread that reports it, before Hazelcast wipes this member's data): the other cluster keeps its
     * snapshots and read logs, and this member's are wiped. Once every chunk in the held locations' logs is
     * on its way to the smoother (waiting up to {@code drain}), every location held here is given up: its
     * snapshots are no longer written, and its open presences, whose reads since the split exist only here,
     * are completed into passages and stored. The locations are taken again, from the merged cluster's
     * state, once their partitions are this member's.
     */
    void giveUpAllForMerge(Duration drain) {
        merging = true;
        // Every chunk already in a held location's log goes to the smoother before the presences complete.
        long deadline = System.nanoTime() + drain.toNanos();
        for (OwnedLocation o : List.copyOf(owned.values())) {
            long tail = readLog.tail(o.locationId);
            while (o.next <= tail && System.nanoTime() < deadline) {
                LockSupport.parkNanos(10_000_000);
            }
            if (o.next <= tail) {
                log.warn("location {}: merging after a split before reads {}..{} of its log were applied; they are lost", o.locationId,
                        o.next, tail);
            }
        }
        for (OwnedLocation o : owned.values()) {
            o.discarded = true;
            o.active = false;
        }
        control.execute(() -> List.copyOf(owned.keySet()).forEach(this::release));
    }

    /**
     * The merge is done ({@code MERGED}, or {@code MERGE_FAILED}): the presences taken out at
     * {@code MERGING} are appended to their locations' logs in the cluster this member is now part of,
     * where the owner merges them into its own state (so a tag's visit that spans the merge stays one
     * passage), and locations are taken again as their partitions come here. Runs before ingest resumes,
     * so the reads held back meanwhile reach the owner after the presences they continue. A hand-over the
     * cluster refuses stays here and completes into passages: its reads are not lost.
     */
    void merged(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        CompletableFuture<LocationSnapshot> next;
        int handed = 0;
        while ((next = handOvers.poll()) != null) {
            LocationSnapshot presences;
            try {
                presences = next.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handOvers.add(next);
                break;
            } catch (ExecutionException | TimeoutException e) {
                log.warn("merged after a split: a location's open presences were not taken out in time; they complete here", e);
                next.thenAccept(smoothing::sendKeepHandOver);
                continue;
            }
            if (presences.presences().isEmpty()) {
                continue;
            }
            try {
                readLog.append(presences.locationId(), ReadChunks.handOver(presences)).toCompletableFuture()
                        .get(Math.max(1_000_000_000L, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                handed += presences.presences().size();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                smoothing.sendKeepHandOver(presences);
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                log.warn("location {}: {} open presences could not be handed to the merged cluster; they complete here",
                        presences.locationId(), presences.presences().size(), e);
                smoothing.sendKeepHandOver(presences);
            }
        }
        log.info("merged after a split: {} open presences handed to the merged cluster's owners", handed);
        merging = false;
        recheck();
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
