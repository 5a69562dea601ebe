package org.openrfid.trace.pipeline.cluster;

import com.hazelcast.core.HazelcastInstanceNotActiveException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.openrfid.trace.passage.LocationSnapshot;

/**
 * Writes the snapshots the smoother took to {@link PresenceSnapshots}, each only once every passage
 * completed before it was taken has been stored: otherwise a passage still queued for the store on a
 * member that dies would be neither stored nor re-emitted.
 *
 * <p>The writes run on the control thread: encoding and compressing a snapshot costs the calling thread
 * (the store's, the smoother's) real time. One run writes all that are ready, so a burst of calls
 * schedules one run. Snapshots come in from the smoother's thread ({@link #add}) and the stored count
 * from the store's ({@link #passagesStored}); the queue and counters between them are thread-safe.
 */
final class SnapshotWriter {

    private record Pending(OwnedLocation taking, LocationSnapshot snapshot, byte[] rounds, long emittedBefore, long takenAtNanos) {
    }

    private final PresenceSnapshots snapshots;
    private final Executor control;
    private final BooleanSupplier closed;
    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicBoolean writeScheduled = new AtomicBoolean();
    private volatile long currentAtNanos = System.nanoTime();

    SnapshotWriter(PresenceSnapshots snapshots, Executor control, BooleanSupplier closed) {
        this.snapshots = snapshots;
        this.control = control;
        this.closed = closed;
    }

    /**
     * A snapshot of one taking of its location and its {@link AppliedRounds} bytes, taken when
     * {@code emittedBefore} passages had been completed (smoother thread). It is dropped unwritten if the
     * taking is {@link OwnedLocation#discarded} meanwhile.
     */
    void add(OwnedLocation taking, LocationSnapshot snapshot, byte[] rounds, long emittedBefore) {
        pending.add(new Pending(taking, snapshot, rounds, emittedBefore, System.nanoTime()));
    }

    /** After a snapshot round: with nothing waiting, the backed-up state is as current as the smoother's. */
    void caughtUpIfNoneWaiting() {
        if (pending.isEmpty()) {
            currentAtNanos = System.nanoTime();
        }
    }

    void passagesStored(int count) {
        stored.addAndGet(count);
        scheduleWrites();
    }

    void scheduleWrites() {
        if (closed.getAsBoolean() || !writeScheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            control.execute(() -> {
                writeScheduled.set(false);
                writeReady();
            });
        } catch (RejectedExecutionException e) {
            writeScheduled.set(false); // closing
        }
    }

    private synchronized void writeReady() {
        long storedSoFar = stored.get();
        Pending p;
        while ((p = pending.peek()) != null && p.emittedBefore() <= storedSoFar) {
            pending.poll();
            try {
                if (!p.taking().discarded) {
                    snapshots.put(p.snapshot(), p.rounds());
                }
            } catch (HazelcastInstanceNotActiveException e) {
                return;
            }
            if (pending.isEmpty()) {
                currentAtNanos = p.takenAtNanos();
            }
        }
    }

    /** Since the snapshots last caught up with the smoother, in seconds. */
    double ageSeconds() {
        return (System.nanoTime() - currentAtNanos) / 1e9;
    }

    int pending() {
        return pending.size();
    }
}
