package org.openrfid.trace.service.ingest;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Append-only journal of accepted reader payloads, fsync'd before the sender is told they were taken, so
 * a crash between the acknowledgement and the store loses nothing: the next start replays what is left.
 *
 * <p>Records go into numbered segment files ({@code reads-000001.journal}), each record
 * {@code [length][crc32][received micros, source, reader hint, payload]}. A torn or corrupt tail (the
 * crash hit mid-append, before the acknowledgement) ends a segment's replay. Segments are dropped only
 * once what they hold is in passages that were written: after a graceful stop flushed the open presences.
 */
public final class ReadJournal implements Closeable {

    /** One accepted payload as it came. */
    public record Entry(long receivedMicros, String source, String readerHint, String payload) {
    }

    /** The journal has reached its bound: nothing more can be acknowledged until a checkpoint frees it. */
    public static final class FullException extends RuntimeException {
        FullException(long maxBytes) {
            super("ingest journal full (" + maxBytes + " bytes): reads cannot be taken durably; retry later");
        }
    }

    private static final String PREFIX = "reads-";
    private static final String SUFFIX = ".journal";

    private final Path directory;
    private final long maxBytes;
    private FileChannel current;
    private Path currentPath;
    private long bytes;

    public ReadJournal(Path directory, long maxBytes) {
        this.directory = directory;
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(directory);
            for (Path p : segments()) {
                bytes += Files.size(p);
            }
            openNext();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the ingest journal in " + directory, e);
        }
    }

    /** Writes and forces one record to disk; returns once it would survive a crash. */
    public synchronized void append(Entry entry) {
        byte[] body = encode(entry);
        if (bytes + body.length + 8 > maxBytes) {
            throw new FullException(maxBytes);
        }
        CRC32 crc = new CRC32();
        crc.update(body);
        ByteBuffer record = ByteBuffer.allocate(8 + body.length).putInt(body.length).putInt((int) crc.getValue()).put(body).flip();
        try {
            while (record.hasRemaining()) {
                current.write(record);
            }
            current.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ingest journal", e);
        }
        bytes += record.limit();
    }

    /** Starts a new segment; returns the older ones (what was appended before this call). */
    public synchronized List<Path> rotate() {
        try {
            openNext();
            return segments().stream().filter(p -> !p.equals(currentPath)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rotate the ingest journal", e);
        }
    }

    /** The segments an earlier run left (to replay), oldest first. */
    public synchronized List<Path> earlierSegments() {
        try {
            return segments().stream().filter(p -> !p.equals(currentPath)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes segments whose reads are now in written passages. */
    public synchronized void delete(List<Path> done) {
        for (Path p : done) {
            try {
                long size = Files.exists(p) ? Files.size(p) : 0;
                if (Files.deleteIfExists(p)) {
                    bytes -= size;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete journal segment " + p, e);
            }
        }
    }

    public synchronized long bytes() {
        return bytes;
    }

    /** The records of a segment, up to a torn or corrupt tail. */
    public static List<Entry> read(Path segment) throws IOException {
        List<Entry> out = new ArrayList<>();
        byte[] all = Files.readAllBytes(segment);
        ByteBuffer in = ByteBuffer.wrap(all);
        while (in.remaining() >= 8) {
            int length = in.getInt();
            int crc = in.getInt();
            if (length < 0 || length > in.remaining()) {
                break;
            }
            byte[] body = new byte[length];
            in.get(body);
            CRC32 check = new CRC32();
            check.update(body);
            if ((int) check.getValue() != crc) {
                break;
            }
            out.add(decode(body));
        }
        return out;
    }

    @Override
    public synchronized void close() {
        try {
            if (current != null) {
                current.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void openNext() throws IOException {
        if (current != null) {
            current.close();
        }
        long next = segments().stream().mapToLong(ReadJournal::number).max().orElse(0) + 1;
        currentPath = directory.resolve(String.format("%s%06d%s", PREFIX, next, SUFFIX));
        current = FileChannel.open(currentPath, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** Segment files, oldest first. */
    public List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().startsWith(PREFIX) && p.getFileName().toString().endsWith(SUFFIX))
                    .sorted((a, b) -> Long.compare(number(a), number(b))).toList();
        }
    }

    private static long number(Path p) {
        String name = p.getFileName().toString();
        return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
    }

    private static byte[] encode(Entry e) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + e.payload().length());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(e.receivedMicros());
            writeString(out, e.source());
            writeString(out, e.readerHint());
            writeString(out, e.payload());
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    private static Entry decode(byte[] body) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body))) {
            return new Entry(in.readLong(), readString(in), readString(in), readString(in));
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }
}
