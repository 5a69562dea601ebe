package org.openrfid.trace.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.ReadPoint;
import org.openrfid.trace.passage.ReadPointDirectory;
import org.openrfid.trace.passage.ReadPointRole;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.TagRead;
import org.openrfid.trace.reader.TagReadBatch;

/**
 * Decoded reader reports of a realistic shape for {@link PipelineBenchmark}: one four-antenna gantry
 * reader per location (antennas 1, 3 entry, 2, 4 exit); at each location a new tag arrives every
 * {@link #ARRIVAL_EVERY_MICROS}, stays {@link #DWELL_MICROS} and is read about every 20 ms, first by an
 * entry antenna, then by an exit antenna (so about 20 tags are present per location and every visit
 * ends in a passage with a direction). Reports hold 1..maxBatch reads (uniform).
 *
 * <p>The reads of one {@link #PASS_MICROS} pass are kept as compact templates and turned into
 * {@link TagRead}s as they are sent (as the LLRP decoder makes them), each pass stamped one pass later
 * and with other tags, so the stream can run as long as wanted with reader clocks that only go forward.
 */
final class BenchWorkload {

    static final long PASS_MICROS = 10_000_000;
    static final long ARRIVAL_EVERY_MICROS = 50_000;
    static final long DWELL_MICROS = 1_000_000;
    static final long READ_EVERY_MICROS = 20_000;

    final int locations;
    final String[] readerIds;
    final String[] locationIds;
    private final RawEpc[] epcs;
    private final String[] tids;
    // Per reader: the pass's reads in reader-time order, and where each report ends.
    private final int[][] tagOf;
    private final int[][] offsetOf;
    private final byte[][] antennaOf;
    private final short[][] rssiOf;
    private final int[][] reportEnds;
    final long readsPerPass;
    final long reportsPerPass;

    BenchWorkload(int locations, int tags, int maxBatch, boolean withTid, long seed) {
        this.locations = locations;
        this.readerIds = new String[locations];
        this.locationIds = new String[locations];
        this.epcs = new RawEpc[tags];
        this.tids = new String[tags];
        HexFormat hex = HexFormat.of().withUpperCase();
        for (int t = 0; t < tags; t++) {
            epcs[t] = RawEpc.ofHex(String.format("3034257BF7194E40%08X", t)); // SGTIN-96, serial t
            tids[t] = withTid ? "E2801160" + hex.toHexDigits(0x20000000 + t) + "0000" : null;
        }
        SplittableRandom random = new SplittableRandom(seed);
        tagOf = new int[locations][];
        offsetOf = new int[locations][];
        antennaOf = new byte[locations][];
        rssiOf = new short[locations][];
        reportEnds = new int[locations][];
        long reads = 0;
        long reports = 0;
        int visits = (int) ((PASS_MICROS - DWELL_MICROS) / ARRIVAL_EVERY_MICROS);
        for (int l = 0; l < locations; l++) {
            readerIds[l] = "bench-r" + l;
            locationIds[l] = "BL-" + l;
            List<long[]> rows = new ArrayList<>(); // offset, tag, antenna, rssi
            for (int v = 0; v < visits; v++) {
                int tag = Math.floorMod(l * 1_000_003 + v * 7_919, tags);
                long arrive = v * ARRIVAL_EVERY_MICROS + random.nextLong(ARRIVAL_EVERY_MICROS);
                int lane = random.nextInt(2);
                for (long t = arrive; t < arrive + DWELL_MICROS && t < PASS_MICROS; t += READ_EVERY_MICROS / 2 + random.nextLong(READ_EVERY_MICROS)) {
                    boolean exitSide = t - arrive > DWELL_MICROS / 2;
                    int antenna = 1 + 2 * lane + (exitSide ? 1 : 0);
                    rows.add(new long[] {t, tag, antenna, -7000 + random.nextInt(3000)});
                }
            }
            rows.sort((a, b) -> Long.compare(a[0], b[0]));
            int n = rows.size();
            tagOf[l] = new int[n];
            offsetOf[l] = new int[n];
            antennaOf[l] = new byte[n];
            rssiOf[l] = new short[n];
            for (int i = 0; i < n; i++) {
                long[] r = rows.get(i);
                offsetOf[l][i] = (int) r[0];
                tagOf[l][i] = (int) r[1];
                antennaOf[l][i] = (byte) r[2];
                rssiOf[l][i] = (short) r[3];
            }
            int[] ends = new int[n];
            int count = 0;
            for (int i = 0; i < n; ) {
                i = Math.min(n, i + 1 + random.nextInt(maxBatch));
                ends[count++] = i;
            }
            reportEnds[l] = Arrays.copyOf(ends, count);
            reads += n;
            reports += count;
        }
        readsPerPass = reads;
        reportsPerPass = reports;
    }

    /** One read point per antenna, as {@code POST /api/v1/readers} would register them. */
    void register(ReadPointDirectory directory) {
        for (int l = 0; l < locations; l++) {
            for (int a = 1; a <= 4; a++) {
                directory.put(new ReadPoint(readerIds[l], a, locationIds[l], Direction.NONE, (a + 1) / 2,
                        a % 2 == 1 ? ReadPointRole.ENTRY : ReadPointRole.EXIT));
            }
        }
    }

    int reports(int location) {
        return reportEnds[location].length;
    }

    /**
     * Report {@code report} of reader {@code location} in pass {@code pass}, as the decoder hands it on.
     *
     * @param t0 reader time (µs) of the first pass's start
     */
    TagReadBatch report(int location, int report, long pass, long t0, long receivedAtMicros) {
        int from = report == 0 ? 0 : reportEnds[location][report - 1];
        int to = reportEnds[location][report];
        long base = t0 + pass * PASS_MICROS;
        int shift = (int) (pass * 104_729 % epcs.length);
        String reader = readerIds[location];
        TagRead[] reads = new TagRead[to - from];
        for (int i = from; i < to; i++) {
            int tag = tagOf[location][i] + shift;
            if (tag >= epcs.length) {
                tag -= epcs.length;
            }
            long t = base + offsetOf[location][i];
            reads[i - from] = new TagRead(reader, antennaOf[location][i], epcs[tag], tids[tag], null, rssiOf[location][i], -1, -1,
                    t, t, 1, receivedAtMicros);
        }
        return new TagReadBatch(reader, List.of(reads));
    }
}
