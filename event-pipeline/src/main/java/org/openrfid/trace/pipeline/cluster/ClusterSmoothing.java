package org.openrfid.trace.pipeline.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.ringbuffer.StaleSequenceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.openrfid.trace.passage.LocationSnapshot;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.ReadPoint;
import org.openrfid.trace.passage.ReadPointDirectory;
import org.openrfid.trace.pipeline.ReadIngress;
import org.openrfid.trace.pipeline.SmoothingStage;
import org.openrfid.trace.reader.TagRead;
import org.openrfid.trace.reader.TagReadBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Location ownership and failover for the smoothing stage (DESIGN.md §5): each location is owned by the
 * live member that owns its Hazelcast partition ({@code getPartition(locationId).getOwner()}), and its
 * presences live only in that member's {@link org.openrfid.trace.passage.PassageSmoother}.
 *
 * <p><b>Forwarding.</b> {@link #ingestAll} splits reader batches by location and appends one chunk per
 * location to that location's {@link ReadLog} (a ringbuffer in the location's partition, so on its
 * owner, with one synchronous backup), all locations' appends in flight together. The ingress route hands
 * in every batch already waiting in the reads queue, so that is one Hazelcast call per location per
 * round trip, never per read and no longer per batch: while one append waits, the next batches queue up
 * and go together in the next. Each location's chunks are appended by the one ingress thread, one
 * round at a time, so a location's reads stay in queue order.
 * A ringbuffer rather than an executor task or a topic because it is a <em>replayable</em> log: the
 * owner consumes it in order, and after a member dies the new owner restarts from the sequence its
 * snapshot says, so the reads the dead member had taken in but not yet snapshotted are applied again,
 * each exactly once, in the original order. A partition-aware executor task would be lost with the
 * member that ran it; a topic offers no replay from a chosen position tied to the state. Readers on the
 * owner append the same way (one code path; a single node is a cluster of one).
 *
 * <p><b>Snapshots.</b> Every {@code snapshotEvery} the smoother thread exports each location whose state
 * changed (chunk applied or open count changed) together with the sequence of the last chunk applied,
 * and {@link PresenceSnapshots} stores it (backup count 1). A snapshot is only written once every passage
 * completed before it was taken has been stored ({@link #passagesStored}): otherwise a passage still
 * queued for the store on a member that dies would be neither stored nor re-emitted. Ownership released
 * (a partition migrating to a new member) snapshots the location at once.
 *
 * <p><b>Failover.</b> Ownership is checked every {@link #CHECK_EVERY} and at once on migration and
 * membership events. A member that gains a location imports its snapshot on the smoother thread and reads
 * the log from the snapshot's sequence + 1. Passages the dead owner emitted after its last snapshot are
 * emitted again with the same deterministic id and the same content: at-least-once emission, exactly-once
 * effect through the idempotent store.
 *
 * <p><b>Stalls.</b> An append can wait seconds (a member dead but not yet declared so, a partition being
 * promoted); the reads behind it are late, not absent, yet the owners see silence. A member whose appends
 * wait longer than {@link #STALL_AFTER} tells every member through a topic, and each restarts its readers'
 * quiet time, so no presence closes early for want of reads that are only held up.
 *
 * <p>Not covered here: batches in flight to a member that dies while {@link #ingestAll} runs are either in
 * the log or reported as failed to the caller ({@link ReadsNotAppendedException}, naming how many reads
 * of how many batches; a resend of a location's chunk that did land counts its reads twice); reader
 * connections' own take-over is {@link ReaderOwnership}'s.
 */
public final class ClusterSmoothing implements ReadIngress, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterSmoothing.class);

    static final Duration CHECK_EVERY = Duration.ofMillis(100);
    /**
     * Quiet time not counted against restored readers after a take-over: the gap while the partition is
     * promoted and the log replayed is the cluster's, not the reader's, and must not close presences early.
     */
    static final long FAILOVER_GRACE_MICROS = 5_000_000;
    private static final int READ_MAX = 256;
    /**
     * An ingest whose appends wait this long is stalled (a partition not answering: a dead member not yet
     * declared dead, a promotion, a busy partition thread). Well below silence + lateness, so every member
     * holds its readers' quiet time before a presence could close for want of reads that are only late.
     */
    static final Duration STALL_AFTER = Duration.ofMillis(1_000);
    private static final long STALL_NOTICE_EVERY_NANOS = 500_000_000L;

    private final HazelcastInstance hazelcast;
    private final ReadPointDirectory directory;
    private final Consumer<Object> smootherInbox;
    private final long snapshotEveryMillis;
    private final ReadLog readLog;
    private final PresenceSnapshots snapshots;
    private final ScheduledExecutorService control;
    private final ExecutorService forwarder;
    private final Map<String, Owned> owned = new ConcurrentHashMap<>();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicBoolean snapshotWriteScheduled = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final AtomicLong staleChunks = new AtomicLong();
    private final AtomicLong chunksApplied = new AtomicLong();
    private final AtomicLong readsForwarded = new AtomicLong();
    private final AtomicLong takeovers = new AtomicLong();
    private volatile long snapshotsCurrentAtNanos = System.nanoTime();
    private volatile LongConsumer appendLatency = nanos -> { };
    private final StallNotices stallNotices;
    private final Map<Long, Long> ingestsInFlight = new ConcurrentHashMap<>();
    private final AtomicLong ingestIds = new AtomicLong();
    private final AtomicLong stallsHeard = new AtomicLong();
    private long lastStallNoticeNanos;
    private UUID stallListener;
    private volatile boolean closed;
    private boolean started;
    private OwnershipChanges ownershipChanges;

    // Smoother-thread state: touched only by tasks that run on the smoother's thread.
    private final Map<String, Owned> current = new HashMap<>();
    private final Map<String, Long> applied = new HashMap<>();
    private final Set<String> dirty = new HashSet<>();
    private final Map<String, Integer> openAtSnapshot = new HashMap<>();

    private record Pending(LocationSnapshot snapshot, long emittedBefore, long takenAtNanos) {

        Pending(LocationSnapshot snapshot, long emittedBefore) {
            this(snapshot, emittedBefore, System.nanoTime());
        }
    }

    /** A location this member consumes; a new one per taking, so a stale consumer loop knows it is stale. */
    private static final class Owned {
        final String locationId;
        volatile boolean active = true;
        long next;

        Owned(String locationId) {
            this.locationId = locationId;
        }
    }

    /**
     * @param smootherInbox puts a body ({@link SmoothingStage.Task}) on the smoother's queue, in order
     * @param snapshotEvery how often changed locations are snapshotted
     */
    public ClusterSmoothing(HazelcastInstance hazelcast, ReadPointDirectory directory, Consumer<Object> smootherInbox, Duration snapshotEvery) {
        this.hazelcast = hazelcast;
        this.directory = directory;
        this.smootherInbox = smootherInbox;
        this.snapshotEveryMillis = snapshotEvery.toMillis();
        this.readLog = new ReadLog(hazelcast);
        this.snapshots = new PresenceSnapshots(hazelcast);
        this.stallNotices = new StallNotices(hazelcast);
        this.control = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "rfid-cluster-control"));
        this.forwarder = Executors.newSingleThreadExecutor(r -> daemon(r, "rfid-cluster-forward"));
    }

    /** Adds the read-log and snapshot structures to a member's configuration. */
    public static void configure(Config config) {
        ReadLog.configure(config);
        PresenceSnapshots.configure(config);
    }

    /** Starts taking locations (once; later calls do nothing). */
    public synchronized ClusterSmoothing start() {
        if (started || closed) {
            return this;
        }
        started = true;
        ownershipChanges = OwnershipChanges.listen(hazelcast, this::recheck);
        String me = hazelcast.getCluster().getLocalMember().getUuid().toString();
        stallListener = stallNotices.listen(member -> {
            if (!member.equals(me)) {
                holdQuietTime(); // this member's own stalls are held at once, without the round trip
            }
        });
        control.scheduleWithFixedDelay(this::checkOwnership, 0, CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        control.scheduleWithFixedDelay(this::watchForStalls, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        control.scheduleWithFixedDelay(() -> smootherInbox.accept((SmoothingStage.Task) this::snapshotChanged),
                snapshotEveryMillis, snapshotEveryMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    // ---------------------------------------------------------------- ingress (any member, reader thread)

    @Override
    public void ingest(TagReadBatch batch) {
        ingestAll(List.of(batch));
    }

    /**
     * Appends the reads of all these batches with one chunk per location (each location's reads in the
     * order given, so per-location order is the order of the batches), all locations' appends in flight
     * together, and returns once every one is durable. The ingress hands in every batch already waiting
     * in its queue, so a node's readers share one round trip per location instead of one per batch.
     *
     * @throws ReadsNotAppendedException when an append failed, naming how many reads of how many batches
     *         (the other locations' appends did land; a resend would count those twice)
     */
    @Override
    public void ingestAll(List<TagReadBatch> batches) {
        Map<String, List<ReadChunks.Group>> byLocation = new LinkedHashMap<>(8);
        Map<String, int[]> readsByLocation = new HashMap<>(8);
        for (TagReadBatch batch : batches) {
            splitByLocation(batch, byLocation, readsByLocation);
        }
        String[] locations = byLocation.keySet().toArray(String[]::new);
        CompletableFuture<?>[] appends = new CompletableFuture<?>[locations.length];
        long start = System.nanoTime();
        Long ingestId = ingestIds.incrementAndGet();
        ingestsInFlight.put(ingestId, start);
        try {
            for (int i = 0; i < locations.length; i++) {
                appends[i] = readLog.append(locations[i], ReadChunks.encode(byLocation.get(locations[i]))).toCompletableFuture();
                if (!ownedByThisMember(locations[i])) {
                    readsForwarded.addAndGet(readsByLocation.get(locations[i])[0]);
                }
            }
            awaitAll(appends, locations, readsByLocation, batches.size());
        } finally {
            ingestsInFlight.remove(ingestId);
        }
        if (appends.length > 0) {
            appendLatency.accept(System.nanoTime() - start);
        }
    }

    private void splitByLocation(TagReadBatch batch, Map<String, List<ReadChunks.Group>> byLocation, Map<String, int[]> readsByLocation) {
        Map<String, List<TagRead>> mine = new LinkedHashMap<>(4);
        List<TagRead> unmapped = null;
        int lastAntenna = Integer.MIN_VALUE;
        String lastReader = null;
        List<TagRead> lastList = null;
        for (TagRead read : batch.reads()) {
            if (read.antenna() != lastAntenna || !read.readerId().equals(lastReader)) {
                lastAntenna = read.antenna();
                lastReader = read.readerId();
                ReadPoint at = directory.find(read.readerId(), read.antenna()).orElse(null);
                lastList = at == null ? null : mine.computeIfAbsent(at.locationId(), l -> new ArrayList<>());
            }
            if (lastList != null) {
                lastList.add(read);
            } else {
                if (unmapped == null) {
                    unmapped = new ArrayList<>();
                }
                unmapped.add(read);
            }
        }
        if (unmapped != null) {
            TagReadBatch local = new TagReadBatch(batch.readerId(), unmapped);
            smootherInbox.accept((SmoothingStage.Task) ctx -> ctx.accept(local)); // counted as unmapped there
        }
        for (Map.Entry<String, List<TagRead>> e : mine.entrySet()) {
            byLocation.computeIfAbsent(e.getKey(), l -> new ArrayList<>(4)).add(new ReadChunks.Group(batch.readerId(), e.getValue()));
            readsByLocation.computeIfAbsent(e.getKey(), l -> new int[1])[0] += e.getValue().size();
        }
    }

    private static void awaitAll(CompletableFuture<?>[] appends, String[] locations, Map<String, int[]> readsByLocation, int batchCount) {
        try {
            CompletableFuture.allOf(appends).join();
        } catch (CompletionException e) {
            int failedReads = 0;
            List<String> failed = new ArrayList<>();
            for (int i = 0; i < appends.length; i++) {
                if (appends[i].isCompletedExceptionally()) {
                    failed.add(locations[i]);
                    failedReads += readsByLocation.get(locations[i])[0];
                }
            }
            throw new ReadsNotAppendedException(failedReads, batchCount, failed, e.getCause() != null ? e.getCause() : e);
        }
    }

    /** The partition table is local: no network call. */
    private boolean ownedByThisMember(String locationId) {
        Member owner = hazelcast.getPartitionService().getPartition(locationId).getOwner();
        return owner != null && owner.localMember();
    }

    /**
     * Told how long each ingest round's read-log appends took, in nanoseconds (for a timer); a round is
     * one batch, or all the batches the ingress coalesced.
     */
    public void onAppendLatency(LongConsumer nanos) {
        this.appendLatency = nanos;
    }

    /** Call with every list of passages once stored: snapshots wait for the passages completed before them. */
    public void passagesStored(List<Passage> passages) {
        stored.addAndGet(passages.size());
        scheduleSnapshotWrites();
    }

    // ---------------------------------------------------------------- stalls (control thread, any member)

    /**
     * Reads held up in a stalled append are late, not absent; but the owners of their locations only see
     * silence, and silence longer than silence + lateness on the wall clock closes presences early (a tag
     * read throughout would become two passages). So a member whose appends wait longer than
     * {@link #STALL_AFTER} tells every member, and they restart their readers' quiet time, again every half
     * second while the stall lasts: no presence closes before its reads had a chance to arrive.
     */
    private void watchForStalls() {
        if (closed || ingestsInFlight.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        long oldest = ingestsInFlight.values().stream().mapToLong(Long::longValue).min().orElse(now);
        if (now - oldest > STALL_AFTER.toNanos() && now - lastStallNoticeNanos > STALL_NOTICE_EVERY_NANOS) {
            lastStallNoticeNanos = now;
            try {
                stallNotices.publish(hazelcast.getCluster().getLocalMember().getUuid().toString());
            } catch (RuntimeException e) {
                log.debug("stall notice not published", e);
            }
            holdQuietTime(); // here at once, whatever the topic does
        }
    }

    private void holdQuietTime() {
        if (!closed) {
            stallsHeard.incrementAndGet();
            smootherInbox.accept((SmoothingStage.Task) ctx -> ctx.smoother().holdQuietTime(ctx.nowWallMicros()));
        }
    }

    // ---------------------------------------------------------------- ownership (control thread)

    private void recheck() {
        if (!closed) {
            control.execute(this::checkOwnership);
        }
    }

    private void checkOwnership() {
        if (closed || !hazelcast.getLifecycleService().isRunning()) {
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
            staleChunks.addAndGet(head - from);
            from = head;
        }
        Owned o = new Owned(location);
        o.next = from;
        owned.put(location, o);
        LocationSnapshot restore = snapshot == null ? new LocationSnapshot(location, from - 1, Map.of(), List.of()) : snapshot;
        long appliedUpTo = from - 1;
        if (snapshot != null) {
            takeovers.incrementAndGet(); // another member had it before: a take-over (or a hand-over back)
        }
        log.info("location {} now owned here; restoring {} open presences, reading its log from {}", location,
                restore.presences().size(), from);
        smootherInbox.accept((SmoothingStage.Task) ctx -> {
            int dropped = ctx.smoother().importLocation(restore, ctx.nowWallMicros() + FAILOVER_GRACE_MICROS);
            if (dropped > 0) {
                log.warn("location {}: {} presences in the snapshot no longer have read points", location, dropped);
            }
            current.put(location, o);
            applied.put(location, appliedUpTo);
            openAtSnapshot.put(location, restore.presences().size() - dropped);
        });
        poll(o);
    }

    private void release(String location) {
        Owned o = owned.remove(location);
        if (o == null) {
            return;
        }
        o.active = false;
        log.info("location {} no longer owned here", location);
        smootherInbox.accept((SmoothingStage.Task) ctx -> {
            if (current.get(location) != o) {
                return;
            }
            pending.add(new Pending(ctx.smoother().exportLocation(location, applied.get(location)), ctx.passagesOut()));
            ctx.smoother().dropLocation(location);
            current.remove(location);
            applied.remove(location);
            dirty.remove(location);
            openAtSnapshot.remove(location);
            scheduleSnapshotWrites();
        });
    }

    private void poll(Owned o) {
        if (!o.active || closed) {
            return;
        }
        readLog.read(o.locationId, o.next, READ_MAX).whenCompleteAsync((chunks, error) -> {
            if (!o.active || closed) {
                return;
            }
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                if (cause instanceof HazelcastInstanceNotActiveException) {
                    return;
                }
                if (cause instanceof StaleSequenceException) {
                    long head = readLog.head(o.locationId);
                    log.warn("location {}: reads {}..{} expired from the log before they were applied", o.locationId, o.next, head - 1);
                    staleChunks.addAndGet(head - o.next);
                    o.next = head;
                } else {
                    log.warn("location {}: reading its log failed, retrying", o.locationId, cause);
                    control.schedule(() -> poll(o), 200, TimeUnit.MILLISECONDS);
                    return;
                }
                poll(o);
                return;
            }
            int n = chunks.size();
            long[] sequences = new long[n];
            byte[][] data = new byte[n][];
            for (int i = 0; i < n; i++) {
                sequences[i] = chunks.getSequence(i);
                data[i] = chunks.get(i);
            }
            // One smoother task for the whole read, not one exchange per chunk.
            smootherInbox.accept((SmoothingStage.Task) ctx -> {
                for (int i = 0; i < n; i++) {
                    apply(ctx, o, sequences[i], data[i]);
                }
            });
            o.next = chunks.getNextSequenceToReadFrom();
            poll(o);
        }, forwarder);
    }

    // ---------------------------------------------------------------- smoother thread

    private void apply(SmoothingStage.TaskContext ctx, Owned o, long sequence, byte[] chunk) {
        if (current.get(o.locationId) != o) {
            return; // released meanwhile
        }
        Long last = applied.get(o.locationId);
        if (last != null && sequence <= last) {
            return;
        }
        for (TagReadBatch batch : ReadChunks.decode(chunk)) {
            ctx.accept(batch);
        }
        applied.put(o.locationId, sequence);
        dirty.add(o.locationId);
        chunksApplied.incrementAndGet();
    }

    private void snapshotChanged(SmoothingStage.TaskContext ctx) {
        Map<String, Integer> open = ctx.smoother().openPresencesByLocation();
        for (String location : current.keySet()) {
            int now = open.getOrDefault(location, 0);
            if (dirty.contains(location) || now != openAtSnapshot.getOrDefault(location, -1)) {
                pending.add(new Pending(ctx.smoother().exportLocation(location, applied.get(location)), ctx.passagesOut()));
                openAtSnapshot.put(location, now);
            }
        }
        dirty.clear();
        scheduleSnapshotWrites();
        if (pending.isEmpty()) {
            snapshotsCurrentAtNanos = System.nanoTime();
        }
    }

    // ---------------------------------------------------------------- any thread

    /**
     * Encoding and compressing a snapshot costs the calling thread (the store's, the smoother's) real
     * time; the control thread does it instead. One run writes all that are ready, so a burst of calls
     * schedules one run. Safety is unchanged: a snapshot is still written only once the passages before it
     * are stored, just a moment later.
     */
    private void scheduleSnapshotWrites() {
        if (closed || !snapshotWriteScheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            control.execute(() -> {
                snapshotWriteScheduled.set(false);
                writeReadySnapshots();
            });
        } catch (RejectedExecutionException e) {
            snapshotWriteScheduled.set(false); // closing
        }
    }

    private synchronized void writeReadySnapshots() {
        long storedSoFar = stored.get();
        Pending p;
        while ((p = pending.peek()) != null && p.emittedBefore() <= storedSoFar) {
            pending.poll();
            try {
                snapshots.put(p.snapshot());
            } catch (HazelcastInstanceNotActiveException e) {
                return;
            }
            if (pending.isEmpty()) {
                snapshotsCurrentAtNanos = p.takenAtNanos();
            }
        }
    }

    /** Locations this member owns now. */
    public Set<String> ownedLocations() {
        return Set.copyOf(owned.keySet());
    }

    /** Log chunks that expired before they were applied (reads lost; should stay 0). */
    public long staleChunks() {
        return staleChunks.get();
    }

    public long chunksApplied() {
        return chunksApplied.get();
    }

    /** Stall notices this member acted on (its own and other members'). */
    public long stallsHeard() {
        return stallsHeard.get();
    }

    /** Reads this member appended to the read log of a location another member owns. */
    public long readsForwarded() {
        return readsForwarded.get();
    }

    /** Locations taken with a snapshot another member had written: take-overs after a death, and hand-overs. */
    public long takeovers() {
        return takeovers.get();
    }

    /**
     * How old the backed-up state of this member's locations is: the time since the snapshots last caught
     * up with the smoother (they trail by up to one snapshot period, more while passages wait for the store).
     */
    public double snapshotAgeSeconds() {
        return (System.nanoTime() - snapshotsCurrentAtNanos) / 1e9;
    }

    public int pendingSnapshots() {
        return pending.size();
    }

    @Override
    public void close() {
        closed = true;
        owned.values().forEach(o -> o.active = false);
        control.shutdownNow();
        forwarder.shutdownNow();
        try {
            if (hazelcast.getLifecycleService().isRunning()) {
                if (ownershipChanges != null) {
                    ownershipChanges.stop();
                }
                if (stallListener != null) {
                    stallNotices.stopListening(stallListener);
                }
            }
        } catch (RuntimeException e) {
            // the member is going away anyway
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
