package org.openrfid.trace.pipeline.cluster;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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

    // Smoother-thread state: touched only by tasks that run on the smoother's thread.
    private final Map<String, OwnedLocation> current = new HashMap<>();
    private final Map<String, Long> applied = new HashMap<>();
    private final Set<String> dirty = new HashSet<>();
    private final Map<String, Integer> openAtSnapshot = new HashMap<>();

    OwnedLocationSmoothing(Consumer<Object> smootherInbox, SnapshotWriter writer) {
        this.smootherInbox = smootherInbox;
        this.writer = writer;
    }

    private void send(SmoothingStage.Task task) {
        smootherInbox.accept(task);
    }

    /** The location's open presences become the snapshot's; its log is applied after {@code appliedUpTo}. */
    void sendTake(OwnedLocation o, LocationSnapshot restore, long appliedUpTo) {
        String location = o.locationId;
        send(ctx -> {
            int dropped = ctx.smoother().importLocation(restore, ctx.nowWallMicros() + ClusterSmoothing.FAILOVER_GRACE_MICROS);
            if (dropped > 0) {
                log.warn("location {}: {} presences in the snapshot no longer have read points", location, dropped);
            }
            current.put(location, o);
            applied.put(location, appliedUpTo);
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
            writer.add(ctx.smoother().exportLocation(location, applied.get(location)), ctx.passagesOut());
            ctx.smoother().dropLocation(location);
            current.remove(location);
            applied.remove(location);
            dirty.remove(location);
            openAtSnapshot.remove(location);
            writer.scheduleWrites();
        });
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
                writer.add(ctx.smoother().exportLocation(location, applied.get(location)), ctx.passagesOut());
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
}
