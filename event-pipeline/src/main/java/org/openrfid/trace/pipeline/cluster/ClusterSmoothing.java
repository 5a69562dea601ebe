package org.openrfid.trace.pipeline.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.ReadPointDirectory;
import org.openrfid.trace.pipeline.ReadIngress;
import org.openrfid.trace.pipeline.SmoothingStage;
import org.openrfid.trace.reader.TagReadBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Location ownership and failover for the smoothing stage (DESIGN.md §5, docs/cluster.md): each location
 * is owned by the live member that owns its Hazelcast partition, and its presences live only in that
 * member's {@link org.openrfid.trace.passage.PassageSmoother}. Reads reach the owner through the
 * location's replayable {@link ReadLog}; the owner snapshots its state to {@link PresenceSnapshots}, and a
 * new owner restarts from the snapshot's sequence, so every read is applied exactly once, in order (a log
 * entry Hazelcast appended twice is recognised by its origin and applied once: {@link AppliedRounds}).
 *
 * <p>This class only wires the parts, each of whose state one thread owns:
 * {@link IngestForwarding} (ingress thread), {@link LocationOwnership}, {@link StallWatch} and the writes of
 * {@link SnapshotWriter} (control thread), {@link ReadLogConsumer} (forwarder thread) and
 * {@link OwnedLocationSmoothing} (smoother thread).
 *
 * <p>After a network split the member that merges into the other side's cluster ({@code MERGING}) takes the
 * open presences of the locations it held out of its smoother and writes no more snapshots of them: the
 * merge keeps the other side's read logs and snapshots, so those presences' reads would exist nowhere
 * else. Once merged it appends them to the locations' logs there, before its held-back reads, and the
 * owner merges them into its state (docs/cluster.md, "Network split").
 *
 * <p>Not covered here: batches in flight to a member that dies while {@link #ingestAll} runs are either in
 * the log or reported as failed to the caller ({@link ReadsNotAppendedException}); reader connections'
 * own take-over is {@link ReaderOwnership}'s.
 */
public final class ClusterSmoothing implements ReadIngress, AutoCloseable {

    static final Duration CHECK_EVERY = Duration.ofMillis(100);
    /**
     * Quiet time not counted against restored readers after a take-over: the gap while the partition is
     * promoted and the log replayed is the cluster's, not the reader's, and must not close presences early.
     */
    static final long FAILOVER_GRACE_MICROS = 5_000_000;
    /**
     * An ingest whose appends wait this long is stalled (a partition not answering: a dead member not yet
     * declared dead, a promotion, a busy partition thread). Well below silence + lateness, so every member
     * holds its readers' quiet time before a presence could close for want of reads that are only late.
     */
    static final Duration STALL_AFTER = Duration.ofMillis(1_000);
    /** How long a merge after a split waits for ingest rounds in flight, and then for the logs to be applied. */
    static final Duration MERGE_DRAIN = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(ClusterSmoothing.class);

    private final HazelcastInstance hazelcast;
    private final long snapshotEveryMillis;
    private final ScheduledExecutorService control = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "rfid-cluster-control"));
    private final ScheduledExecutorService forwarder = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "rfid-cluster-forward"));
    private final SnapshotWriter snapshotWriter;
    private final OwnedLocationSmoothing smoothing;
    private final IngestForwarding ingress;
    private final ReadLogConsumer consumer;
    private final LocationOwnership ownership;
    private final StallWatch stallWatch;
    private final MergeGate mergeGate = new MergeGate();
    private volatile boolean closed;
    private boolean started;
    private OwnershipChanges ownershipChanges;
    private UUID lifecycleListener;

    /**
     * @param smootherInbox puts a body ({@link SmoothingStage.Task}) on the smoother's queue, in order
     * @param snapshotEvery how often changed locations are snapshotted
     */
    public ClusterSmoothing(HazelcastInstance hazelcast, ReadPointDirectory directory, Consumer<Object> smootherInbox, Duration snapshotEvery) {
        this.hazelcast = hazelcast;
        this.snapshotEveryMillis = snapshotEvery.toMillis();
        ReadLog readLog = new ReadLog(hazelcast);
        PresenceSnapshots snapshots = new PresenceSnapshots(hazelcast);
        AppendsInFlight inFlight = new AppendsInFlight();
        this.snapshotWriter = new SnapshotWriter(snapshots, control, this::isClosed);
        this.smoothing = new OwnedLocationSmoothing(smootherInbox, snapshotWriter);
        this.ingress = new IngestForwarding(hazelcast.getPartitionService(), directory, readLog, smoothing, inFlight);
        this.consumer = new ReadLogConsumer(readLog, smoothing, forwarder, this::isClosed);
        this.ownership = new LocationOwnership(hazelcast, directory, snapshots, readLog, smoothing, consumer, control, this::isClosed);
        this.stallWatch = new StallWatch(hazelcast, new StallNotices(hazelcast), inFlight, smoothing, this::isClosed);
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
        ownershipChanges = OwnershipChanges.listen(hazelcast, ownership::recheck);
        lifecycleListener = hazelcast.getLifecycleService().addLifecycleListener(event -> {
            switch (event.getState()) {
                case MERGING -> merging();
                case MERGED, MERGE_FAILED -> afterMerge();
                default -> {
                }
            }
        });
        stallWatch.listen();
        control.scheduleWithFixedDelay(ownership::check, 0, CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        control.scheduleWithFixedDelay(stallWatch::watch, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        control.scheduleWithFixedDelay(smoothing::sendSnapshotRound, snapshotEveryMillis, snapshotEveryMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Called on the thread that merges this member into another cluster, before Hazelcast wipes its data
     * (lifecycle listeners run synchronously there): ingest waits from now until the merge is done, and
     * the open presences of the locations held here are taken out once their logs are drained.
     */
    private void merging() {
        try {
            if (!mergeGate.shut(MERGE_DRAIN)) {
                log.warn("merging after a split while an ingest round still appends; its reads may be lost");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ownership.giveUpAllForMerge(MERGE_DRAIN);
    }

    /** On the control thread, after the releases {@link #merging} queued there: hand over, then resume ingest. */
    private void afterMerge() {
        try {
            control.execute(() -> {
                try {
                    ownership.merged(MERGE_DRAIN);
                } finally {
                    mergeGate.open();
                }
            });
        } catch (RejectedExecutionException e) {
            mergeGate.open(); // closing
        }
    }

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
        mergeGate.pass(() -> ingress.ingestAll(batches));
    }

    /**
     * Told how long each ingest round's read-log appends took, in nanoseconds (for a timer); a round is
     * one batch, or all the batches the ingress coalesced.
     */
    public void onAppendLatency(LongConsumer nanos) {
        ingress.onAppendLatency(nanos);
    }

    /** Call with every list of passages once stored: snapshots wait for the passages completed before them. */
    public void passagesStored(List<Passage> passages) {
        snapshotWriter.passagesStored(passages.size());
    }

    /** Locations this member owns now. */
    public Set<String> ownedLocations() {
        return ownership.ownedLocations();
    }

    /** Log chunks that expired before they were applied (reads lost; should stay 0). */
    public long staleChunks() {
        return consumer.staleChunks();
    }

    public long chunksApplied() {
        return smoothing.chunksApplied();
    }

    /**
     * Read-log entries skipped as copies of an ingest round already applied: Hazelcast retries an append
     * whose answer was lost when a member left, and the log may then hold it twice ({@link AppliedRounds}).
     */
    public long logCopiesSkipped() {
        return smoothing.copiesSkipped();
    }

    /**
     * Open presences this member took over from members that merged into its cluster after a network
     * split, each merged into what was open here ({@link ReadChunks#HAND_OVER}).
     */
    public long presencesAdopted() {
        return smoothing.presencesAdopted();
    }

    /** Stall notices this member acted on (its own and other members'). */
    public long stallsHeard() {
        return stallWatch.stallsHeard();
    }

    /** Reads this member appended to the read log of a location another member owns. */
    public long readsForwarded() {
        return ingress.readsForwarded();
    }

    /** Locations taken with a snapshot another member had written: take-overs after a death, and hand-overs. */
    public long takeovers() {
        return ownership.takeovers();
    }

    /**
     * How old the backed-up state of this member's locations is: the time since the snapshots last caught
     * up with the smoother (they trail by up to one snapshot period, more while passages wait for the store).
     */
    public double snapshotAgeSeconds() {
        return snapshotWriter.ageSeconds();
    }

    public int pendingSnapshots() {
        return snapshotWriter.pending();
    }

    @Override
    public void close() {
        closed = true;
        mergeGate.open();
        ownership.deactivateAll();
        control.shutdownNow();
        forwarder.shutdownNow();
        try {
            if (hazelcast.getLifecycleService().isRunning()) {
                if (ownershipChanges != null) {
                    ownershipChanges.stop();
                }
                if (lifecycleListener != null) {
                    hazelcast.getLifecycleService().removeLifecycleListener(lifecycleListener);
                }
                stallWatch.stopListening();
            }
        } catch (RuntimeException e) {
            // the member is going away anyway
        }
    }

    private boolean isClosed() {
        return closed;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
