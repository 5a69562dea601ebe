package org.openrfid.trace.pipeline.cluster;

import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.ringbuffer.StaleSequenceException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the logs of the locations this member owns, each from where its snapshot left off, in order, and
 * hands every read's chunks to the smoother as one task. Runs on the forwarder thread
 * ({@code rfid-cluster-forward}), which alone moves each {@link OwnedLocation#next} cursor: every log read
 * completes there, and a read that failed is retried there. A location's loop stops when its taking is no
 * longer {@link OwnedLocation#active active}.
 */
final class ReadLogConsumer {

    private static final Logger log = LoggerFactory.getLogger(ClusterSmoothing.class);
    private static final int READ_MAX = 256;
    private static final long RETRY_AFTER_MILLIS = 200;

    private final ReadLog readLog;
    private final OwnedLocationSmoothing smoothing;
    private final ScheduledExecutorService forwarder;
    private final BooleanSupplier closed;
    private final AtomicLong staleChunks = new AtomicLong();

    ReadLogConsumer(ReadLog readLog, OwnedLocationSmoothing smoothing, ScheduledExecutorService forwarder, BooleanSupplier closed) {
        this.readLog = readLog;
        this.smoothing = smoothing;
        this.forwarder = forwarder;
        this.closed = closed;
    }

    /** Starts reading the location's log at sequence {@code from} (any thread; the loop runs on the forwarder). */
    void start(OwnedLocation o, long from) {
        if (closed.getAsBoolean()) {
            return;
        }
        try {
            forwarder.execute(() -> {
                o.next = from;
                poll(o);
            });
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    /** Counts chunks that expired from a log before they were applied (reads lost). Any thread. */
    void lost(long chunks) {
        staleChunks.addAndGet(chunks);
    }

    private void poll(OwnedLocation o) {
        if (!o.active || closed.getAsBoolean()) {
            return;
        }
        readLog.read(o.locationId, o.next, READ_MAX).whenCompleteAsync((chunks, error) -> {
            if (!o.active || closed.getAsBoolean()) {
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
                    lost(head - o.next);
                    o.next = head;
                } else {
                    log.warn("location {}: reading its log failed, retrying", o.locationId, cause);
                    forwarder.schedule(() -> poll(o), RETRY_AFTER_MILLIS, TimeUnit.MILLISECONDS);
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
            smoothing.sendChunks(o, sequences, data);
            o.next = chunks.getNextSequenceToReadFrom();
            poll(o);
        }, forwarder);
    }

    /** Log chunks that expired before they were applied (reads lost; should stay 0). */
    long staleChunks() {
        return staleChunks.get();
    }
}
