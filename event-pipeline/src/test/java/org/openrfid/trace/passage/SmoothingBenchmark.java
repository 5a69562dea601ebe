package org.openrfid.trace.passage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.TagRead;

/**
 * Smoothing alone, one thread: reads per second through {@link PassageSmoother} (goal ≥ 5 M/s per core,
 * issue 5). The stream is a four-antenna gantry with a new tag every millisecond, each read 50 times over
 * one second (about 1000 tags present at once), fed in batches of 1000 reads as the pipeline does, with
 * a quiet-presence check every 50 batches. Passages (with their SHA-256 ids) are part of the cost.
 *
 * <p>Run: {@code mvn -o -q -pl event-pipeline test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * -Dmdep.includeScope=test && java -cp event-pipeline/target/test-classes:event-pipeline/target/classes:$(cat
 * event-pipeline/target/cp.txt) org.openrfid.trace.passage.SmoothingBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class SmoothingBenchmark {

    static final int TAGS = 8_000;
    static final int READS_PER_TAG = 50;
    static final int BATCH = 1_000;

    private TagRead[] reads;
    private ReadPointDirectory readPoints;
    private PassageSmoother smoother;
    private int position;
    private long passages;

    private final PresenceListener sink = new PresenceListener() {
        @Override
        public void arrived(RawEpc epc, String locationId, String readerId, Instant firstSeen) {
        }

        @Override
        public void completed(Passage passage) {
            passages++;
        }
    };

    @Setup(Level.Trial)
    public void setUp() {
        readPoints = new ReadPointDirectory();
        for (int antenna = 1; antenna <= 4; antenna++) {
            readPoints.put(new ReadPoint("gantry", antenna, "CP-1", Direction.NONE, (antenna + 1) / 2,
                    antenna % 2 == 1 ? ReadPointRole.ENTRY : ReadPointRole.EXIT));
        }
        long t0 = 1_700_000_000_000_000L;
        List<TagRead> list = new ArrayList<>(TAGS * READS_PER_TAG);
        for (int tag = 0; tag < TAGS; tag++) {
            RawEpc epc = RawEpc.ofHex(String.format("3034257BF7194E40%08X", tag));
            long enter = t0 + tag * 1_000L;
            int lane = tag % 2;
            for (int r = 0; r < READS_PER_TAG; r++) {
                long t = enter + r * 20_000L;
                int antenna = 1 + 2 * lane + (r < READS_PER_TAG / 2 ? 0 : 1);
                list.add(new TagRead("gantry", antenna, epc, null, null, -6000 + r * 10, -1, -1, t, t, 1, t));
            }
        }
        list.sort(Comparator.comparingLong(TagRead::lastSeenMicros));
        reads = list.toArray(new TagRead[0]);
        fresh();
    }

    private void fresh() {
        smoother = new PassageSmoother(SmoothingPolicy.of(Duration.ofSeconds(2)), readPoints, epc -> null);
        position = 0;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void smoothBatch(Blackhole bh) {
        if (position + BATCH > reads.length) {
            // The stream's timestamps cannot run backwards: end it (its passages count) and start over.
            smoother.flush(sink);
            fresh();
        }
        long now = reads[position].lastSeenMicros();
        int end = position + BATCH;
        for (int i = position; i < end; i++) {
            smoother.accept(reads[i], now, sink);
        }
        if ((position / BATCH) % 50 == 0) {
            smoother.advance(now, sink);
        }
        position = end;
        bh.consume(passages);
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(SmoothingBenchmark.class.getName()).build()).run();
    }
}
