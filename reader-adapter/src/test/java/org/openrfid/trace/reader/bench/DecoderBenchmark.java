package org.openrfid.trace.reader.bench;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.llrp.ltk.generated.LLRPMessageFactory;
import org.llrp.ltk.generated.messages.RO_ACCESS_REPORT;
import org.llrp.ltk.generated.parameters.AntennaID;
import org.llrp.ltk.generated.parameters.EPC_96;
import org.llrp.ltk.generated.parameters.FirstSeenTimestampUTC;
import org.llrp.ltk.generated.parameters.LastSeenTimestampUTC;
import org.llrp.ltk.generated.parameters.PeakRSSI;
import org.llrp.ltk.generated.parameters.TagReportData;
import org.llrp.ltk.generated.parameters.TagSeenCount;
import org.llrp.ltk.types.Integer96_HEX;
import org.llrp.ltk.types.SignedByte;
import org.llrp.ltk.types.UnsignedLong_DATETIME;
import org.llrp.ltk.types.UnsignedShort;
import org.openrfid.trace.reader.llrp.RoAccessReportDecoder;

/**
 * Compares our RO_ACCESS_REPORT decoder with ltkjava's on identical bytes (a 100-tag report with
 * antenna, RSSI, first/last seen and count) and prints tag reports per second and bytes allocated
 * per tag report (the figure JMH's {@code -prof gc} gives as gc.alloc.rate.norm). JMH itself is not in
 * the offline repository here, so this is a plain harness with warm-up and measured rounds.
 *
 * <p>Run: {@code cd reader-adapter && mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * && java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openrfid.trace.reader.bench.DecoderBenchmark}
 */
public final class DecoderBenchmark {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private DecoderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        byte[] frame = report(100);
        RoAccessReportDecoder ours = new RoAccessReportDecoder();
        long[] sink = new long[1];
        Case visitor = () -> ours.decode(frame, 0, frame.length, t -> sink[0] += t.antenna() + t.lastSeenMicros());
        Case tagReads = () -> ours.decode(frame, "bench", 0L).size();
        Case ltk = () -> ((RO_ACCESS_REPORT) LLRPMessageFactory.createLLRPMessage(frame)).getTagReportDataList().size();

        System.out.printf("%-38s %16s %16s%n", "decoder (100-tag report, " + frame.length + " B)", "tag reports/s", "B alloc/report");
        row("ours, visitor (zero-allocation)", visitor, 100, 2.0);
        row("ours, List<TagRead>", tagReads, 100, 2.0);
        row("ltkjava LLRPMessageFactory", ltk, 100, 4.0);
        if (sink[0] == 42) {
            System.out.println();
        }
    }

    @FunctionalInterface
    interface Case {
        int run() throws Exception;
    }

    private static void row(String name, Case c, int tagsPerFrame, double seconds) throws Exception {
        long warm = System.nanoTime() + (long) (seconds / 2 * 1e9);
        while (System.nanoTime() < warm) {
            c.run();
        }
        long tid = Thread.currentThread().getId();
        long alloc0 = THREADS.getThreadAllocatedBytes(tid);
        long t0 = System.nanoTime();
        long end = t0 + (long) (seconds * 1e9);
        long frames = 0;
        while (System.nanoTime() < end) {
            c.run();
            frames++;
        }
        long elapsed = System.nanoTime() - t0;
        long alloc = THREADS.getThreadAllocatedBytes(tid) - alloc0;
        double tags = frames * (double) tagsPerFrame;
        System.out.printf("%-38s %,16.0f %,16.1f%n", name, tags * 1e9 / elapsed, alloc / tags);
    }

    static byte[] report(int tags) throws Exception {
        Random random = new Random(1);
        RO_ACCESS_REPORT r = new RO_ACCESS_REPORT();
        for (int i = 0; i < tags; i++) {
            TagReportData t = new TagReportData();
            EPC_96 e = new EPC_96();
            e.setEPC(new Integer96_HEX(String.format("3034257BF7194E40%08X", random.nextInt())));
            t.setEPCParameter(e);
            AntennaID a = new AntennaID();
            a.setAntennaID(new UnsignedShort(1 + i % 4));
            t.setAntennaID(a);
            PeakRSSI p = new PeakRSSI();
            p.setPeakRSSI(new SignedByte(-40 - random.nextInt(40)));
            t.setPeakRSSI(p);
            FirstSeenTimestampUTC f = new FirstSeenTimestampUTC();
            f.setMicroseconds(new UnsignedLong_DATETIME(1_700_000_000_000_000L + i));
            t.setFirstSeenTimestampUTC(f);
            LastSeenTimestampUTC l = new LastSeenTimestampUTC();
            l.setMicroseconds(new UnsignedLong_DATETIME(1_700_000_000_000_000L + i + 100));
            t.setLastSeenTimestampUTC(l);
            TagSeenCount c = new TagSeenCount();
            c.setTagCount(new UnsignedShort(1 + random.nextInt(5)));
            t.setTagSeenCount(c);
            r.addToTagReportDataList(t);
        }
        return r.encodeBinary();
    }
}
