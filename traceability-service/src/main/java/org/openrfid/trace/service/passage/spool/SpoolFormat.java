package org.openrfid.trace.service.passage.spool;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.service.location.LocationInfo;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.service.registry.binding.ObjectKind;

/**
 * One spooled batch as bytes: {@code "RFSP"}, a version byte, the payload length (int), the payload
 * and a CRC-32C of the payload. A file that is shorter or longer than its length says, or whose
 * checksum does not match, is torn or corrupt: {@link #decode} throws {@link CorruptBatchException}
 * and never returns part of a batch.
 *
 * <p>Version 3 (written now): as version 2, each passage's fields followed by its TIDs (first and
 * conflicting one), each behind a presence flag. Version 2 (written before TIDs were kept, still read;
 * its passages come back without TIDs): a flags byte (bit 0: the batch was enriched), the passage
 * count, then each passage field by field followed by its bound object and location info, each behind
 * a presence flag. Version 1 (written before enrichment, still read): the passage count and the
 * passages alone; such a batch comes back as not enriched, so the writer enriches it on replay.
 */
final class SpoolFormat {

    static final int MAGIC = 0x52465350; // "RFSP"
    static final byte VERSION = 3;
    static final byte VERSION_2 = 2;
    static final byte VERSION_1 = 1;
    private static final int ENRICHED = 1;
    private static final int HEADER = 4 + 1 + 4;
    private static final int TRAILER = 4;

    private SpoolFormat() {
    }

    /** A decoded batch; {@code enriched} is false for batches spooled before enrichment ran on them. */
    record Decoded(List<EnrichedPassage> passages, boolean enriched) {
    }

    /** Passages not enriched (yet). */
    static byte[] encode(List<Passage> passages) {
        return encode(passages.stream().map(EnrichedPassage::bare).toList(), false);
    }

    static byte[] encode(List<EnrichedPassage> passages, boolean enriched) {
        try {
            ByteArrayOutputStream payloadBytes = new ByteArrayOutputStream(64 + passages.size() * 200);
            DataOutputStream out = new DataOutputStream(payloadBytes);
            out.writeByte(enriched ? ENRICHED : 0);
            out.writeInt(passages.size());
            for (EnrichedPassage p : passages) {
                write(out, p.passage());
                writeObject(out, p.object());
                writeLocation(out, p.location());
            }
            out.flush();
            byte[] payload = payloadBytes.toByteArray();
            CRC32C crc = new CRC32C();
            crc.update(payload);
            ByteBuffer file = ByteBuffer.allocate(HEADER + payload.length + TRAILER);
            file.putInt(MAGIC).put(VERSION).putInt(payload.length).put(payload).putInt((int) crc.getValue());
            return file.array();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
    }

    static List<Passage> decode(byte[] file) throws CorruptBatchException {
        return decodeBatch(file).passages().stream().map(EnrichedPassage::passage).toList();
    }

    static Decoded decodeBatch(byte[] file) throws CorruptBatchException {
        if (file.length < HEADER + TRAILER) {
            throw new CorruptBatchException("truncated: " + file.length + " bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(file);
        int magic = in.getInt();
        if (magic != MAGIC) {
            throw new CorruptBatchException("not a spool batch (magic " + Integer.toHexString(magic) + ")");
        }
        byte version = in.get();
        if (version != VERSION && version != VERSION_2 && version != VERSION_1) {
            throw new CorruptBatchException("unknown spool format version " + version);
        }
        int length = in.getInt();
        if (length < 0 || length != file.length - HEADER - TRAILER) {
            throw new CorruptBatchException("length " + length + " does not match the file (" + file.length + " bytes): torn write");
        }
        CRC32C crc = new CRC32C();
        crc.update(file, HEADER, length);
        int expected = ByteBuffer.wrap(file, HEADER + length, TRAILER).getInt();
        if ((int) crc.getValue() != expected) {
            throw new CorruptBatchException("checksum mismatch");
        }
        try {
            DataInputStream data = new DataInputStream(new java.io.ByteArrayInputStream(file, HEADER, length));
            boolean enriched = version != VERSION_1 && (data.readUnsignedByte() & ENRICHED) != 0;
            int count = data.readInt();
            if (count < 0 || count > length) {
                throw new CorruptBatchException("bad passage count " + count);
            }
            List<EnrichedPassage> passages = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Passage passage = read(data, version == VERSION);
                passages.add(version == VERSION_1
                        ? EnrichedPassage.bare(passage)
                        : new EnrichedPassage(passage, readObject(data), readLocation(data)));
            }
            if (data.available() != 0) {
                throw new CorruptBatchException(data.available() + " bytes after the last passage");
            }
            return new Decoded(passages, enriched);
        } catch (IOException | RuntimeException e) {
            // A checksum collision on garbage, or a writer bug: still never a crash, never half a batch.
            throw new CorruptBatchException("undecodable payload: " + e);
        }
    }

    private static void write(DataOutputStream out, Passage p) throws IOException {
        out.writeUTF(p.id());
        byte[] epc = p.epc().bytes();
        out.writeInt(p.epc().bitLength());
        out.writeShort(epc.length);
        out.write(epc);
        writeNullable(out, p.tagUri());
        out.writeUTF(p.locationId());
        writeNullable(out, p.readerId());
        out.writeInt(p.antenna());
        writeInstant(out, p.firstSeen());
        writeInstant(out, p.lastSeen());
        out.writeInt(p.reads());
        out.writeDouble(p.peakRssiDbm());
        out.writeByte(p.direction().ordinal());
        out.writeInt(p.lane());
        out.writeShort(p.readPoints().size());
        for (String readPoint : p.readPoints()) {
            out.writeUTF(readPoint);
        }
        writeNullable(out, p.tid());
        writeNullable(out, p.otherTid());
    }

    private static Passage read(DataInputStream in, boolean tids) throws IOException {
        String id = in.readUTF();
        int bitLength = in.readInt();
        byte[] epc = new byte[in.readUnsignedShort()];
        in.readFully(epc);
        String tagUri = readNullable(in);
        String locationId = in.readUTF();
        String readerId = readNullable(in);
        int antenna = in.readInt();
        Instant firstSeen = readInstant(in);
        Instant lastSeen = readInstant(in);
        int reads = in.readInt();
        double rssi = in.readDouble();
        Direction direction = Direction.values()[in.readUnsignedByte()];
        int lane = in.readInt();
        int readPointCount = in.readUnsignedShort();
        List<String> readPoints = new ArrayList<>(readPointCount);
        for (int i = 0; i < readPointCount; i++) {
            readPoints.add(in.readUTF());
        }
        String tid = tids ? readNullable(in) : null;
        String otherTid = tids ? readNullable(in) : null;
        return new Passage(id, new RawEpc(epc, bitLength), tagUri, locationId, readerId, antenna, firstSeen, lastSeen,
                reads, rssi, direction, lane, readPoints, tid, otherTid);
    }

    private static void writeObject(DataOutputStream out, BoundObject object) throws IOException {
        out.writeBoolean(object != null);
        if (object != null) {
            out.writeUTF(object.kind().name());
            out.writeUTF(object.id());
        }
    }

    private static BoundObject readObject(DataInputStream in) throws IOException {
        return in.readBoolean() ? new BoundObject(ObjectKind.valueOf(in.readUTF()), in.readUTF()) : null;
    }

    private static void writeLocation(DataOutputStream out, LocationInfo location) throws IOException {
        out.writeBoolean(location != null);
        if (location != null) {
            out.writeUTF(location.id());
            out.writeUTF(location.name());
            out.writeUTF(location.kind());
            out.writeDouble(location.lat());
            out.writeDouble(location.lon());
        }
    }

    private static LocationInfo readLocation(DataInputStream in) throws IOException {
        return in.readBoolean() ? new LocationInfo(in.readUTF(), in.readUTF(), in.readUTF(), in.readDouble(), in.readDouble()) : null;
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeInstant(DataOutputStream out, Instant t) throws IOException {
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    /** A spool file that is not a whole, intact batch. */
    static final class CorruptBatchException extends Exception {
        CorruptBatchException(String message) {
            super(message);
        }
    }
}
