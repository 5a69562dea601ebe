package org.openrfid.trace.reader.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openrfid.trace.reader.llrp.RoAccessReportDecoder;

/**
 * JMH: our RO_ACCESS_REPORT decoder against ltkjava's on identical bytes (a 100-tag report with
 * antenna, RSSI, first/last seen and count). Scores are tag reports per second (one operation = one
 * TagReportData); with {@code -prof gc}, {@code gc.alloc.rate.norm} is bytes allocated per tag report.
 *
 * <p>Run: {@code cd reader-adapter && mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * && java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openrfid.trace.reader.bench.DecoderBenchmark}
 * (the main runs all three with the GC profiler and prints a table).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecoderBenchmark {

    static final int TAGS = 100;

    private byte[] frame;
    private RoAccessReportDecoder ours;

    @Setup
    public void setUp() throws Exception {
        frame = report(TAGS);
        ours = new RoAccessReportDecoder();
    }

    /** Zero-allocation path: the visitor sees a reused view. */
    @Benchmark
    @OperationsPerInvocation(TAGS)
    public void oursVisitor(Blackhole bh) throws Exception {
        ours.decode(frame, 0, frame.length, t -> bh.consume(t.antenna() + t.lastSeenMicros()));
    }

    /** What the session does: one TagRead record per tag report. */
    @Benchmark
    @OperationsPerInvocation(TAGS)
    public Object oursTagReads() throws Exception {
        return ours.decode(frame, "bench", 0L);
    }

    @Benchmark
    @OperationsPerInvocation(TAGS)
    public Object ltkjava() throws Exception {
        return ((RO_ACCESS_REPORT) LLRPMessageFactory.createLLRPMessage(frame)).getTagReportDataList();
    }

    public static void main(String[] args) throws Exception {
        Options opts = new OptionsBuilder().include(DecoderBenchmark.class.getName() + "\\.")
                .addProfiler(GCProfiler.class).build();
        java.util.Collection<RunResult> results = new Runner(opts).run();
        System.out.printf("%n%-14s %18s %18s%n", "decoder", "tag reports/s", "B alloc/report");
        double ltk = 0;
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            double score = r.getPrimaryResult().getScore();
            double alloc = r.getSecondaryResults().get("gc.alloc.rate.norm").getScore();
            if (name.equals("ltkjava")) {
                ltk = score;
            }
            System.out.printf("%-14s %,18.0f %,18.1f%n", name, score, alloc);
        }
        for (RunResult r : results) {
            if (ltk > 0 && !r.getParams().getBenchmark().endsWith("ltkjava")) {
                System.out.printf("%s is %,.0f× ltkjava%n", r.getParams().getBenchmark().replaceAll(".*\\.", ""),
                        r.getPrimaryResult().getScore() / ltk);
            }
        }
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
