package org.openrfid.trace.pipeline.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageSmoother;
import org.openrfid.trace.passage.PresenceListener;
import org.openrfid.trace.passage.ReadPoint;
import org.openrfid.trace.passage.ReadPointDirectory;
import org.openrfid.trace.passage.ReadPointRole;
import org.openrfid.trace.passage.SmoothingPolicy;
import org.openrfid.trace.pipeline.PipelineCounters;
import org.openrfid.trace.pipeline.PipelineEndpoints;
import org.openrfid.trace.pipeline.SmoothingRoutes;
import org.openrfid.trace.pipeline.SmoothingStage;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.TagRead;
import org.openrfid.trace.reader.TagReadBatch;

/**
 * Three members in one JVM, each with its own smoothing pipeline; readers of six locations send to
 * different members; one member is terminated mid-stream. The passages stored must be exactly those a
 * single smoother makes of the same reads: same ids, same content, none missing, none extra.
 */
class ClusterFailoverIntegrationTests {

    static final int LOCATIONS = 6;
    static final int TAGS = 30;
    static final int STEPS = 900;
    static final long STEP_EVENT_MICROS = 50_000;
    static final long STEP_WALL_MILLIS = 10;
    static final int KILL_AT_STEP = 450;
    static final SmoothingPolicy POLICY = SmoothingPolicy.of(Duration.ofSeconds(2)).withAllowedLateness(Duration.ofSeconds(1));

    final List<Node> nodes = new ArrayList<>();

    /** Idempotent store: first content per id wins; a different content under a known id is recorded. */
    static final class Store {
        final Map<String, Passage> byId = new ConcurrentHashMap<>();
        final List<String> conflicts = new java.util.concurrent.CopyOnWriteArrayList<>();
        final AtomicInteger replays = new AtomicInteger();

        void saveAll(List<Passage> passages) {
            for (Passage p : passages) {
                Passage before = byId.putIfAbsent(p.id(), p);
                if (before != null) {
                    replays.incrementAndGet();
                    if (!before.equals(p)) {
                        conflicts.add(before + " <> " + p);
                    }
                }
            }
        }
    }

    /** One member; {@code alive} false once it is killed: a dead process stores nothing more. */
    record Node(HazelcastInstance hazelcast, CamelContext camel, ClusterSmoothing cluster, SmoothingStage stage,
                java.util.concurrent.atomic.AtomicBoolean alive) {
    }

    @AfterEach
    void stop() {
        for (Node n : nodes) {
            n.cluster.close();
            try {
                n.camel.stop();
            } catch (RuntimeException e) {
                // ignore
            }
            n.hazelcast.getLifecycleService().terminate();
        }
    }

    static ReadPointDirectory directory() {
        ReadPointDirectory d = new ReadPointDirectory();
        for (int l = 0; l < LOCATIONS; l++) {
            d.put(new ReadPoint("R" + l, 1, "L" + l, Direction.IN, 0, ReadPointRole.ENTRY));
            d.put(new ReadPoint("R" + l, 2, "L" + l, Direction.IN, 0, ReadPointRole.EXIT));
        }
        return d;
    }

    Node startNode(String clusterName, int basePort, Store store) throws Exception {
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.partition.count", "31");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "6");
        config.setProperty("hazelcast.operation.backup.timeout.millis", "1500");
        config.getNetworkConfig().setPort(basePort).setPortAutoIncrement(true).setPortCount(20);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        config.setProperty("hazelcast.local.localAddress", "127.0.0.1");
        var join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true);
        for (int p = basePort; p < basePort + 4; p++) {
            join.getTcpIpConfig().addMember("127.0.0.1:" + p);
        }
        ClusterSmoothing.configure(config);
        HazelcastInstance hz = Hazelcast.newHazelcastInstance(config);

        ReadPointDirectory directory = directory();
        Clock clock = Clock.systemUTC();
        SmoothingStage stage = new SmoothingStage(new PassageSmoother(POLICY, directory, epc -> null), clock, new PipelineCounters());
        CamelContext camel = new DefaultCamelContext();
        ProducerTemplate producer = camel.createProducerTemplate();
        ClusterSmoothing cluster = new ClusterSmoothing(hz, directory, body -> producer.sendBody(SmoothingRoutes.OWNED, body),
                Duration.ofMillis(500));
        PipelineEndpoints endpoints = new PipelineEndpoints("seda:tag-reads?size=10000&blockWhenFull=true",
                "seda:passages?size=2000&blockWhenFull=true", "seda:arrivals?size=10000&discardIfNoConsumers=true", 100);
        camel.addRoutes(new SmoothingRoutes(endpoints, stage, clock, cluster));
        java.util.concurrent.atomic.AtomicBoolean alive = new java.util.concurrent.atomic.AtomicBoolean(true);
        camel.addRoutes(new RouteBuilder() {
            @Override
            @SuppressWarnings("unchecked")
            public void configure() {
                from(endpoints.passages()).process(e -> {
                    List<Passage> passages = e.getMessage().getBody(List.class);
                    if (!alive.get()) {
                        return; // the member is dead: its queued passages die with it (the new owner re-emits them)
                    }
                    store.saveAll(passages);
                    cluster.passagesStored(passages);
                });
            }
        });
        camel.start();
        cluster.start();
        Node node = new Node(hz, camel, cluster, stage, alive);
        nodes.add(node);
        return node;
    }

    /** The reads of one reader at one step: tags present in a 20-step visit every 130 steps, both antennas. */
    static TagReadBatch batch(int location, int step, long t0) {
        List<TagRead> reads = new ArrayList<>();
        long t = t0 + step * STEP_EVENT_MICROS;
        for (int k = 0; k < TAGS; k++) {
            int phase = (step + k * 7 + location * 11) % 130;
            if (phase < 20) {
                int antenna = phase < 10 ? 1 : 2;
                RawEpc epc = RawEpc.ofHex(String.format("3000%04X%016X", location, k));
                int rssi = -6000 + ((step * 31 + k * 17) % 2000);
                reads.add(new TagRead("R" + location, antenna, epc, null, null, rssi, -1, -1, t, t + 1000, 1, t));
            }
        }
        return new TagReadBatch("R" + location, reads);
    }

    @Test
    void noPassageIsLostOrDuplicatedWhenAMemberDies() throws Exception {
        String clusterName = "failover-" + UUID.randomUUID();
        int basePort = 20_000 + ThreadLocalRandom.current().nextInt(20_000);
        Store store = new Store();
        for (int i = 0; i < 3; i++) {
            startNode(clusterName, basePort, store);
        }
        await("cluster of 3 formed").atMost(Duration.ofSeconds(20)).until(() -> nodes.stream().allMatch(n -> n.hazelcast.getCluster()
                .getMembers().size() == 3 && n.hazelcast.getPartitionService().isClusterSafe()));
        await("every location owned once").atMost(Duration.ofSeconds(10))
                .until(() -> nodes.stream().mapToInt(n -> n.cluster.ownedLocations().size()).sum() == LOCATIONS);

        // Reader l is connected to member l % 3. The victim owns a location whose reader is connected to a
        // survivor (so that location keeps receiving reads through the take-over); the readers connected to
        // the victim die with it (their reads stop at the kill: in reality the connection is gone).
        int victimIndex = -1;
        for (int i = 0; i < 3 && victimIndex < 0; i++) {
            Set<String> owns = nodes.get(i).cluster.ownedLocations();
            for (int l = 0; l < LOCATIONS; l++) {
                if (owns.contains("L" + l) && l % 3 != i) {
                    victimIndex = i;
                    break;
                }
            }
        }
        assertThat(victimIndex).as("a member owns a location read through another member").isNotNegative();
        Node victim = nodes.get(victimIndex);
        long t0 = Instant.now().toEpochMilli() * 1000;
        ReentrantReadWriteLock killLock = new ReentrantReadWriteLock();
        List<Thread> readers = new ArrayList<>();
        AtomicInteger progress = new AtomicInteger();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        // The steps whose batch ingest accepted (ingest returned): the ground truth is made of exactly these.
        int[] acceptedUpTo = new int[LOCATIONS];
        for (int l = 0; l < LOCATIONS; l++) {
            int location = l;
            Node member = nodes.get(location % 3);
            Thread reader = new Thread(() -> {
                try {
                    for (int step = 0; step < STEPS; step++) {
                        TagReadBatch b = batch(location, step, t0);
                        if (!b.reads().isEmpty()) {
                            killLock.readLock().lock();
                            try {
                                if (!member.alive.get()) {
                                    return; // the reader's member died: its connection, and its reads, with it
                                }
                                member.cluster.ingest(b);
                            } finally {
                                killLock.readLock().unlock();
                            }
                        }
                        acceptedUpTo[location] = step + 1;
                        if (location == 0) {
                            progress.set(step);
                        }
                        Thread.sleep(STEP_WALL_MILLIS); // makes time pass on purpose: one reader report per step
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "reader-" + l);
            readers.add(reader);
            reader.start();
        }
        await("readers reached the kill step").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() -> progress.get() >= KILL_AT_STEP);
        Set<String> victimLocations = victim.cluster.ownedLocations();
        killLock.writeLock().lock();
        try {
            victim.alive.set(false);
            victim.cluster.close();
            victim.hazelcast.getLifecycleService().terminate();
        } finally {
            killLock.writeLock().unlock();
        }
        Thread stopper = new Thread(() -> {
            try {
                victim.camel.stop();
            } catch (RuntimeException e) {
                // dead anyway
            }
        });
        stopper.setDaemon(true);
        stopper.start();
        for (Thread r : readers) {
            r.join(60_000);
            assertThat(r.isAlive()).isFalse();
        }
        assertThat(failures).isEmpty();
        List<Node> survivors = nodes.stream().filter(n -> n != victim).toList();
        await("the victim's locations " + victimLocations + " taken over").atMost(Duration.ofSeconds(15))
                .until(() -> survivors.stream().mapToInt(n -> n.cluster.ownedLocations().size()).sum() == LOCATIONS);
        int continued = 0;
        for (int l = 0; l < LOCATIONS; l++) {
            if (victimLocations.contains("L" + l) && acceptedUpTo[l] == STEPS) {
                continued++;
            }
        }
        assertThat(continued).as("a location of the victim kept being read through the take-over").isPositive();

        // Ground truth: the same reads through one smoother.
        Map<String, Passage> truth = new HashMap<>();
        PassageSmoother single = new PassageSmoother(POLICY, directory(), epc -> null);
        PresenceListener collect = new PresenceListener() {
            @Override
            public void arrived(RawEpc epc, String locationId, String readerId, Instant firstSeen) {
            }

            @Override
            public void completed(Passage passage) {
                assertThat(truth.put(passage.id(), passage)).isNull();
            }
        };
        for (int step = 0; step < STEPS; step++) {
            for (int l = 0; l < LOCATIONS; l++) {
                if (step >= acceptedUpTo[l]) {
                    continue;
                }
                for (TagRead r : batch(l, step, t0).reads()) {
                    single.accept(r, 0, collect);
                }
            }
        }
        single.flush(collect);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(store.byId.size()).as("all passages stored (%d of %d)", store.byId.size(), truth.size()).isGreaterThanOrEqualTo(truth.size());
            assertThat(survivors).allMatch(n -> n.stage.openPresences() == 0, "no presence open");
        });
        // and it stays so: no late duplicate or extra passage arrives within 300 ms
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(store.conflicts).as("same id with different content").isEmpty();
            assertThat(store.byId.keySet()).as("stored ids").containsExactlyInAnyOrderElementsOf(truth.keySet());
        });
        for (Passage p : truth.values()) {
            assertThat(store.byId.get(p.id())).isEqualTo(p);
        }
        long stale = survivors.stream().mapToLong(n -> n.cluster.staleChunks()).sum();
        assertThat(stale).isZero();
        System.out.printf("cluster failover: %d passages, %d replayed (same content), victim owned %s, reads accepted per reader %s%n",
                truth.size(), store.replays.get(), victimLocations, java.util.Arrays.toString(acceptedUpTo));
    }
}
