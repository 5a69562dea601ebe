package org.openrfid.trace.pipeline.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.TagRead;
import org.openrfid.trace.reader.TagReadBatch;

/** The wire form of the reads of one batch for one location: compact, framework-free, no Java serialization. */
final class ReadChunks {

    private ReadChunks() {
    }

    static byte[] encode(String readerId, List<TagRead> reads) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + reads.size() * 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(readerId);
            out.writeInt(reads.size());
            for (TagRead r : reads) {
                out.writeUTF(r.readerId());
                out.writeInt(r.antenna());
                byte[] epc = r.epc().bytes();
                out.writeShort(r.epc().bitLength());
                out.writeShort(epc.length);
                out.write(epc);
                writeNullable(out, r.tidHex());
                writeNullable(out, r.userMemoryHex());
                out.writeInt(r.peakRssiCdbm());
                out.writeInt(r.phase());
                out.writeInt(r.channelIndex());
                out.writeLong(r.firstSeenMicros());
                out.writeLong(r.lastSeenMicros());
                out.writeInt(r.seenCount());
                out.writeLong(r.receivedAtMicros());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static TagReadBatch decode(byte[] data) {
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

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
