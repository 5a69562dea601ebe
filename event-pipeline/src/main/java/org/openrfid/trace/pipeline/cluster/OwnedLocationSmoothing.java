package org.openrfid.trace.pipeline.cluster;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.openrfid.trace.passage.LocationSnapshot;
import org.openrfid.trace.pipeline.SmoothingStage;
import org.openrfid.trace.reader.TagReadBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster layer's work on the smoother's thread: which locations the smoother holds for this member,
 * the last read-log sequence applied to each, and what changed since the last snapshot. Its state is
 * touched only by the {@link SmoothingStage.Task}s it sends, which run on the smoother's thread in order
 * with the reads; the {@code send…} methods may be called from any thread and only queue such a task.
 * Every task the cluster layer gives the smoother is made here.
 *
 * <p>Snapshots are taken here (every snapshot period, and at once when a location is released), together
 * with the sequence of the last chunk applied, and handed to the {@link SnapshotWriter}.
 */
final class OwnedLocationSmoothing {

    private static final Logger log = LoggerFactory.getLogger(ClusterSmoothing.class);

    private final Consumer<Object> smootherInbox;
    private final SnapshotWriter writer;
    private final AtomicLong chunksApplied = new AtomicLong();
    private final AtomicLong copiesSkipped = new AtomicLong();
    private final AtomicLong presencesAdopted = new AtomicLong();

    // Smoother-thread state: touched only by tasks that run on the smoother's thread.
    private final Map<String, OwnedLocation> current = new HashMap<>();
    private final Map<String, Long> applied = new HashMap<>();
    private final Map<String, AppliedRounds> rounds = new HashMap<>();
    private final Set<String> dirty = new HashSet<>();
    private final Map<String, Integer> openAtSnapshot = new HashMap<>();

    OwnedLocationSmoothing(Consumer<Object> smootherInbox, SnapshotWriter writer) {
        this.smootherInbox = smootherInbox;
        this.writer = writer;
    }

    private void send(SmoothingStage.Task task) {
        smootherInbox.accept(task);
    }

    /**
     * The location's open presences become the snapshot's; its log is applied after {@code appliedUpTo},
     * skipping the copies of the rounds {@code restoredRounds} holds.
     */
    void sendTake(OwnedLocation o, LocationSnapshot restore, AppliedRounds restoredRounds, long appliedUpTo) {
        String location = o.locationId;
        send(ctx -> {
            int dropped = ctx.smoother().importLocation(restore, ctx.nowWallMicros() + ClusterSmoothing.FAILOVER_GRACE_MICROS);
            if (dropped > 0) {
                log.warn("location {}: {} presences in the snapshot no longer have read points", location, dropped);
            }
            current.put(location, o);
            applied.put(location, appliedUpTo);
            rounds.put(location, restoredRounds);
            openAtSnapshot.put(location, restore.presences().size() - dropped);
        });
    }

    /** Snapshots the location at once and forgets it, unless it was taken again meanwhile. */
    void sendRelease(OwnedLocation o) {
        String location = o.locationId;
        send(ctx -> {
            if (current.get(location) != o) {
                return;
            }
            writer.add(o, ctx.smoother().exportLocation(location, applied.get(location)), rounds.get(location).toBytes(),
                    ctx.passagesOut());
            ctx.smoother().dropLocation(location);
            forget(location);
            writer.scheduleWrites();
        });
    }

    /**
     * Takes the location's open presences out of the smoother and forgets the location, without a
     * snapshot: this member merges into another cluster after a split, which keeps its own state, and the
     * presences hold reads that exist nowhere else. They complete with an empty snapshot when the location
     * was no longer held; the caller hands them to the merged cluster's owner ({@link ReadChunks#HAND_OVER}).
     */
    CompletableFuture<LocationSnapshot> sendHandOverForMerge(OwnedLocation o) {
        String location = o.locationId;
        CompletableFuture<LocationSnapshot> presences = new CompletableFuture<>();
        send(ctx -> {
            if (current.get(location) != o) {
                presences.complete(new LocationSnapshot(location, -1, Map.of(), List.of()));
                return;
            }
            presences.complete(ctx.smoother().exportLocation(location, -1));
            ctx.smoother().dropLocation(location);
            forget(location);
        });
        return presences;
    }

    /**
     * Presences that could not be handed over (the merged cluster refused the append): merged into this
     * smoother's state when the location is held here again, else completed into passages here, so their
     * reads are not lost.
     */
    void sendKeepHandOver(LocationSnapshot presences) {
        String location = presences.locationId();
        send(ctx -> {
            ctx.smoother().adoptPresences(presences, ctx.nowWallMicros());
            if (!current.containsKey(location)) {
                ctx.completeLocation(location);
            }
        });
    }

    private void forget(String location) {
        current.remove(location);
        applied.remove(location);
        rounds.remove(location);
        dirty.remove(location);
        openAtSnapshot.remove(location);
    }

    /** One smoother task for all the chunks of one log read, not one exchange per chunk. */
    void sendChunks(OwnedLocation o, long[] sequences, byte[][] data) {
        int n = sequences.length;
        send(ctx -> {
            for (int i = 0; i < n; i++) {
                apply(ctx, o, sequences[i], data[i]);
            }
        });
    }

    /** Reads that map to no location: smoothed (and counted as unmapped) here, never logged. */
    void sendUnmapped(TagReadBatch batch) {
        send(ctx -> ctx.accept(batch));
    }

    /** Restarts every reader's quiet time: reads are held up on their way (see {@link StallWatch}). */
    void sendHoldQuietTime() {
        send(ctx -> ctx.smoother().holdQuietTime(ctx.nowWallMicros()));
    }

    /** Snapshots every location whose state changed since its last snapshot. */
    void sendSnapshotRound() {
        send(this::snapshotChanged);
    }

    // ---------------------------------------------------------------- smoother thread

    private void apply(SmoothingStage.TaskContext ctx, OwnedLocation o, long sequence, byte[] chunk) {
        if (current.get(o.locationId) != o) {
            return; // released meanwhile
        }
        Long last = applied.get(o.locationId);
        if (last != null && sequence <= last) {
            return;
        }
        applied.put(o.locationId, sequence);
        dirty.add(o.locationId);
        ReadChunks.Origin origin = ReadChunks.origin(chunk);
        if (origin != null && !rounds.get(o.locationId).firstTime(origin.source(), origin.round())) {
            copiesSkipped.incrementAndGet();
            log.info("location {}: log entry {} is a copy of round {} of an ingress already applied (an append retried); skipped",
                    o.locationId, sequence, origin.round());
            return;
        }
        LocationSnapshot handedOver = ReadChunks.handedOver(chunk);
        if (handedOver != null) {
            int dropped = ctx.smoother().adoptPresences(handedOver, ctx.nowWallMicros() + ClusterSmoothing.FAILOVER_GRACE_MICROS);
            presencesAdopted.addAndGet(handedOver.presences().size() - dropped);
            log.info("location {}: {} open presences handed over by a member that merged after a split{}", o.locationId,
                    handedOver.presences().size() - dropped, dropped == 0 ? "" : " (" + dropped + " without read points here, dropped)");
            return;
        }
        for (TagReadBatch batch : ReadChunks.decode(chunk)) {
            ctx.accept(batch);
        }
        chunksApplied.incrementAndGet();
    }

    private void snapshotChanged(SmoothingStage.TaskContext ctx) {
        Map<String, Integer> open = ctx.smoother().openPresencesByLocation();
        for (String location : current.keySet()) {
            int now = open.getOrDefault(location, 0);
            if (dirty.contains(location) || now != openAtSnapshot.getOrDefault(location, -1)) {
                writer.add(current.get(location), ctx.smoother().exportLocation(location, applied.get(location)),
                        rounds.get(location).toBytes(), ctx.passagesOut());
                openAtSnapshot.put(location, now);
            }
        }
        dirty.clear();
        writer.scheduleWrites();
        writer.caughtUpIfNoneWaiting();
    }

    long chunksApplied() {
        return chunksApplied.get();
    }

    /** Open presences taken over from members that merged after a split ({@link ReadChunks#HAND_OVER}). */
    long presencesAdopted() {
        return presencesAdopted.get();
    }

    /** Log entries skipped as copies of a round already applied (appends Hazelcast retried). */
    long copiesSkipped() {
        return copiesSkipped.get();
    }
}
