package org.openrfid.trace.pipeline.cluster;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.StampedLock;

/**
 * Holds ingest rounds back while this member merges into another cluster after a network split: a round
 * appended while Hazelcast wipes this member's data would land in a read log the merge discards. Shut on
 * {@code MERGING} (after the rounds in flight have finished), open again on {@code MERGED}, on a failed
 * merge and on close; the rounds held meanwhile then append to the merged cluster's logs. A stamped lock,
 * because the thread that opens it need not be the one that shut it.
 */
final class MergeGate {

    private final StampedLock lock = new StampedLock();
    private long shutStamp;

    /** Runs one ingest round, waiting first while the gate is shut. */
    void pass(Runnable round) {
        long stamp = lock.readLock();
        try {
            round.run();
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /**
     * Waits up to {@code timeout} for the rounds in flight, then holds every later one until {@link #open}.
     *
     * @return false when a round was still running at the timeout (the gate stays open)
     */
    synchronized boolean shut(Duration timeout) throws InterruptedException {
        if (shutStamp != 0) {
            return true;
        }
        shutStamp = lock.tryWriteLock(timeout.toNanos(), TimeUnit.NANOSECONDS);
        return shutStamp != 0;
    }

    synchronized void open() {
        if (shutStamp != 0) {
            lock.unlockWrite(shutStamp);
            shutStamp = 0;
        }
    }
}
