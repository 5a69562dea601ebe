package org.openrfid.trace.pipeline.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.PassageSmoother;
import org.openrfid.trace.passage.ReadPoint;
import org.openrfid.trace.passage.ReadPointDirectory;
import org.openrfid.trace.passage.SmoothingPolicy;
import org.openrfid.trace.pipeline.PipelineCounters;
import org.openrfid.trace.pipeline.SmoothingStage;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.TagRead;
import org.openrfid.trace.reader.TagReadBatch;

/**
 * The single-node path through the cluster layer: what {@link ClusterSmoothing#ingest} costs a reader's
 * batch on a cluster of one (embedded member, no backups to wait for), one location per batch, so one
 * ringbuffer append per batch, while the owner side applies the chunks to a real smoother on another
 * thread (a bounded queue standing in for the smoother's seda queue, so the consumer keeps up or the
 * producer waits). {@code direct} is the same batch straight into the smoother, the path without a
 * cluster layer, for comparison.
 *
 * <p>Run: {@code ./mvnw -o -q -pl event-pipeline -am test-compile && (cd event-pipeline && ../mvnw -o -q
 * dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test && java -cp
 * target/test-classes:target/classes:$(cat target/cp.txt) org.openrfid.trace.pipeline.cluster.ClusterIngestBenchmark)}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
public class ClusterIngestBenchmark {

    static final int TAGS = 1_000;
    static final int COALESCED = 16;

    @Param({"1", "10", "100"})
    int batchSize;

    private HazelcastInstance hazelcast;
    private ClusterSmoothing cluster;
    private SmoothingStage ownerStage;
    private SmoothingStage directStage;
    private Thread consumer;
    private final BlockingQueue<Object> inbox = new ArrayBlockingQueue<>(10_000);
    private RawEpc[] epcs;
    private long t;
    private int tag;

    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
        Config config = new Config();
        config.setClusterName("bench-" + UUID.randomUUID());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "none");
        config.getNetworkConfig().setPort(40_000 + ThreadLocalRandom.current().nextInt(10_000)).setPortAutoIncrement(true);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        config.setProperty("hazelcast.local.localAddress", "127.0.0.1");
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        ClusterSmoothing.configure(config);
        // The log's capacity counts chunks, and coalesced chunks at benchmark rates into one location fill a
        // 512 MB heap within the TTL; the owner keeps up (stale chunks are printed at the end, and stay 0).
        config.getRingbufferConfig(ReadLog.PREFIX + "*").setCapacity(1_000);
        hazelcast = Hazelcast.newHazelcastInstance(config);

        ReadPointDirectory directory = new ReadPointDirectory();
        directory.put(new ReadPoint("gantry", 1, "CP-1", Direction.IN, 1));
        SmoothingPolicy policy = SmoothingPolicy.of(Duration.ofSeconds(2));
        ownerStage = new SmoothingStage(new PassageSmoother(policy, directory, epc -> null), Clock.systemUTC(), new PipelineCounters());
        directStage = new SmoothingStage(new PassageSmoother(policy, directory, epc -> null), Clock.systemUTC(), new PipelineCounters());
        consumer = new Thread(this::consume, "bench-smoother");
        consumer.setDaemon(true);
        consumer.start();
        cluster = new ClusterSmoothing(hazelcast, directory, body -> {
            try {
                inbox.put(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, Duration.ofMillis(500)).start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!cluster.ownedLocations().contains("CP-1") && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        epcs = new RawEpc[TAGS];
        for (int i = 0; i < TAGS; i++) {
            epcs[i] = RawEpc.ofHex(String.format("3034257BF7194E40%08X", i));
        }
        t = System.currentTimeMillis() * 1000;
    }

    private void consume() {
        try {
            while (true) {
                Object body = inbox.take();
                if (body instanceof SmoothingStage.Task task) {
                    ownerStage.onTask(task);
                }
            }
        } catch (InterruptedException e) {
            // done
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.out.printf("%n[batch %d] chunks applied by the owner: %d, stale: %d%n", batchSize, cluster.chunksApplied(), cluster.staleChunks());
        cluster.close();
        consumer.interrupt();
        hazelcast.getLifecycleService().terminate();
    }

    /** A gantry's report: {@code batchSize} reads of tags cycling through a present population, 1 ms apart. */
    private TagReadBatch nextBatch() {
        List<TagRead> reads = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            t += 1_000;
            RawEpc epc = epcs[tag++ % TAGS];
            reads.add(new TagRead("gantry", 1, epc, null, null, -5000, -1, -1, t, t, 1, t));
        }
        return new TagReadBatch("gantry", reads);
    }

    @Benchmark
    public void clusterIngest() {
        cluster.ingest(nextBatch());
    }

    /**
     * What the ingress route does when batches wait in the reads queue: {@link #COALESCED} of them handed
     * in together, so one append per location for all; scored per batch.
     */
    @Benchmark
    @OperationsPerInvocation(COALESCED)
    public void clusterIngestCoalesced() {
        List<TagReadBatch> batches = new ArrayList<>(COALESCED);
        for (int i = 0; i < COALESCED; i++) {
            batches.add(nextBatch());
        }
        cluster.ingestAll(batches);
    }

    @Benchmark
    public Object direct() {
        return directStage.onBatch(nextBatch());
    }

    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder().include(ClusterIngestBenchmark.class.getSimpleName()).build()).run();
        System.out.printf("%n%-14s %6s %12s %14s%n", "path", "batch", "µs/batch", "reads/s");
        for (RunResult r : results) {
            int batch = Integer.parseInt(r.getParams().getParam("batchSize"));
            double micros = r.getPrimaryResult().getScore();
            String name = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
            System.out.printf("%-14s %6d %12.2f %14.0f%n", name, batch, micros, batch / micros * 1e6);
        }
    }
}
