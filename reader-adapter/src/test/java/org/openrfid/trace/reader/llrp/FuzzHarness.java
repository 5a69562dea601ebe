package org.openrfid.trace.reader.llrp;

import java.lang.management.ManagementFactory;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one fuzz input through a target on a worker thread and turns each way of going wrong into an
 * assertion error that shows the input: an exception that is not one of the target's declared ones
 * (runtime exceptions, errors such as stack overflow or out of memory), no answer within
 * {@link #HANG_LIMIT_MS} (a loop that does not end), or more allocation than the input can justify
 * (a length field believed before the bytes are there).
 */
final class FuzzHarness implements AutoCloseable {

    /** A target reads the whole input; its declared exceptions are how it refuses. */
    interface Target {
        void run(byte[] input) throws Exception;
    }

    /** Generous for one input of a few kilobytes (first tries include class loading and JIT). */
    static final long HANG_LIMIT_MS = 5_000;
    /**
     * Allocation allowed per input: a fixed part (the first frame buffer of 64 KiB, ltkjava's message
     * factory) plus a multiple of the input's size, because ltkjava spends about 2.5 KiB per byte it
     * decodes (it holds a message as a list of bits and makes an object per field: 4.2 MB for the
     * 2 KB Impinj set-up conversation unmutated). A buffer sized from a length field of a few MiB on an
     * input of a few KiB is beyond it.
     */
    static final long ALLOCATION_BASE = 4L << 20;
    static final long ALLOCATION_PER_INPUT_BYTE = 3_072;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final String name;
    private final Set<Class<? extends Exception>> declared;
    private ExecutorService worker = newWorker();
    final AtomicLong inputs = new AtomicLong();
    final AtomicLong frames = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    private long maxAllocated;
    private long firstNanos;
    private long lastNanos;

    FuzzHarness(String name, Set<Class<? extends Exception>> declared) {
        this.name = name;
        this.declared = declared;
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "llrp-fuzz");
            t.setDaemon(true);
            return t;
        });
    }

    void check(List<byte[]> frameList, Target target) {
        int size = frameList.stream().mapToInt(f -> f.length).sum();
        byte[] input = new byte[size];
        int at = 0;
        for (byte[] f : frameList) {
            System.arraycopy(f, 0, input, at, f.length);
            at += f.length;
        }
        if (inputs.getAndIncrement() == 0) {
            firstNanos = System.nanoTime();
        }
        frames.addAndGet(frameList.size());
        bytes.addAndGet(size);
        Future<long[]> result = worker.submit(() -> {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            long refusedIt = 0;
            try {
                target.run(input);
            } catch (Exception e) {
                if (declared.stream().noneMatch(c -> c.isInstance(e))) {
                    throw e;
                }
                refusedIt = 1;
            }
            return new long[] {THREADS.getCurrentThreadAllocatedBytes() - before, refusedIt};
        });
        long[] outcome;
        try {
            outcome = result.get(HANG_LIMIT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            worker.shutdownNow();
            worker = newWorker(); // the stuck thread cannot be stopped; go on with a new one
            throw new AssertionError(name + ": no result within " + HANG_LIMIT_MS + " ms on input " + hex(input));
        } catch (ExecutionException e) {
            throw new AssertionError(name + ": " + e.getCause() + " escaped on input " + hex(input), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        refused.addAndGet(outcome[1]);
        lastNanos = System.nanoTime();
        long allowed = ALLOCATION_BASE + ALLOCATION_PER_INPUT_BYTE * size;
        maxAllocated = Math.max(maxAllocated, outcome[0]);
        if (outcome[0] > allowed) {
            throw new AssertionError(name + ": allocated " + outcome[0] + " bytes (allowed " + allowed + ") for an input of "
                    + size + " bytes: " + hex(input));
        }
    }

    String summary() {
        double seconds = Math.max(1e-9, (lastNanos - firstNanos) / 1e9);
        return String.format("%s: %d inputs, %d frames, %d bytes in %.1f s (%.0f frames/s); %d refused with a declared "
                + "exception; most allocated by one input %d bytes", name, inputs.get(), frames.get(), bytes.get(), seconds,
                frames.get() / seconds, refused.get(), maxAllocated);
    }

    private static String hex(byte[] input) {
        return input.length > 8192 ? HexFormat.of().formatHex(input, 0, 8192) + "...(" + input.length + " bytes)"
                : HexFormat.of().formatHex(input);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
