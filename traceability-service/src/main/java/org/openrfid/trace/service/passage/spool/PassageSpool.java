package org.openrfid.trace.service.passage.spool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.passage.Passage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded, ordered spool of passage batches on local disk, for when the store is away.
 *
 * <p>Each batch is one file ({@link SpoolDirectory}): once {@link #append} returns the batch survives
 * a crash. Files left by an earlier run are picked up in order when the spool opens. A file that
 * turns out torn or corrupt when read is moved to {@code corrupt/} and logged, and the spool carries
 * on with the next one.
 *
 * <p>The spool holds at most {@code maxBytes}: {@link #append} blocks while a batch does not fit
 * (a batch larger than the whole bound still goes into an empty spool, or nothing would move).
 * A disk that fills up before the bound is treated the same way: while the spool holds batches an
 * append the disk refuses waits for a replayed batch to free room and tries again; only into an empty
 * spool, where nothing would ever free room, is the refusal thrown to the caller (which retries).
 * Nothing is ever dropped. Thread-safe; a lock file keeps two processes off one directory.
 */
public final class PassageSpool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PassageSpool.class);

    private final SpoolDirectory directory;
    private final long maxBytes;

    private final ReentrantLock mutex = new ReentrantLock();
    private final Condition notEmpty = mutex.newCondition();
    private final Condition notFull = mutex.newCondition();
    /** Spooled batches: sequence number to file size, oldest first. */
    private final TreeMap<Long, Long> files = new TreeMap<>();
    private long bytes;
    private long nextSequence;
    private long corrupt;
    private long fullEpisodes;
    // Written under the lock, read without it: HTTP ingest asks on every request (PipelineHold) and must
    // not wait behind a spool write's fsync.
    private volatile boolean blocked;
    private volatile boolean outOfSpace;
    private long diskRefusals;
    private boolean closed;

    /**
     * A batch read back from the spool.
     *
     * @param enriched false for a batch spooled before it could be enriched (the registry was away
     *                 too, or the file was written by a version without enrichment)
     */
    public record Batch(long sequence, List<EnrichedPassage> entries, boolean enriched) {

        public List<Passage> passages() {
            return entries.stream().map(EnrichedPassage::passage).toList();
        }
    }

    public PassageSpool(Path dir, long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("spool bound must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.directory = new SpoolDirectory(dir);
        try {
            files.putAll(directory.recover());
        } catch (IOException e) {
            directory.close();
            throw new UncheckedIOException("Cannot open passage spool " + directory.path(), e);
        }
        bytes = files.values().stream().mapToLong(Long::longValue).sum();
        nextSequence = files.isEmpty() ? 0 : files.lastKey() + 1;
        if (!files.isEmpty()) {
            log.warn("Passage spool {} holds {} batches ({} bytes) from an earlier run: replaying them", directory.path(), files.size(), bytes);
        }
    }

    /**
     * Appends a batch durably, after all batches appended before it. Blocks while the spool is full.
     *
     * @throws InterruptedException when interrupted while waiting for room (the batch is not spooled)
     * @throws UncheckedIOException when the disk refuses the write into an empty spool (the batch is not
     *                              spooled); into a spool holding batches it waits for room instead
     */
    public void append(List<Passage> passages) throws InterruptedException {
        append(passages.stream().map(EnrichedPassage::bare).toList(), false);
    }

    /**
     * Appends enriched passages (or, with {@code enriched} false, passages still to be enriched); see
     * {@link #append(List)}.
     */
    public void append(List<EnrichedPassage> passages, boolean enriched) throws InterruptedException {
        byte[] data = SpoolFormat.encode(passages, enriched);
        mutex.lockInterruptibly();
        try {
            ensureOpen();
            while (!files.isEmpty() && bytes + data.length > maxBytes) {
                if (!blocked) {
                    blocked = true;
                    fullEpisodes++;
                    log.warn("Passage spool {} is full ({} batches, {} of {} bytes): blocking the store route until the store takes batches back",
                            directory.path(), files.size(), bytes, maxBytes);
                }
                notFull.await();
                ensureOpen();
            }
            if (blocked) {
                blocked = false;
                log.info("Passage spool {} has room again ({} bytes): store route unblocked", directory.path(), bytes);
            }
            long sequence = nextSequence;
            writeWaitingForSpace(sequence, data);
            nextSequence++;
            files.put(sequence, (long) data.length);
            bytes += data.length;
            notEmpty.signalAll();
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Writes the batch; while the disk refuses it and the spool holds batches, waits for one to be
     * replayed (which frees room) and tries again. Called under the lock.
     */
    private void writeWaitingForSpace(long sequence, byte[] data) throws InterruptedException {
        while (true) {
            try {
                directory.write(sequence, data);
                if (outOfSpace) {
                    outOfSpace = false;
                    log.info("Passage spool {} takes writes again ({} batches, {} bytes)", directory.path(), files.size(), bytes);
                }
                return;
            } catch (UncheckedIOException e) {
                diskRefusals++;
                if (!outOfSpace) {
                    outOfSpace = true;
                    log.warn("The disk refuses passage spool writes in {} ({}; {} batches, {} bytes spooled): {}", directory.path(),
                            e.getCause() == null ? e.getMessage() : e.getCause().toString(), files.size(), bytes,
                            files.isEmpty() ? "the store route retries" : "blocking the store route until a replayed batch frees room");
                }
                if (files.isEmpty()) {
                    throw e;
                }
                // Timed: room freed by something other than this spool (an operator) is noticed too.
                notFull.await(1, TimeUnit.SECONDS);
                ensureOpen();
            }
        }
    }

    /**
     * The oldest intact batch, waiting up to {@code timeout} for one. Corrupt files on the way are
     * moved aside. Null when none came in time or the spool is closed.
     */
    public Batch oldest(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        mutex.lockInterruptibly();
        try {
            while (!closed) {
                Map.Entry<Long, Long> first = files.firstEntry();
                if (first == null) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return null;
                    }
                    notEmpty.awaitNanos(left);
                    continue;
                }
                long sequence = first.getKey();
                try {
                    SpoolFormat.Decoded decoded = SpoolFormat.decodeBatch(directory.read(sequence));
                    return new Batch(sequence, decoded.passages(), decoded.enriched());
                } catch (SpoolFormat.CorruptBatchException | IOException e) {
                    corrupt++;
                    directory.setAside(sequence, e);
                    forget(sequence);
                }
            }
            return null;
        } finally {
            mutex.unlock();
        }
    }

    /** Removes a batch once the store holds it. */
    public void remove(long sequence) {
        mutex.lock();
        try {
            if (files.containsKey(sequence)) {
                directory.delete(sequence);
                forget(sequence);
            }
        } finally {
            mutex.unlock();
        }
    }

    private void forget(long sequence) {
        Long size = files.remove(sequence);
        if (size != null) {
            bytes -= size;
        }
        notFull.signalAll();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("passage spool " + directory.path() + " is closed");
        }
    }

    public boolean isEmpty() {
        return underLock(files::isEmpty);
    }

    public int batches() {
        return underLock(files::size);
    }

    public long bytes() {
        return underLock(() -> bytes);
    }

    /** Batches found torn or corrupt and set aside. */
    public long corruptBatches() {
        return underLock(() -> corrupt);
    }

    /** Whether an append is waiting for room now. */
    public boolean isBlocked() {
        return blocked;
    }

    /**
     * Whether the disk refused the last spool write (out of space, or otherwise failing): the store
     * route is held until it takes writes again. Cleared by the next write it takes.
     */
    public boolean isOutOfSpace() {
        return outOfSpace;
    }

    /**
     * The store took a batch directly, so no spool write is pending: the disk's state is unknown again
     * until the next one, and it no longer holds anything up.
     */
    public void clearOutOfSpace() {
        mutex.lock();
        try {
            if (outOfSpace && files.isEmpty()) {
                outOfSpace = false;
                log.info("Passage spool {} is not needed now: the store takes writes directly again", directory.path());
            }
        } finally {
            mutex.unlock();
        }
    }

    /** Spool writes the disk refused (each retry counts). */
    public long diskRefusals() {
        return underLock(() -> diskRefusals);
    }

    /** How many times the spool filled up and blocked an append. */
    public long fullEpisodes() {
        return underLock(() -> fullEpisodes);
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Path directory() {
        return directory.path();
    }

    private <T> T underLock(Supplier<T> read) {
        mutex.lock();
        try {
            return read.get();
        } finally {
            mutex.unlock();
        }
    }

    /** Wakes every waiter; the files stay for the next start. */
    @Override
    public void close() {
        mutex.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            mutex.unlock();
        }
        directory.close();
    }
}
