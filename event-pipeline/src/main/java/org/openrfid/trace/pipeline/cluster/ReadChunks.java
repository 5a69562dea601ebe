package org.openrfid.trace.pipeline.cluster;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openrfid.trace.passage.LocationSnapshot;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.TagRead;
import org.openrfid.trace.reader.TagReadBatch;

/**
 * The wire form of the reads for one location, from one or more reader batches (the ingress coalesces
 * the batches waiting in its queue into one chunk per location): compact, framework-free, no Java
 * serialization.
 *
 * <p>Format 1 (written): {@link #FORMAT_1}, a table of the distinct reader ids (each written once per
 * chunk, not once per read), then the groups (one per reader batch: its reader's index and its reads).
 * A read refers to its reader id by index; TID and user memory go as bytes when they are even-length
 * upper-case hex (what {@link TagRead} promises), else as text, so any value round-trips exactly. The
 * size is computed before writing, so the chunk is written once into an array of its exact size, and
 * decoding reads that array in place.
 *
 * <p>Format 2 ({@link #FORMAT_2}, written by the ingress) is format 1 behind the chunk's {@link Origin}: the
 * ingress that appended it and its round number, so that a chunk the log holds twice (an append retried by
 * Hazelcast) is applied once ({@link AppliedRounds}). Format 1 is still written without an origin and read.
 *
 * <p>Format 0 (the previous one, one reader batch, every string per read) is still decoded: the read
 * log holds chunks for up to {@link ReadLog#TTL_SECONDS}, and during a rolling upgrade a new member may
 * take over a location whose log an old member wrote. Its chunks start with a 2-byte string length, so
 * their first byte is 0 for any reader id shorter than 256 bytes and can never be {@link #FORMAT_1}
 * (that would need a reader id of at least 65,280 bytes). An old member cannot read format 1: a rolling
 * upgrade must therefore move location ownership to upgraded members before they ingest, or accept
 * that an old owner rejects new chunks (see the notes on upgrades).
 */
final class ReadChunks {

    static final byte FORMAT_1 = (byte) 0xFF;
    /** Format 1 behind an origin; like format 1, a first byte no format-0 chunk can have. */
    static final byte FORMAT_2 = (byte) 0xFE;
    /**
     * Not reads but the open presences a member hands over when it merges into another cluster after a
     * network split: this byte, then a {@link LocationSnapshot} ({@link LocationSnapshot#toBytes}).
     * Another first byte no format-0 chunk can have.
     */
    static final byte HAND_OVER = (byte) 0xFD;
    private static final int ORIGIN_SIZE = 8 + 8 + 8;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private static final byte ABSENT = 0;
    private static final byte HEX_BYTES = 1;
    private static final byte TEXT = 2;
    /** antenna, rssi, phase, channel, seen count (ints), first, last, received (longs), reader index, EPC bits and length. */
    private static final int FIXED_PER_READ = 5 * 4 + 3 * 8 + 4 + 2 + 2;

    /** The reads of one reader batch that belong to the chunk's location. */
    record Group(String readerId, List<TagRead> reads) {
    }

    /** Who appended a chunk: the ingress (a random id per ingress, never reused) and its round number. */
    record Origin(UUID source, long round) {
    }

    private ReadChunks() {
    }

    static byte[] encode(String readerId, List<TagRead> reads) {
        return encode(List.of(new Group(readerId, reads)));
    }

    static byte[] encode(List<Group> groups) {
        return encode(null, groups);
    }

    /** Format 2 with an origin, format 1 without. */
    static byte[] encode(Origin origin, List<Group> groups) {
        Map<String, Integer> index = new HashMap<>();
        List<byte[]> names = new ArrayList<>();
        int header = origin == null ? 1 : 1 + ORIGIN_SIZE;
        int size = header + 4 + 4;
        int readCount = 0;
        for (Group g : groups) {
            readCount += g.reads().size();
        }
        byte[][] epcs = new byte[readCount][]; // RawEpc hands out copies: take each once
        int k = 0;
        for (Group g : groups) {
            size += 4 + 4;
            size += name(g.readerId(), index, names);
            for (TagRead r : g.reads()) {
                byte[] epc = r.epc().bytes();
                epcs[k++] = epc;
                size += FIXED_PER_READ + epc.length + optionalSize(r.tidHex()) + optionalSize(r.userMemoryHex());
                size += name(r.readerId(), index, names);
            }
        }
        byte[] out = new byte[size];
        int p = 0;
        if (origin == null) {
            out[p++] = FORMAT_1;
        } else {
            out[p++] = FORMAT_2;
            p = putLong(out, p, origin.source().getMostSignificantBits());
            p = putLong(out, p, origin.source().getLeastSignificantBits());
            p = putLong(out, p, origin.round());
        }
        p = putInt(out, p, names.size());
        for (byte[] name : names) {
            p = putInt(out, p, name.length);
            System.arraycopy(name, 0, out, p, name.length);
            p += name.length;
        }
        p = putInt(out, p, groups.size());
        k = 0;
        for (Group g : groups) {
            p = putInt(out, p, index.get(g.readerId()));
            p = putInt(out, p, g.reads().size());
            String groupReader = g.readerId();
            int groupIndex = index.get(groupReader);
            for (TagRead r : g.reads()) {
                p = putInt(out, p, r.readerId().equals(groupReader) ? groupIndex : index.get(r.readerId()));
                p = putInt(out, p, r.antenna());
                byte[] epc = epcs[k++];
                SHORT.set(out, p, (short) r.epc().bitLength());
                SHORT.set(out, p + 2, (short) epc.length);
                System.arraycopy(epc, 0, out, p + 4, epc.length);
                p += 4 + epc.length;
                p = putOptional(out, p, r.tidHex());
                p = putOptional(out, p, r.userMemoryHex());
                p = putInt(out, p, r.peakRssiCdbm());
                p = putInt(out, p, r.phase());
                p = putInt(out, p, r.channelIndex());
                p = putLong(out, p, r.firstSeenMicros());
                p = putLong(out, p, r.lastSeenMicros());
                p = putInt(out, p, r.seenCount());
                p = putLong(out, p, r.receivedAtMicros());
            }
        }
        if (p != size) {
            throw new IllegalStateException("chunk size computed as " + size + " but " + p + " bytes written");
        }
        return out;
    }

    /** A hand-over entry for the snapshot's presences (see {@link #HAND_OVER}). */
    static byte[] handOver(LocationSnapshot presences) {
        byte[] snapshot = presences.toBytes();
        byte[] out = new byte[1 + snapshot.length];
        out[0] = HAND_OVER;
        System.arraycopy(snapshot, 0, out, 1, snapshot.length);
        return out;
    }

    /** The presences of a hand-over entry; null for a chunk of reads. */
    static LocationSnapshot handedOver(byte[] data) {
        if (data.length == 0 || data[0] != HAND_OVER) {
            return null;
        }
        return LocationSnapshot.fromBytes(Arrays.copyOfRange(data, 1, data.length));
    }

    /** The ingress and round of a format-2 chunk; null for the formats without one. */
    static Origin origin(byte[] data) {
        if (data.length < 1 + ORIGIN_SIZE || data[0] != FORMAT_2) {
            return null;
        }
        int[] at = {1};
        return new Origin(new UUID(getLong(data, at), getLong(data, at)), getLong(data, at));
    }

    /** The reader batches of a chunk, in the order they were written. */
    static List<TagReadBatch> decode(byte[] data) {
        if (data.length == 0 || data[0] != FORMAT_1 && data[0] != FORMAT_2) {
            return List.of(decodeFormat0(data));
        }
        int[] at = {data[0] == FORMAT_2 ? 1 + ORIGIN_SIZE : 1};
        String[] names = new String[getInt(data, at)];
        for (int i = 0; i < names.length; i++) {
            int length = getInt(data, at);
            names[i] = new String(data, at[0], length, StandardCharsets.UTF_8);
            at[0] += length;
        }
        int groups = getInt(data, at);
        List<TagReadBatch> batches = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            String batchReader = names[getInt(data, at)];
            int n = getInt(data, at);
            List<TagRead> reads = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String readerId = names[getInt(data, at)];
                int antenna = getInt(data, at);
                int bits = (short) SHORT.get(data, at[0]);
                int epcLength = (short) SHORT.get(data, at[0] + 2) & 0xFFFF;
                at[0] += 4;
                byte[] epc = new byte[epcLength];
                System.arraycopy(data, at[0], epc, 0, epcLength);
                at[0] += epcLength;
                String tid = getOptional(data, at);
                String user = getOptional(data, at);
                reads.add(new TagRead(readerId, antenna, new RawEpc(epc, bits), tid, user, getInt(data, at), getInt(data, at),
                        getInt(data, at), getLong(data, at), getLong(data, at), getInt(data, at), getLong(data, at)));
            }
            batches.add(new TagReadBatch(batchReader, reads));
        }
        return batches;
    }

    private static int name(String name, Map<String, Integer> index, List<byte[]> names) {
        if (index.containsKey(name)) {
            return 0;
        }
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        index.put(name, names.size());
        names.add(bytes);
        return 4 + bytes.length;
    }

    private static boolean isUpperHexBytes(String s) {
        if ((s.length() & 1) != 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    private static int optionalSize(String s) {
        if (s == null) {
            return 1;
        }
        return 1 + 4 + (isUpperHexBytes(s) ? s.length() / 2 : s.getBytes(StandardCharsets.UTF_8).length);
    }

    private static int putOptional(byte[] out, int p, String s) {
        if (s == null) {
            out[p] = ABSENT;
            return p + 1;
        }
        if (isUpperHexBytes(s)) {
            out[p++] = HEX_BYTES;
            int n = s.length() / 2;
            p = putInt(out, p, n);
            for (int i = 0; i < n; i++) {
                out[p++] = (byte) ((Character.digit(s.charAt(2 * i), 16) << 4) | Character.digit(s.charAt(2 * i + 1), 16));
            }
            return p;
        }
        out[p++] = TEXT;
        byte[] text = s.getBytes(StandardCharsets.UTF_8);
        p = putInt(out, p, text.length);
        System.arraycopy(text, 0, out, p, text.length);
        return p + text.length;
    }

    private static String getOptional(byte[] data, int[] at) {
        byte kind = data[at[0]++];
        if (kind == ABSENT) {
            return null;
        }
        int n = getInt(data, at);
        String s = kind == HEX_BYTES ? HEX.formatHex(data, at[0], at[0] + n) : new String(data, at[0], n, StandardCharsets.UTF_8);
        at[0] += n;
        return s;
    }

    private static int putInt(byte[] out, int p, int v) {
        INT.set(out, p, v);
        return p + 4;
    }

    private static int putLong(byte[] out, int p, long v) {
        LONG.set(out, p, v);
        return p + 8;
    }

    private static int getInt(byte[] data, int[] at) {
        int v = (int) INT.get(data, at[0]);
        at[0] += 4;
        return v;
    }

    private static long getLong(byte[] data, int[] at) {
        long v = (long) LONG.get(data, at[0]);
        at[0] += 8;
        return v;
    }

    // ---------------------------------------------------------------- format 0 (read only)

    private static TagReadBatch decodeFormat0(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            String batchReader = in.readUTF();
            int n = in.readInt();
            List<TagRead> reads = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String readerId = in.readUTF();
                int antenna = in.readInt();
                int bits = in.readShort();
                byte[] epc = new byte[in.readShort()];
                in.readFully(epc);
                reads.add(new TagRead(readerId.equals(batchReader) ? batchReader : readerId, antenna, new RawEpc(epc, bits),
                        readNullable(in), readNullable(in), in.readInt(), in.readInt(), in.readInt(), in.readLong(), in.readLong(),
                        in.readInt(), in.readLong()));
            }
            return new TagReadBatch(batchReader, reads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
