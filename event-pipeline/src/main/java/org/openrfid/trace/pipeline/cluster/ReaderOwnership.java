package org.openrfid.trace.pipeline.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.map.IMap;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which member holds each reader's connection (DESIGN.md §5): exactly one live member, the owner of the
 * reader id's Hazelcast partition, as {@link ClusterSmoothing} does for locations. A reader real or
 * simulated accepts one client only, and a second client would be refused at best and take the session
 * over at worst, so partition ownership alone (which two members may briefly both believe they have while
 * a partition migrates) is not enough: the owner also takes a <b>lease</b>, an entry {@code readerId →
 * member uuid} in a backed-up IMap in the same partition, and connects only while it holds it.
 *
 * <ul>
 *   <li>The lease is taken with {@code putIfAbsent}, or with {@code replace(id, holder, me)} when the holder
 *       is no longer a cluster member (it died: its connection died with its process).</li>
 *   <li>A member that stops owning a reader (a partition migrates to a member that joined or came back)
 *       closes the connection first and then removes its lease; the new owner waits for that.</li>
 *   <li>A member whose Hazelcast instance shuts down, or that merges after a split, closes every
 *       connection before anything else, so a member cut off from the cluster does not keep readers. Its
 *       leases stay until it has left (then they are replaced as a dead member's), so nobody dials while
 *       its sockets may still be closing.</li>
 * </ul>
 *
 * <p>A lease lives {@link #LEASE_TTL} unless its holder renews it (every two seconds): the backstop for a
 * holder that is still a member but could not remove its lease.
 *
 * <p>Leases are per-key operations on one partition's primary replica, which Hazelcast serialises; no CP
 * subsystem (it needs three members). During a network split both halves own every partition and each may
 * connect; a reader then refuses the second client (LLRP {@code ConnectionAttemptEvent} "a client-initiated
 * connection already exists"). At the merge the merging member closes its connections, the other side's
 * leases win (put-if-absent merge), and the merged member takes leases under its new uuid
 * ({@code ClusterSplitIntegrationTests}).
 *
 * <p>Ownership is checked every {@link #CHECK_EVERY} and at once on migration and membership events, so a
 * dead member's readers are reconnected about when Hazelcast declares it dead and promotes the backups.
 */
public final class ReaderOwnership implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReaderOwnership.class);

    static final String LEASES = "rfid-reader-leases";
    static final Duration CHECK_EVERY = Duration.ofMillis(200);
    /**
     * A lease not renewed for this long expires: the backstop for a holder that could not remove its lease
     * (it merged after a split, or was paused) and is still a member, so it cannot be replaced as dead.
     */
    static final Duration LEASE_TTL = Duration.ofSeconds(10);
    private static final int RENEW_EVERY_CHECKS = 10;

    /** The reader layer's side: open or close this member's connection to a reader. */
    public interface Sessions {

        /** Starts the connection (it may keep dialling in the background); throws when it cannot start. */
        void open(String readerId);

        /** Stops the connection; returns once its socket is closed. */
        void close(String readerId);
    }

    private final HazelcastInstance hazelcast;
    private final Supplier<Collection<String>> readerIds;
    private final Sessions sessions;
    private final IMap<String, String> leases;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final AtomicLong takeovers = new AtomicLong();
    private final ScheduledExecutorService control;
    private volatile boolean closed;
    private boolean started;
    private int checks;
    private OwnershipChanges ownershipChanges;
    private UUID lifecycleListener;

    /**
     * @param readerIds the readers defined cluster-wide now (cheap: called on every check)
     * @param sessions  opens and closes this member's connections
     */
    public ReaderOwnership(HazelcastInstance hazelcast, Supplier<Collection<String>> readerIds, Sessions sessions) {
        this.hazelcast = hazelcast;
        this.readerIds = readerIds;
        this.sessions = sessions;
        this.leases = hazelcast.getMap(LEASES);
        this.control = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rfid-reader-ownership");
            t.setDaemon(true);
            return t;
        });
    }

    /** Adds the lease map to a member's configuration. */
    public static void configure(Config config) {
        config.addMapConfig(new MapConfig(LEASES).setBackupCount(1).setAsyncBackupCount(0));
    }

    public synchronized ReaderOwnership start() {
        if (started || closed) {
            return this;
        }
        started = true;
        lifecycleListener = hazelcast.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleEvent.LifecycleState.SHUTTING_DOWN
                    || event.getState() == LifecycleEvent.LifecycleState.MERGING) {
                // Leases stay: the next owner replaces them once this member has left (merging: they expire).
                // Removing them here would let the next owner dial while this member's sockets may still close.
                letGoOfAll(event.getState().name(), false);
            } else if (event.getState() == LifecycleEvent.LifecycleState.MERGED) {
                recheck();
            }
        });
        ownershipChanges = OwnershipChanges.listen(hazelcast, this::recheck);
        control.scheduleWithFixedDelay(this::check, 0, CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Checks ownership soon (after a reader was defined, say). */
    public void recheck() {
        if (!closed) {
            control.execute(this::check);
        }
    }

    /** Readers whose connection this member holds. */
    public Set<String> held() {
        return Set.copyOf(held);
    }

    /** The uuid of the member holding the reader's lease, or null when nobody does. */
    public String holder(String readerId) {
        try {
            return leases.get(readerId);
        } catch (HazelcastInstanceNotActiveException e) {
            return null;
        }
    }

    /** This member's uuid, as leases name it. */
    public String localMember() {
        return me();
    }

    /**
     * This member's uuid now. Read each time, never kept: a member that merges back after a split comes back
     * with a new uuid, and a lease taken under the old one names a member that no longer exists, so other
     * members would show no holder and the next owner would dial as if the holder were dead.
     */
    private String me() {
        return hazelcast.getCluster().getLocalMember().getUuid().toString();
    }

    /** Reader leases taken over from a member that had left the cluster (died, or shut down holding them). */
    public long takeovers() {
        return takeovers.get();
    }

    /** Restarts a held connection (its definition changed); does nothing for a reader held elsewhere. */
    public synchronized void restart(String readerId) {
        if (held.contains(readerId)) {
            sessions.close(readerId);
            try {
                sessions.open(readerId);
            } catch (RuntimeException e) {
                held.remove(readerId);
                releaseLease(readerId);
                throw e;
            }
        }
    }

    /** Closes the connection at once when this member holds it (the reader was removed), and frees the lease. */
    public synchronized void release(String readerId) {
        if (held.remove(readerId)) {
            try {
                sessions.close(readerId);
            } finally {
                releaseLease(readerId);
            }
        }
    }

    private synchronized void check() {
        if (closed || !hazelcast.getLifecycleService().isRunning()) {
            return;
        }
        try {
            Set<String> defined = new HashSet<>(readerIds.get());
            Set<String> members = null;
            for (String id : defined) {
                boolean mine = owns(id);
                if (mine && !held.contains(id)) {
                    if (members == null) {
                        members = memberUuids();
                    }
                    take(id, members);
                } else if (!mine && held.contains(id)) {
                    log.info("reader {}: its partition moved to another member; handing the connection over", id);
                    release(id);
                }
            }
            for (String id : List.copyOf(held)) {
                if (!defined.contains(id)) {
                    release(id);
                }
            }
            if (++checks % RENEW_EVERY_CHECKS == 0) {
                renewLeases();
            }
        } catch (HazelcastInstanceNotActiveException e) {
            // shutting down: the lifecycle listener closes the connections
        } catch (RuntimeException e) {
            log.warn("reader ownership check failed, retrying", e);
        }
    }

    private boolean owns(String readerId) {
        Member owner = hazelcast.getPartitionService().getPartition(readerId).getOwner();
        return owner != null && owner.localMember();
    }

    private Set<String> memberUuids() {
        Set<String> uuids = new HashSet<>();
        hazelcast.getCluster().getMembers().forEach(m -> uuids.add(m.getUuid().toString()));
        return uuids;
    }

    private void take(String readerId, Set<String> members) {
        String me = me();
        String holder = leases.putIfAbsent(readerId, me, LEASE_TTL.toMillis(), TimeUnit.MILLISECONDS);
        boolean taken = holder == null || holder.equals(me);
        if (!taken && !members.contains(holder)) {
            taken = leases.replace(readerId, holder, me);
            if (taken) {
                leases.setTtl(readerId, LEASE_TTL.toMillis(), TimeUnit.MILLISECONDS);
                takeovers.incrementAndGet();
                log.info("reader {}: taking the connection over from member {}, which left the cluster", readerId, holder);
            }
        }
        if (!taken) {
            return; // a live member still holds it and lets go once it sees it no longer owns the reader
        }
        try {
            sessions.open(readerId);
            held.add(readerId);
        } catch (RuntimeException e) {
            log.warn("reader {}: could not start its connection here, retrying: {}", readerId, e.toString());
            releaseLease(readerId);
        }
    }

    /** Keeps held leases alive; a lease found taken by another member means the connection must go at once. */
    private void renewLeases() {
        String me = me();
        for (String id : List.copyOf(held)) {
            String holder = leases.putIfAbsent(id, me, LEASE_TTL.toMillis(), TimeUnit.MILLISECONDS);
            if (holder != null && holder.equals(me)) {
                leases.setTtl(id, LEASE_TTL.toMillis(), TimeUnit.MILLISECONDS);
            } else if (holder != null) {
                log.warn("reader {}: lease now held by member {}; closing the connection here", id, holder);
                held.remove(id);
                sessions.close(id);
            }
        }
    }

    private void releaseLease(String readerId) {
        try {
            leases.remove(readerId, me());
        } catch (HazelcastInstanceNotActiveException e) {
            // the lease holder is gone with this member; whoever takes over replaces the dead member's lease
        }
    }

    /** Closes every connection this member holds: it is leaving the cluster or merging back into it. */
    private void letGoOfAll(String why, boolean releaseLeases) {
        synchronized (this) {
            if (!held.isEmpty()) {
                log.info("closing {} reader connection(s): member {}", held.size(), why);
            }
            for (String id : List.copyOf(held)) {
                held.remove(id);
                try {
                    sessions.close(id);
                } catch (RuntimeException e) {
                    log.warn("reader {}: closing failed: {}", id, e.toString());
                }
                if (releaseLeases) {
                    try {
                        leases.remove(id, me());
                    } catch (RuntimeException e) {
                        // terminating: the next owner replaces the lease once this member is gone
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        control.shutdownNow();
        letGoOfAll("closing", hazelcast.getLifecycleService().isRunning());
        try {
            if (hazelcast.getLifecycleService().isRunning()) {
                if (ownershipChanges != null) {
                    ownershipChanges.stop();
                }
                if (lifecycleListener != null) {
                    hazelcast.getLifecycleService().removeLifecycleListener(lifecycleListener);
                }
            }
        } catch (RuntimeException e) {
            // the member is going away anyway
        }
    }
}
