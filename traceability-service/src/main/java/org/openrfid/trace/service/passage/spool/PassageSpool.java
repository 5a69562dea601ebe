package org.openrfid.trace.service.passage.spool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.passage.Passage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded, ordered spool of passage batches on local disk, for when the store is away.
 *
 * <p>Each batch is one file named by a sequence number ({@code 00000000000000000042.batch}), written
 * to a temporary file, fsync'd, atomically renamed and the directory fsync'd: once {@link #append}
 * returns the batch survives a crash. Files left by an earlier run are picked up in order when the
 * spool opens; temporary files (a write that never finished, so never acknowledged) are deleted.
 * A file that turns out torn or corrupt when read is moved to {@code corrupt/} and logged, and the
 * spool carries on with the next one.
 *
 * <p>The spool holds at most {@code maxBytes}: {@link #append} blocks while a batch does not fit
 * (a batch larger than the whole bound still goes into an empty spool, or nothing would move).
 * Nothing is ever dropped. Thread-safe; a lock file keeps two processes off one directory.
 */
public final class PassageSpool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PassageSpool.class);
    static final String SUFFIX = ".batch";
    private static final String TEMP_SUFFIX = ".tmp";
    static final String CORRUPT_DIR = "corrupt";

    private final Path dir;
    private final long maxBytes;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private final ReentrantLock mutex = new ReentrantLock();
    private final Condition notEmpty = mutex.newCondition();
    private final Condition notFull = mutex.newCondition();
    /** Spooled batches: sequence number to file size, oldest first. */
    private final TreeMap<Long, Long> files = new TreeMap<>();
    private long bytes;
    private long nextSequence;
    private long corrupt;
    private long fullEpisodes;
    private boolean blocked;
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
        this.dir = dir.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(this.dir);
            lockChannel = FileChannel.open(this.dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                lockChannel.close();
                throw new IllegalStateException("Passage spool " + this.dir + " is in use by another process or spool");
            }
            lock = l;
            recover();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open passage spool " + this.dir, e);
        }
        if (!files.isEmpty()) {
            log.warn("Passage spool {} holds {} batches ({} bytes) from an earlier run: replaying them", this.dir, files.size(), bytes);
        }
    }

    private void recover() throws IOException {
        long last = -1;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path file : entries) {
                String name = file.getFileName().toString();
                if (name.endsWith(TEMP_SUFFIX)) {
                    Files.deleteIfExists(file); // never renamed, so never acknowledged
                    continue;
                }
                Long sequence = sequenceOf(name);
                if (sequence == null || !Files.isRegularFile(file)) {
                    continue;
                }
                long size = Files.size(file);
                files.put(sequence, size);
                bytes += size;
                last = Math.max(last, sequence);
            }
        }
        nextSequence = last + 1;
    }

    private static Long sequenceOf(String name) {
        if (!name.endsWith(SUFFIX)) {
            return null;
        }
        try {
            return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Path fileOf(long sequence) {
        return dir.resolve(String.format("%020d", sequence) + SUFFIX);
    }

    /**
     * Appends a batch durably, after all batches appended before it. Blocks while the spool is full.
     *
     * @throws InterruptedException when interrupted while waiting for room (the batch is not spooled)
     * @throws UncheckedIOException when the disk refuses the write (the batch is not spooled)
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
                            dir, files.size(), bytes, maxBytes);
                }
                notFull.await();
                ensureOpen();
            }
            if (blocked) {
                blocked = false;
                log.info("Passage spool {} has room again ({} bytes): store route unblocked", dir, bytes);
            }
            long sequence = nextSequence++;
            write(sequence, data);
            files.put(sequence, (long) data.length);
            bytes += data.length;
            notEmpty.signalAll();
        } finally {
            mutex.unlock();
        }
    }

    private void write(long sequence, byte[] data) {
        Path target = fileOf(sequence);
        Path temp = dir.resolve(target.getFileName() + TEMP_SUFFIX);
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(data);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory();
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the next start deletes it
            }
            throw new UncheckedIOException("Cannot spool a passage batch to " + dir, e);
        }
    }

    private void syncDirectory() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Not every platform can fsync a directory; the rename is durable on those that cannot.
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
                Path file = fileOf(sequence);
                try {
                    SpoolFormat.Decoded decoded = SpoolFormat.decodeBatch(Files.readAllBytes(file));
                    return new Batch(sequence, decoded.passages(), decoded.enriched());
                } catch (SpoolFormat.CorruptBatchException | IOException e) {
                    setAside(sequence, file, e);
                }
            }
            return null;
        } finally {
            mutex.unlock();
        }
    }

    private void setAside(long sequence, Path file, Exception why) {
        corrupt++;
        Path aside = dir.resolve(CORRUPT_DIR).resolve(file.getFileName());
        try {
            Files.createDirectories(aside.getParent());
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            log.error("Spooled passage batch {} is unreadable ({}): moved to {}; its passages are not replayed", file, why.getMessage(), aside);
        } catch (IOException e) {
            log.error("Spooled passage batch {} is unreadable ({}) and could not be moved aside ({}): skipped", file, why.getMessage(), e.toString());
        }
        forget(sequence);
    }

    /** Removes a batch once the store holds it. */
    public void remove(long sequence) {
        mutex.lock();
        try {
            if (!files.containsKey(sequence)) {
                return;
            }
            try {
                Files.deleteIfExists(fileOf(sequence));
            } catch (IOException e) {
                // Replaying it again after a restart is harmless: the store is idempotent.
                log.warn("Could not delete replayed spool batch {}: {}", fileOf(sequence), e.toString());
            }
            forget(sequence);
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
            throw new IllegalStateException("passage spool " + dir + " is closed");
        }
    }

    public boolean isEmpty() {
        mutex.lock();
        try {
            return files.isEmpty();
        } finally {
            mutex.unlock();
        }
    }

    public int batches() {
        mutex.lock();
        try {
            return files.size();
        } finally {
            mutex.unlock();
        }
    }

    public long bytes() {
        mutex.lock();
        try {
            return bytes;
        } finally {
            mutex.unlock();
        }
    }

    /** Batches found torn or corrupt and set aside. */
    public long corruptBatches() {
        mutex.lock();
        try {
            return corrupt;
        } finally {
            mutex.unlock();
        }
    }

    /** Whether an append is waiting for room now. */
    public boolean isBlocked() {
        mutex.lock();
        try {
            return blocked;
        } finally {
            mutex.unlock();
        }
    }

    /** How many times the spool filled up and blocked an append. */
    public long fullEpisodes() {
        mutex.lock();
        try {
            return fullEpisodes;
        } finally {
            mutex.unlock();
        }
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Path directory() {
        return dir;
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
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            log.debug("Closing spool lock: {}", e.toString());
        }
    }
}
