package org.openrfid.trace.pipeline.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

/** Many batches handed in together: one read-log append per location, and every read reaches the smoother. */
class CoalescedIngestIntegrationTests {

    private HazelcastInstance hazelcast;
    private ClusterSmoothing cluster;
    private final PipelineCounters counters = new PipelineCounters();
    private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private Thread smoother;

    @BeforeEach
    void start() throws InterruptedException {
        Config config = new Config();
        config.setClusterName("coalesce-" + UUID.randomUUID());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.getNetworkConfig().setPort(20_000 + ThreadLocalRandom.current().nextInt(20_000)).setPortAutoIncrement(true);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        config.setProperty("hazelcast.local.localAddress", "127.0.0.1");
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        ClusterSmoothing.configure(config);
        hazelcast = Hazelcast.newHazelcastInstance(config);
        ReadPointDirectory directory = new ReadPointDirectory();
        directory.put(new ReadPoint("R1", 1, "L1", Direction.IN, 0));
        directory.put(new ReadPoint("R2", 1, "L2", Direction.IN, 0));
        SmoothingStage stage = new SmoothingStage(new PassageSmoother(SmoothingPolicy.of(Duration.ofSeconds(2)), directory, epc -> null),
                Clock.systemUTC(), counters);
        smoother = new Thread(() -> {
            try {
                while (true) {
                    if (inbox.take() instanceof SmoothingStage.Task task) {
                        stage.onTask(task);
                    }
                }
            } catch (InterruptedException e) {
                // done
            }
        });
        smoother.setDaemon(true);
        smoother.start();
        cluster = new ClusterSmoothing(hazelcast, directory, inbox::add, Duration.ofMillis(500)).start();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(cluster.ownedLocations()).contains("L1", "L2"));
    }

    @AfterEach
    void stop() {
        cluster.close();
        smoother.interrupt();
        hazelcast.getLifecycleService().terminate();
    }

    @Test
    void manyBatchesBecomeOneAppendPerLocationAndEveryReadArrives() throws InterruptedException {
        long t = System.currentTimeMillis() * 1000;
        List<TagReadBatch> batches = new ArrayList<>();
        int reads = 0;
        for (int b = 0; b < 50; b++) {
            String reader = b % 2 == 0 ? "R1" : "R2";
            List<TagRead> list = new ArrayList<>();
            for (int i = 0; i <= b % 7; i++) {
                t += 1_000;
                list.add(new TagRead(reader, 1, RawEpc.ofHex(String.format("3034257BF7194E40%08X", b * 10 + i)), "E2801160", null,
                        -5000, -1, -1, t, t, 1, t));
            }
            // an unmapped read rides along: it goes to this member's smoother directly, not to a log
            list.add(new TagRead(reader, 9, RawEpc.ofHex("3034257BF7194E4000000000"), null, null, -5000, -1, -1, t, t, 1, t));
            reads += list.size();
            batches.add(new TagReadBatch(reader, list));
        }

        cluster.ingestAll(batches);

        assertThat(hazelcast.getRingbuffer(ReadLog.PREFIX + "L1").size()).isEqualTo(1);
        assertThat(hazelcast.getRingbuffer(ReadLog.PREFIX + "L2").size()).isEqualTo(1);
        int all = reads;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(counters.readsIn()).isEqualTo(all));
        assertThat(cluster.chunksApplied()).isEqualTo(2);
        // each reader batch stays a batch of its own on the owner's side (50 mapped parts + 50 unmapped)
        assertThat(counters.batchesIn()).isEqualTo(100);
    }
}
