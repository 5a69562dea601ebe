package org.openrfid.trace.pipeline.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageSmoother;
import org.openrfid.trace.passage.ReadPoint;
import org.openrfid.trace.passage.ReadPointDirectory;
import org.openrfid.trace.passage.SmoothingPolicy;
import org.openrfid.trace.pipeline.PipelineCounters;
import org.openrfid.trace.pipeline.PipelineEndpoints;
import org.openrfid.trace.pipeline.SmoothingRoutes;
import org.openrfid.trace.pipeline.SmoothingStage;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.TagRead;
import org.openrfid.trace.reader.TagReadBatch;

/**
 * Read-log appends that stay blocked longer than silence + lateness (2 s + 1 s here), as while a dead
 * member's partitions wait to be promoted, must not close a presence early: the tag is read all along,
 * the reads are only late. The block is real: an entry processor keeps the location's partition thread
 * busy for 4.5 s, so the appends to the location's ringbuffer (and the owner's reads of it) wait.
 */
class ReadLogStallIntegrationTests {

    static final long BLOCK_MILLIS = 4_500;
    static final SmoothingPolicy POLICY = SmoothingPolicy.of(Duration.ofSeconds(2)).withAllowedLateness(Duration.ofSeconds(1));

    record Member(HazelcastInstance hazelcast, CamelContext camel, ClusterSmoothing cluster, SmoothingStage stage) {
    }

    final List<Member> members = new ArrayList<>();
    final List<Passage> passages = new CopyOnWriteArrayList<>();

    /** Set once a {@link Sleep} occupies its partition thread (the members run in this JVM). */
    static final AtomicBoolean BLOCKING = new AtomicBoolean();

    /** Occupies the partition thread of its key: every operation on that partition waits behind it. */
    static final class Sleep implements EntryProcessor<String, String, String>, Serializable {
        @Override
        public String process(Map.Entry<String, String> entry) {
            BLOCKING.set(true);
            try {
                Thread.sleep(BLOCK_MILLIS); // makes time pass on purpose: this is the stall
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }
    }

    @AfterEach
    void stop() {
        for (Member m : members) {
            m.cluster.close();
            m.camel.stop();
            m.hazelcast.getLifecycleService().terminate();
        }
    }

    Member startMember(String clusterName, int basePort) throws Exception {
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.getNetworkConfig().setPort(basePort).setPortAutoIncrement(true).setPortCount(10);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        config.setProperty("hazelcast.local.localAddress", "127.0.0.1");
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + basePort)
                .addMember("127.0.0.1:" + (basePort + 1));
        ClusterSmoothing.configure(config);
        HazelcastInstance hazelcast = Hazelcast.newHazelcastInstance(config);

        ReadPointDirectory directory = new ReadPointDirectory();
        directory.put(new ReadPoint("R", 1, "L", Direction.IN, 0));
        Clock clock = Clock.systemUTC();
        SmoothingStage stage = new SmoothingStage(new PassageSmoother(POLICY, directory, epc -> null), clock, new PipelineCounters());
        CamelContext camel = new DefaultCamelContext();
        ProducerTemplate producer = camel.createProducerTemplate();
        ClusterSmoothing cluster = new ClusterSmoothing(hazelcast, directory, body -> producer.sendBody(SmoothingRoutes.OWNED, body), Duration.ofMillis(500));
        PipelineEndpoints endpoints = new PipelineEndpoints("seda:tag-reads?size=10000&blockWhenFull=true",
                "seda:passages?size=2000&blockWhenFull=true", "seda:arrivals?size=10000&discardIfNoConsumers=true", 100);
        camel.addRoutes(new SmoothingRoutes(endpoints, stage, clock, cluster));
        camel.addRoutes(new RouteBuilder() {
            @Override
            @SuppressWarnings("unchecked")
            public void configure() {
                from(endpoints.passages()).process(e -> {
                    List<Passage> list = e.getMessage().getBody(List.class);
                    passages.addAll(list);
                    cluster.passagesStored(list);
                });
            }
        });
        camel.start();
        cluster.start();
        Member m = new Member(hazelcast, camel, cluster, stage);
        members.add(m);
        return m;
    }

    @Test
    void blockedAppendsDoNotCloseAPresenceEarly() throws Exception {
        Member one = startMember("stall-" + UUID.randomUUID(), 20_000 + ThreadLocalRandom.current().nextInt(20_000));
        await("location owned").atMost(Duration.ofSeconds(10)).until(() -> one.cluster.ownedLocations().contains("L"));
        feedThroughAStall(one, one);
    }

    @Test
    void blockedAppendsOnAnotherMemberDoNotCloseAPresenceEarlyOnTheOwner() throws Exception {
        String name = "stall-" + UUID.randomUUID();
        int basePort = 20_000 + ThreadLocalRandom.current().nextInt(20_000);
        Member a = startMember(name, basePort);
        Member b = startMember(name, basePort);
        await("cluster of 2").atMost(Duration.ofSeconds(20)).until(() -> members.stream().allMatch(m -> m.hazelcast.getCluster()
                .getMembers().size() == 2 && m.hazelcast.getPartitionService().isClusterSafe()));
        await("location owned by one member").atMost(Duration.ofSeconds(10))
                .until(() -> a.cluster.ownedLocations().contains("L") != b.cluster.ownedLocations().contains("L"));
        Member owner = a.cluster.ownedLocations().contains("L") ? a : b;
        Member ingress = owner == a ? b : a;
        feedThroughAStall(ingress, owner);
        assertThat(owner.cluster.stallsHeard()).as("stall notices the owner acted on").isPositive();
    }

    /** Reads enter at {@code ingress}; the location is smoothed at {@code owner}. */
    void feedThroughAStall(Member ingress, Member owner) throws Exception {
        Clock clock = Clock.systemUTC();
        HazelcastInstance hazelcast = ingress.hazelcast;
        ClusterSmoothing cluster = ingress.cluster;
        SmoothingStage stage = owner.stage;

        // A tag read every 100 ms for 9 s, as a reader reports it: the reports queue up while the pipeline
        // waits (TCP pushes back on the reader) and arrive late with their own times. After 2 s the location's
        // partition is blocked for 4.5 s.
        RawEpc epc = RawEpc.ofHex("3034257BF7194E4000019919");
        java.util.concurrent.BlockingQueue<TagRead> reported = new java.util.concurrent.LinkedBlockingQueue<>();
        long start = System.nanoTime();
        Thread reader = new Thread(() -> {
            try {
                while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(9)) {
                    long t = clock.instant().toEpochMilli() * 1000;
                    reported.add(new TagRead("R", 1, epc, null, null, -5000, -1, -1, t, t, 1, t));
                    Thread.sleep(100); // makes time pass on purpose: a tag read every 100 ms, as a reader reports it
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "simulated-reader");
        reader.start();
        long longestIngestMillis = 0;
        int reads = 0;
        boolean blocked = false;
        BLOCKING.set(false);
        while (reader.isAlive() || !reported.isEmpty()) {
            if (!blocked && System.nanoTime() - start > TimeUnit.SECONDS.toNanos(2)) {
                hazelcast.<String, String>getMap("stall-test").submitToKey("L", new Sleep());
                blocked = true;
                // the entry processor is on the partition thread before the next append
                await("partition blocked").atMost(Duration.ofSeconds(5)).untilTrue(BLOCKING);
            }
            List<TagRead> batch = new ArrayList<>();
            TagRead first = reported.poll(200, TimeUnit.MILLISECONDS);
            if (first == null) {
                continue;
            }
            batch.add(first);
            reported.drainTo(batch);
            long before = System.nanoTime();
            cluster.ingest(new TagReadBatch("R", batch));
            longestIngestMillis = Math.max(longestIngestMillis, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before));
            reads += batch.size();
        }
        assertThat(longestIngestMillis).as("an append waited for the blocked partition").isGreaterThan(3_000);

        await("presence closed").atMost(Duration.ofSeconds(10)).until(() -> stage.openPresences() == 0 && !passages.isEmpty());
        int allReads = reads;
        // one passage, and it stays one: no second passage follows within 300 ms
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            List<String> seen = new ArrayList<>();
            passages.forEach(p -> seen.add(p.firstSeen() + ".." + p.lastSeen() + " (" + p.reads() + " reads)"));
            assertThat(passages).as("passages of a tag read every 100 ms throughout: %s", seen).hasSize(1);
            assertThat(passages.get(0).reads()).isEqualTo(allReads);
        });
    }
}
