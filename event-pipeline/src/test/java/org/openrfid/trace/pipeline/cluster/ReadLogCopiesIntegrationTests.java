package org.openrfid.trace.pipeline.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.ringbuffer.Ringbuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Passage;
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
 * A read-log entry held twice: what Hazelcast leaves when it retries an append whose first try reached the
 * partition and its backup but whose answer was lost as a member left (seen in the split test: a passage
 * stored with every read counted twice). The copy is appended here byte for byte, as the retry does; it
 * must be applied once, by the owner that applied the original and by a new owner that took the location
 * from a snapshot taken between the two.
 */
class ReadLogCopiesIntegrationTests {

    private static final String EPC = "3034257BF7194E4000000001";

    private HazelcastInstance hazelcast;
    private final ReadPointDirectory directory = new ReadPointDirectory();
    private final List<Owner> owners = new ArrayList<>();

    /** One member's smoothing: its stage on its own thread, the passages it completes. */
    private final class Owner {
        final PipelineCounters counters = new PipelineCounters();
        final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
        final ConcurrentLinkedQueue<Passage> passages = new ConcurrentLinkedQueue<>();
        final ClusterSmoothing cluster;
        final Thread thread;

        Owner() {
            SmoothingStage stage = new SmoothingStage(new PassageSmoother(SmoothingPolicy.of(Duration.ofSeconds(30)), directory,
                    epc -> null), Clock.systemUTC(), counters);
            thread = new Thread(() -> {
                try {
                    while (true) {
                        Object next = inbox.take();
                        SmoothingStage.Output out = next instanceof SmoothingStage.Task task ? stage.onTask(task) : stage.onFlush();
                        passages.addAll(out.passages());
                    }
                } catch (InterruptedException e) {
                    // done
                }
            });
            thread.setDaemon(true);
            thread.start();
            cluster = new ClusterSmoothing(hazelcast, directory, inbox::add, Duration.ofMillis(100)).start();
            owners.add(this);
        }

        void stop() {
            cluster.close();
            thread.interrupt();
        }
    }

    @BeforeEach
    void start() {
        Config config = new Config();
        config.setClusterName("copies-" + UUID.randomUUID());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.getNetworkConfig().setPort(20_000 + ThreadLocalRandom.current().nextInt(20_000)).setPortAutoIncrement(true);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        config.setProperty("hazelcast.local.localAddress", "127.0.0.1");
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        ClusterSmoothing.configure(config);
        hazelcast = Hazelcast.newHazelcastInstance(config);
        directory.put(new ReadPoint("R1", 1, "L1", Direction.IN, 0));
    }

    @AfterEach
    void stop() {
        owners.forEach(Owner::stop);
        hazelcast.getLifecycleService().terminate();
    }

    @Test
    void aCopyRightBehindItsOriginalIsSkippedAndTheLogGoesOn() {
        Owner owner = new Owner();
        await().atMost(Duration.ofSeconds(10)).until(() -> owner.cluster.ownedLocations().contains("L1"));
        long t = System.currentTimeMillis() * 1000;
        owner.cluster.ingestAll(List.of(batch(t, 3)));
        appendCopyOfNewest();
        owner.cluster.ingestAll(List.of(batch(t + 10_000, 2)));

        await().atMost(Duration.ofSeconds(10)).until(() -> owner.cluster.chunksApplied() == 2);
        assertThat(owner.cluster.logCopiesSkipped()).isEqualTo(1);
        assertThat(owner.counters.readsIn()).as("reads applied: the copy's not again").isEqualTo(5);
        owner.inbox.add("flush");
        await().atMost(Duration.ofSeconds(10)).until(() -> !owner.passages.isEmpty());
        assertThat(owner.passages).singleElement().extracting(Passage::reads).isEqualTo(5);
    }

    @Test
    void aNewOwnerThatTookTheLocationBetweenTheOriginalAndItsCopySkipsTheCopy() {
        Owner first = new Owner();
        await().atMost(Duration.ofSeconds(10)).until(() -> first.cluster.ownedLocations().contains("L1"));
        long t = System.currentTimeMillis() * 1000;
        first.cluster.ingestAll(List.of(batch(t, 3)));
        long original = log().tailSequence();
        await("a snapshot that holds the original").atMost(Duration.ofSeconds(10)).until(() -> {
            byte[] saved = hazelcast.<String, byte[]>getMap(PresenceSnapshots.MAP).get("L1");
            return saved != null && PresenceSnapshots.decode(saved).snapshot().sequence() >= original;
        });
        first.stop(); // as if it had died: a new owner takes the location from its snapshot

        appendCopyOfNewest();
        Owner next = new Owner();
        await().atMost(Duration.ofSeconds(10)).until(() -> next.cluster.logCopiesSkipped() == 1);
        assertThat(next.counters.readsIn()).as("reads applied again by the new owner").isZero();
        next.inbox.add("flush");
        await().atMost(Duration.ofSeconds(10)).until(() -> !next.passages.isEmpty());
        assertThat(next.passages).singleElement().extracting(Passage::reads).as("the restored presence, its reads once").isEqualTo(3);
    }

    private Ringbuffer<byte[]> log() {
        return hazelcast.getRingbuffer(ReadLog.PREFIX + "L1");
    }

    /** What Hazelcast's retry of the newest append leaves: the same bytes once more. */
    private void appendCopyOfNewest() {
        Ringbuffer<byte[]> log = log();
        try {
            log.add(log.readOne(log.tailSequence()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static TagReadBatch batch(long fromMicros, int reads) {
        List<TagRead> list = new ArrayList<>();
        for (int i = 0; i < reads; i++) {
            long at = fromMicros + i * 1_000;
            list.add(new TagRead("R1", 1, RawEpc.ofHex(EPC), null, null, -5000, -1, -1, at, at, 1, at));
        }
        return new TagReadBatch("R1", list);
    }
}
