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
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of a {@link PassageSpool}: one per batch, named by its sequence number
 * ({@code 00000000000000000042.batch}), in a directory a lock file keeps to one spool at a time.
 *
 * <p>A batch is written to a temporary file, fsync'd, atomically renamed and the directory fsync'd,
 * so once {@link #write} returns it survives a crash; a temporary file found at start is a write that
 * never finished (so was never acknowledged) and is deleted. An unreadable batch is moved to
 * {@code corrupt/} for a person to look at. Not thread-safe: the spool calls it under its lock.
 */
final class SpoolDirectory implements AutoCloseable {

    // The spool's log category, whichever of its classes speaks: operators tune one logger.
    private static final Logger log = LoggerFactory.getLogger(PassageSpool.class);
    static final String SUFFIX = ".batch";
    static final String CORRUPT_DIR = "corrupt";
    private static final String TEMP_SUFFIX = ".tmp";

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;

    /** Creates the directory if need be and locks it against a second spool, in this process or another. */
    SpoolDirectory(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.dir);
            lockChannel = FileChannel.open(this.dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null; // held by a spool of this JVM
            }
            if (l == null) {
                lockChannel.close();
                throw new IllegalStateException("Passage spool " + this.dir + " is in use by another process or spool");
            }
            lock = l;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open passage spool " + this.dir, e);
        }
    }

    /** The batches an earlier run left, sequence number to file size; unfinished writes are deleted. */
    TreeMap<Long, Long> recover() throws IOException {
        TreeMap<Long, Long> found = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path file : entries) {
                String name = file.getFileName().toString();
                if (name.endsWith(TEMP_SUFFIX)) {
                    Files.deleteIfExists(file); // never renamed, so never acknowledged
                    continue;
                }
                Long sequence = sequenceOf(name);
                if (sequence != null && Files.isRegularFile(file)) {
                    found.put(sequence, Files.size(file));
                }
            }
        }
        return found;
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
     * Writes batch {@code sequence} durably.
     *
     * @throws UncheckedIOException when the disk refuses the write (nothing of the batch is left behind)
     */
    void write(long sequence, byte[] data) {
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

    byte[] read(long sequence) throws IOException {
        return Files.readAllBytes(fileOf(sequence));
    }

    /** Moves an unreadable batch to {@code corrupt/} (or, failing that, leaves it) and says so: its passages are lost to replay. */
    void setAside(long sequence, Exception why) {
        Path file = fileOf(sequence);
        Path aside = dir.resolve(CORRUPT_DIR).resolve(file.getFileName());
        try {
            Files.createDirectories(aside.getParent());
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            log.error("Spooled passage batch {} is unreadable ({}): moved to {}; its passages are not replayed", file, why.getMessage(), aside);
        } catch (IOException e) {
            log.error("Spooled passage batch {} is unreadable ({}) and could not be moved aside ({}): skipped", file, why.getMessage(), e.toString());
        }
    }

    void delete(long sequence) {
        try {
            Files.deleteIfExists(fileOf(sequence));
        } catch (IOException e) {
            // Replaying it again after a restart is harmless: the store is idempotent.
            log.warn("Could not delete replayed spool batch {}: {}", fileOf(sequence), e.toString());
        }
    }

    Path path() {
        return dir;
    }

    /** Releases the lock; the files stay. */
    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            log.debug("Closing spool lock: {}", e.toString());
        }
    }
}
