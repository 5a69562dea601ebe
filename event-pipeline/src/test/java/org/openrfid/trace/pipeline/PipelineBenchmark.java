package org.openrfid.trace.pipeline;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.seda.SedaEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.openrfid.trace.identity.EpcDecoder;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageSmoother;
import org.openrfid.trace.passage.ReadPointDirectory;
import org.openrfid.trace.passage.SmoothingPolicy;
import org.openrfid.trace.pipeline.cluster.ClusterSmoothing;
import org.openrfid.trace.pipeline.filter.ReadFilter;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.TagReadBatch;

/**
 * Decoded reads in → passages out through the real Camel routes (issue 5: goal ≥ 1 M reads/s on 2 cores).
 * Reports of {@link BenchWorkload} go into one {@link ReaderRoute} per reader ({@code direct:}), the
 * reads seda queue, the filter, the cluster layer (in the {@code cluster} mode), the smoother, and the
 * passages and arrivals seda queues, where counting consumers take them. Modes:
 * <ul>
 *   <li>{@code direct}: {@link SmoothingRoutes} without an ingress (reads queue → smoother);</li>
 *   <li>{@code cluster}: the single-node production path: an embedded Hazelcast member and
 *       {@link ClusterSmoothing} (per-location read logs, snapshots) exactly as the app wires it.</li>
 * </ul>
 * Prints reads/s and passages/s over the measured window, the mean report size, the CPU the process used
 * (in cores) and the threads that used it. A main rather than JMH: the work runs on Camel's and
 * Hazelcast's threads, and throughput of the whole is what is asked.
 *
 * <p>Run: {@code scripts/bench-pipeline.sh [--locations 200] [--tags 100000] [--max-batch 64]
 * [--warmup 5] [--seconds 10] [--modes direct,cluster] [--producers 1] [--rssi-floor -80] [--no-tid]}
 */
public final class PipelineBenchmark {

    record Settings(int locations, int tags, int maxBatch, int warmupSeconds, int measureSeconds, List<String> modes,
                    int producers, Double rssiFloor, boolean tid) {

        static Settings parse(String[] args) {
            Map<String, String> o = new HashMap<>();
            boolean tid = true;
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--no-tid")) {
                    tid = false;
                } else if (args[i].startsWith("--") && i + 1 < args.length) {
                    o.put(args[i].substring(2), args[++i]);
                } else {
                    throw new IllegalArgumentException("unknown or incomplete option " + args[i]);
                }
            }
            Settings s = new Settings(Integer.parseInt(o.getOrDefault("locations", "200")), Integer.parseInt(o.getOrDefault("tags", "100000")),
                    Integer.parseInt(o.getOrDefault("max-batch", "64")), Integer.parseInt(o.getOrDefault("warmup", "5")),
                    Integer.parseInt(o.getOrDefault("seconds", "10")), List.of(o.getOrDefault("modes", "direct,cluster").split(",")),
                    Integer.parseInt(o.getOrDefault("producers", "1")),
                    o.containsKey("rssi-floor") ? Double.valueOf(o.get("rssi-floor")) : null, tid);
            for (String m : s.modes) {
                if (!m.equals("direct") && !m.equals("cluster")) {
                    throw new IllegalArgumentException("--modes: unknown mode '" + m + "' (direct, cluster)");
                }
            }
            return s;
        }
    }

    record Result(String mode, double readsPerSecond, double passagesPerSecond, double meanBatch, double cpuCores,
                  double cpuNanosPerRead, long lateReads, long unmappedReads, String topThreads) {
    }

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        BenchWorkload workload = new BenchWorkload(settings.locations, settings.tags, settings.maxBatch, settings.tid, 42);
        System.out.printf(Locale.ROOT, "workload: %d locations (one 4-antenna reader each), %d tags, reports of 1..%d reads, "
                        + "%,d reads and %,d reports per %d s pass, TID %s, RSSI floor %s; %d producer thread(s); %d cores%n",
                settings.locations, settings.tags, settings.maxBatch, workload.readsPerPass, workload.reportsPerPass,
                BenchWorkload.PASS_MICROS / 1_000_000, settings.tid ? "on" : "off",
                settings.rssiFloor == null ? "none" : settings.rssiFloor + " dBm", settings.producers, Runtime.getRuntime().availableProcessors());
        List<Result> results = new ArrayList<>();
        for (String mode : settings.modes) {
            results.add(run(mode, workload, settings));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "| %-8s | %12s | %12s | %12s | %9s | %12s | %s |%n", "mode", "reads/s", "passages/s", "reads/report",
                "CPU cores", "CPU ns/read", "CPU by thread (share of the process)");
        System.out.println("|----------|--------------|--------------|--------------|-----------|--------------|------|");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %-8s | %,12.0f | %,12.0f | %12.1f | %9.2f | %,12.0f | %s |%n", r.mode, r.readsPerSecond,
                    r.passagesPerSecond, r.meanBatch, r.cpuCores, r.cpuNanosPerRead, r.topThreads);
        }
        System.out.println("CPU ns/read: process CPU time over reads smoothed; with 2 cores, 2e9 / that is the ceiling on an idle machine"
                + " if no single thread saturates first.");
        for (Result r : results) {
            if (r.lateReads > 0 || r.unmappedReads > 0) {
                System.out.printf("note: %s had %d late and %d unmapped reads%n", r.mode, r.lateReads, r.unmappedReads);
            }
        }
    }

    static Result run(String mode, BenchWorkload workload, Settings settings) throws Exception {
        boolean clustered = mode.equals("cluster");
        ReadPointDirectory directory = new ReadPointDirectory();
        workload.register(directory);
        Clock clock = Clock.systemUTC();
        PipelineCounters counters = new PipelineCounters();
        ReadFilter filter = new ReadFilter(new ReadFilter.Rules(settings.rssiFloor, null, null, null, null, null), directory);
        SmoothingStage stage = new SmoothingStage(new PassageSmoother(SmoothingPolicy.of(Duration.ofSeconds(2)), directory,
                PipelineBenchmark::tagUriOrNull), filter, clock, counters);
        PipelineEndpoints endpoints = PipelineEndpoints.defaults();
        AtomicLong passages = new AtomicLong();
        AtomicLong arrivals = new AtomicLong();

        HazelcastInstance hazelcast = null;
        ClusterSmoothing cluster = null;
        CamelContext camel = new DefaultCamelContext();
        camel.getShutdownStrategy().setTimeout(10);
        try {
            if (clustered) {
                hazelcast = Hazelcast.newHazelcastInstance(singleMember());
                ProducerTemplate inbox = camel.createProducerTemplate();
                Endpoint owned = camel.getEndpoint(SmoothingRoutes.OWNED); // as PipelineConfiguration wires it
                cluster = new ClusterSmoothing(hazelcast, directory, body -> inbox.sendBody(owned, body), Duration.ofMillis(500));
            }
            ClusterSmoothing ingress = cluster;
            camel.addRoutes(new SmoothingRoutes(endpoints, stage, clock, ingress));
            for (String reader : workload.readerIds) {
                camel.addRoutes(new ReaderRoute(reader, "direct:" + reader, endpoints));
            }
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // Stands in for the store route: counts, and tells the cluster layer the passages are stored.
                    from(endpoints.passages()).routeId("bench-passages").process(e -> {
                        @SuppressWarnings("unchecked")
                        List<Passage> list = e.getMessage().getBody(List.class);
                        passages.addAndGet(list.size());
                        if (ingress != null) {
                            ingress.passagesStored(list);
                        }
                    });
                    from(endpoints.arrivals()).routeId("bench-arrivals").process(e -> arrivals.addAndGet(e.getMessage().getBody(List.class).size()));
                }
            });
            camel.start();
            if (cluster != null) {
                cluster.start();
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (cluster.ownedLocations().size() < workload.locations) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the member took only " + cluster.ownedLocations().size() + " of "
                                + workload.locations + " locations in 30 s");
                    }
                    Thread.sleep(20);
                }
            }

            long t0 = Instants.toMicros(clock.instant());
            List<Producer> producers = new ArrayList<>();
            for (int p = 0; p < settings.producers; p++) {
                producers.add(new Producer(camel, workload, p, settings.producers, t0));
            }
            producers.forEach(Thread::start);

            Thread.sleep(settings.warmupSeconds * 1000L);
            Snapshot before = Snapshot.take(counters, passages);
            Thread.sleep(settings.measureSeconds * 1000L);
            Snapshot after = Snapshot.take(counters, passages);
            for (Producer p : producers) {
                p.running = false;
            }
            for (Producer p : producers) {
                p.join(10_000);
            }
            drain(camel, endpoints, ingress);

            double seconds = (after.nanos - before.nanos) / 1e9;
            long reads = after.reads - before.reads;
            long batches = after.batches - before.batches;
            long cpu = after.cpuNanos - before.cpuNanos;
            Result result = new Result(mode, reads / seconds, (after.passages - before.passages) / seconds,
                    batches == 0 ? 0 : (double) reads / batches, cpu / 1e9 / seconds, reads == 0 ? 0 : (double) cpu / reads,
                    counters.lateReads(), counters.unmappedReads(), topThreads(before.threadCpu, after.threadCpu));
            System.out.printf(Locale.ROOT, "%s: %,.0f reads/s, %,.0f passages/s, %,d arrivals, %d open presences at the end%n", mode,
                    result.readsPerSecond, result.passagesPerSecond, arrivals.get(), counters.openPresences());
            return result;
        } finally {
            if (cluster != null) {
                cluster.close();
            }
            camel.close();
            if (hazelcast != null) {
                hazelcast.shutdown();
            }
        }
    }

    /** The app's single-node member (see ClusterConfiguration): loopback only, no multicast. */
    private static Config singleMember() {
        Config config = new Config();
        config.setClusterName("pipeline-bench-" + ProcessHandle.current().pid());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setInstanceName("bench");
        // Hazelcast warns about every pending log read it cancels at shutdown: noise after the figures.
        config.setProperty("hazelcast.logging.type", "none");
        config.getNetworkConfig().setPort(5901).setPortAutoIncrement(true);
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(true);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        config.setProperty("hazelcast.local.localAddress", "127.0.0.1");
        ClusterSmoothing.configure(config);
        return config;
    }

    /** Waits (up to 30 s) for the queues to empty, so the next mode starts on an idle machine. */
    private static void drain(CamelContext camel, PipelineEndpoints endpoints, ClusterSmoothing ingress) throws InterruptedException {
        List<String> queues = new ArrayList<>(List.of(endpoints.reads(), endpoints.passages()));
        if (ingress != null) {
            queues.add(SmoothingRoutes.OWNED);
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            int waiting = 0;
            for (String uri : queues) {
                if (camel.hasEndpoint(uri) instanceof SedaEndpoint seda) {
                    waiting += seda.getCurrentQueueSize();
                }
            }
            if (waiting == 0) {
                return;
            }
            Thread.sleep(50);
        }
    }

    private static String topThreads(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> used = new HashMap<>();
        long total = 0;
        for (Map.Entry<String, Long> e : after.entrySet()) {
            long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            used.merge(e.getKey(), d, Long::sum);
            total += d;
        }
        long sum = total;
        return used.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(4)
                .map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey(), 100.0 * e.getValue() / Math.max(1, sum)))
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    /** Groups thread names so pools read as one line: Camel's seda consumers by queue, numbered pools by prefix. */
    static String threadGroup(String name) {
        int seda = name.indexOf("seda://");
        if (seda >= 0) {
            int q = name.indexOf('?', seda);
            return name.substring(seda, q < 0 ? name.length() : q);
        }
        return name.replaceAll("[-#. ]*\\d+$", "").replaceAll("\\.thread-\\d+$", "");
    }

    private record Snapshot(long nanos, long reads, long batches, long passages, long cpuNanos, Map<String, Long> threadCpu) {
        static Snapshot take(PipelineCounters counters, AtomicLong passages) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Map<String, Long> cpu = new HashMap<>();
            for (long id : threads.getAllThreadIds()) {
                long t = threads.getThreadCpuTime(id);
                var info = threads.getThreadInfo(id);
                if (t > 0 && info != null) {
                    cpu.merge(threadGroup(info.getThreadName()), t, Long::sum);
                }
            }
            long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            return new Snapshot(System.nanoTime(), counters.readsIn(), counters.batchesIn(), passages.get(), process, cpu);
        }
    }

    /** Stands in for the LLRP sessions: sends its readers' reports, round robin, each reader's in order. */
    private static final class Producer extends Thread {
        private final BenchWorkload workload;
        private final List<Integer> locations = new ArrayList<>();
        private final Endpoint[] endpoints;
        private final ProducerTemplate template;
        private final long t0;
        volatile boolean running = true;

        Producer(CamelContext camel, BenchWorkload workload, int index, int of, long t0) {
            super("bench-producer-" + index);
            setDaemon(true);
            this.workload = workload;
            this.t0 = t0;
            for (int l = index; l < workload.locations; l += of) {
                locations.add(l);
            }
            this.endpoints = new Endpoint[workload.locations];
            for (int l : locations) {
                endpoints[l] = camel.getEndpoint("direct:" + workload.readerIds[l]);
            }
            this.template = camel.createProducerTemplate();
        }

        @Override
        public void run() {
            int[] next = new int[workload.locations];
            for (long pass = 0; running; pass++) {
                java.util.Arrays.fill(next, 0);
                boolean any = true;
                while (any && running) {
                    any = false;
                    long now = Instants.toMicros(java.time.Instant.now());
                    for (int l : locations) {
                        if (next[l] < workload.reports(l)) {
                            TagReadBatch batch = workload.report(l, next[l]++, pass, t0, now);
                            template.sendBody(endpoints[l], batch);
                            any = true;
                        }
                    }
                }
            }
        }
    }

    static String tagUriOrNull(RawEpc epc) {
        try {
            return EpcDecoder.decode(epc).tagUri();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
