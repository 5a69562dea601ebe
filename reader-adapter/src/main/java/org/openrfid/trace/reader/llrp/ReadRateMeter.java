package org.openrfid.trace.reader.llrp;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Tag reads received and their rate per second. The rate is measured over windows of at least a
 * second, closed whenever someone looks ({@link #tick}): on every frame, every idle poll of the socket
 * and every status request, so it falls to zero when reads stop rather than keeping the last value.
 */
final class ReadRateMeter {

    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final LongSupplier nanoTime;
    private final AtomicLong total = new AtomicLong();
    private long windowStartNanos;
    private long windowStartTotal;
    private volatile double perSecond;

    ReadRateMeter() {
        this(System::nanoTime);
    }

    ReadRateMeter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.windowStartNanos = nanoTime.getAsLong();
    }

    void add(int reads) {
        total.addAndGet(reads);
    }

    long total() {
        return total.get();
    }

    synchronized void tick() {
        long now = nanoTime.getAsLong();
        long elapsed = now - windowStartNanos;
        if (elapsed >= WINDOW_NANOS) {
            long reads = total.get();
            perSecond = (reads - windowStartTotal) * 1e9 / elapsed;
            windowStartTotal = reads;
            windowStartNanos = now;
        }
    }

    /** The rate of the last closed window, after closing the current one if it is due. */
    double perSecond() {
        tick();
        return perSecond;
    }
}
