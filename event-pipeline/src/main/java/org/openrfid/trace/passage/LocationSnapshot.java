package org.openrfid.trace.passage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrfid.trace.reader.RawEpc;

/**
 * The open presences of one location and the clocks of the readers they hang on: what a new owner
 * needs to continue a location's smoothing where the old one left it (DESIGN.md §5). Plain values;
 * {@link #toBytes()} / {@link #fromBytes(byte[])} give a compact, framework-free wire form.
 *
 * <p>Format 2 adds each presence's TIDs (first and conflicting one, each behind a presence flag) after its
 * trail. It is written only when some presence carries a TID; a snapshot without TIDs is still written in
 * format 1, byte for byte as before, so a member of the previous version can read it during a rolling
 * upgrade (it cannot read format 2 and rejects it). Both formats are read.
 *
 * @param locationId the location
 * @param sequence   the position in the location's read log this state includes (opaque to the smoother)
 * @param watermarks newest reader time of each reader that is the clock of an open presence
 * @param presences  the open presences
 */
public record LocationSnapshot(String locationId, long sequence, Map<String, Long> watermarks, List<PresenceState> presences) {

    private static final int FORMAT_1 = 1;
    /** Format 1 and each presence's TIDs. */
    private static final int FORMAT_2 = 2;

    public LocationSnapshot {
        watermarks = Map.copyOf(watermarks);
        presences = List.copyOf(presences);
    }

    /** A read point as the (reader, antenna) that read; resolved again through the directory on import. */
    public record At(String readerId, int antenna) {
    }

    /** One open presence, field for field ({@code tid}, {@code otherTid}: as in {@link Passage}, null when none). */
    public record PresenceState(RawEpc epc, String clockReaderId, long firstSeen, long lastSeen, int reads, int peakRssiCdbm,
                                At first, At last, At strongest, List<At> trail, String tid, String otherTid) {
        public PresenceState {
            trail = List.copyOf(trail);
        }

        /** A presence whose reads carried no TID. */
        public PresenceState(RawEpc epc, String clockReaderId, long firstSeen, long lastSeen, int reads, int peakRssiCdbm,
                             At first, At last, At strongest, List<At> trail) {
            this(epc, clockReaderId, firstSeen, lastSeen, reads, peakRssiCdbm, first, last, strongest, trail, null, null);
        }
    }

    public LocationSnapshot withSequence(long newSequence) {
        return new LocationSnapshot(locationId, newSequence, watermarks, presences);
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + presences.size() * 96);
        boolean tids = presences.stream().anyMatch(p -> p.tid() != null || p.otherTid() != null);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(tids ? FORMAT_2 : FORMAT_1);
            out.writeUTF(locationId);
            out.writeLong(sequence);
            out.writeInt(watermarks.size());
            for (Map.Entry<String, Long> e : watermarks.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue());
            }
            out.writeInt(presences.size());
            for (PresenceState p : presences) {
                byte[] epc = p.epc().bytes();
                out.writeShort(p.epc().bitLength());
                out.writeShort(epc.length);
                out.write(epc);
                out.writeUTF(p.clockReaderId());
                out.writeLong(p.firstSeen());
                out.writeLong(p.lastSeen());
                out.writeInt(p.reads());
                out.writeInt(p.peakRssiCdbm());
                writeAt(out, p.first());
                writeAt(out, p.last());
                writeAt(out, p.strongest());
                out.writeByte(p.trail().size());
                for (At at : p.trail()) {
                    writeAt(out, at);
                }
                if (tids) {
                    writeOptional(out, p.tid());
                    writeOptional(out, p.otherTid());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static LocationSnapshot fromBytes(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int format = in.readByte();
            if (format != FORMAT_1 && format != FORMAT_2) {
                throw new IllegalArgumentException("unknown snapshot format " + format);
            }
            String locationId = in.readUTF();
            long sequence = in.readLong();
            int marks = in.readInt();
            Map<String, Long> watermarks = new LinkedHashMap<>();
            for (int i = 0; i < marks; i++) {
                watermarks.put(in.readUTF(), in.readLong());
            }
            int count = in.readInt();
            List<PresenceState> presences = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int bits = in.readShort();
                byte[] epc = new byte[in.readShort()];
                in.readFully(epc);
                String clock = in.readUTF();
                long firstSeen = in.readLong();
                long lastSeen = in.readLong();
                int reads = in.readInt();
                int rssi = in.readInt();
                At first = readAt(in);
                At last = readAt(in);
                At strongest = readAt(in);
                int trailSize = in.readByte();
                List<At> trail = new ArrayList<>(trailSize);
                for (int t = 0; t < trailSize; t++) {
                    trail.add(readAt(in));
                }
                String tid = format == FORMAT_2 ? readOptional(in) : null;
                String otherTid = format == FORMAT_2 ? readOptional(in) : null;
                presences.add(new PresenceState(new RawEpc(epc, bits), clock, firstSeen, lastSeen, reads, rssi, first, last, strongest, trail,
                        tid, otherTid));
            }
            return new LocationSnapshot(locationId, sequence, watermarks, presences);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeAt(DataOutputStream out, At at) throws IOException {
        out.writeUTF(at.readerId());
        out.writeInt(at.antenna());
    }

    private static void writeOptional(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readOptional(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static At readAt(DataInputStream in) throws IOException {
        return new At(in.readUTF(), in.readInt());
    }
}
