package org.openrfid.trace.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openrfid.trace.reader.RawEpc;

/**
 * JMH benchmark of EPC-96 decoding, one thread (goal of issue 4: at least 5 million decodes per second per core).
 * Not a unit test. {@link #main} runs it (1 fork, 3 x 2 s warm-up, 3 x 2 s measurement, {@code -prof gc}) and
 * prints a table with decodes per second and bytes allocated per decode. From the repository root:
 *
 * <pre>{@code
 * mvn -o -q -pl reader-adapter install -DskipTests
 * mvn -o -q -pl event-pipeline test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:exec \
 *     -Dexec.classpathScope=test -Dexec.executable=java \
 *     -Dexec.args="-cp %classpath org.openrfid.trace.identity.EpcDecodeBenchmark"
 * }</pre>
 *
 * <p>(The exec plugin is named with its version because only 3.5.0 is in the offline repository.) The table's
 * {@code decodes/CPU-s} column divides operations by the CPU time of the benchmark thread, which stays meaningful
 * when the machine is shared; {@code decodes/s} is JMH's wall-clock score.
 *
 * <p>Further arguments are JMH command-line options and override the defaults, e.g. {@code -f 2 -i 5}.
 *
 * <ul>
 *   <li>{@code distinct*}: 65,536 distinct EPCs (SGTIN-96, SSCC-96, GRAI-96, random company prefix length,
 *       references and serials) in turn, so nothing is ever decoded twice in a row of 65,536: every decode is
 *       cold. {@code distinct} is the decode to a {@link TagIdentity} (all fields checked, numeric
 *       components held as numbers); {@code distinctTagUri} adds the tag URI (what the pipeline uses);
 *       {@code distinctAllRepresentations} asks for every string (tag URI, pure identity, element string,
 *       Digital Link, fields): the work the decoder did eagerly for every EPC before.</li>
 *   <li>{@code repeated}: 256 tags over and over, as at a read point.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Threads(1)
public class EpcDecodeBenchmark {

    static final int DISTINCT = 65_536;
    static final int REPEATED = 256;

    private RawEpc[] distinct;
    private RawEpc[] repeated;
    private int i;
    private int j;

    @Setup
    public void setUp() {
        distinct = sample(DISTINCT, new Random(42));
        repeated = sample(REPEATED, new Random(7));
    }

    private RawEpc nextDistinct() {
        return distinct[i++ & (DISTINCT - 1)];
    }

    /**
     * CPU time of the benchmark thread and its operations, per iteration: the machine is shared, so throughput
     * per CPU-second of this thread shows the cost per core when other processes take turns on it.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuClock {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private long start;
        /** Operations of this iteration, counted by the benchmark method. */
        public long ops;
        /** CPU nanoseconds this thread used in this iteration. */
        public long cpuNanos;

        @Setup(Level.Iteration)
        public void start() {
            ops = 0;
            cpuNanos = 0;
            start = THREADS.getCurrentThreadCpuTime();
        }

        @TearDown(Level.Iteration)
        public void stop() {
            cpuNanos = THREADS.getCurrentThreadCpuTime() - start;
        }
    }

    @Benchmark
    public TagIdentity distinct(CpuClock clock) {
        clock.ops++;
        return EpcDecoder.decode(nextDistinct());
    }

    @Benchmark
    public String distinctTagUri(CpuClock clock) {
        clock.ops++;
        return EpcDecoder.decode(nextDistinct()).tagUri();
    }

    @Benchmark
    public void distinctAllRepresentations(CpuClock clock, Blackhole bh) {
        clock.ops++;
        TagIdentity id = EpcDecoder.decode(nextDistinct());
        bh.consume(id.tagUri());
        bh.consume(id.pureIdentityUri());
        bh.consume(id.gs1ElementString());
        bh.consume(id.digitalLink());
        bh.consume(id.fields().get("serial"));
    }

    @Benchmark
    public TagIdentity repeated(CpuClock clock) {
        clock.ops++;
        return EpcDecoder.decode(repeated[j++ & (REPEATED - 1)]);
    }

    /** {@code n} distinct SGTIN-96, SSCC-96 and GRAI-96 with random company prefix lengths, references and serials. */
    static RawEpc[] sample(int n, Random rnd) {
        Set<RawEpc> seen = new HashSet<>();
        RawEpc[] out = new RawEpc[n];
        int k = 0;
        while (k < n) {
            int gcp = 6 + rnd.nextInt(7);
            String prefix = digits(rnd, gcp);
            long serial = rnd.nextLong() >>> 27;
            RawEpc epc = switch (k % 3) {
                case 0 -> EpcEncoder.encode("urn:epc:tag:sgtin-96:1." + prefix + "." + digits(rnd, 13 - gcp) + "." + serial);
                case 1 -> EpcEncoder.encode("urn:epc:tag:sscc-96:2." + prefix + "." + digits(rnd, 17 - gcp));
                default -> EpcEncoder.encode("urn:epc:tag:grai-96:0." + prefix + "." + digits(rnd, 12 - gcp) + "." + serial);
            };
            if (seen.add(epc)) {
                out[k++] = epc;
            }
        }
        return out;
    }

    private static String digits(Random rnd, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int d = 0; d < n; d++) {
            b.append((char) ('0' + rnd.nextInt(10)));
        }
        return b.toString();
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(EpcDecodeBenchmark.class.getName() + "\\.")
                .addProfiler(GCProfiler.class);
        Collection<RunResult> results = new Runner(options.build()).run();
        printTable(results);
    }

    private static void printTable(Collection<RunResult> results) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"benchmark (1 thread)", "decodes/s", "error (99.9%)", "decodes/CPU-s", "B/op"});
        for (RunResult r : results) {
            Result<?> score = r.getPrimaryResult();
            Map<String, Result> secondary = r.getSecondaryResults();
            Result<?> alloc = secondary.get("gc.alloc.rate.norm");
            Result<?> ops = secondary.get("ops");
            Result<?> cpu = secondary.get("cpuNanos");
            rows.add(new String[] {
                r.getParams().getBenchmark().replaceFirst(".*\\.", ""),
                String.format("%,.0f", score.getScore()),
                String.format("± %,.0f", score.getScoreError()),
                ops == null || cpu == null ? "n/a" : String.format("%,.0f", ops.getScore() / cpu.getScore() * 1e9),
                alloc == null ? "n/a" : String.format("%.1f", alloc.getScore())});
        }
        int[] w = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < w.length; c++) {
                w[c] = Math.max(w[c], row[c].length());
            }
        }
        System.out.println();
        System.out.printf("EPC-96 decoding, %,d distinct EPCs (cold) / %d repeated tags, JMH throughput, -prof gc;"
                + " decodes/CPU-s = operations per CPU-second of the benchmark thread%n", DISTINCT, REPEATED);
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(String.format("%-" + w[0] + "s", row[0]));
            for (int c = 1; c < w.length; c++) {
                line.append(String.format("  %" + w[c] + "s", row[c]));
            }
            System.out.println(line);
        }
    }
}
