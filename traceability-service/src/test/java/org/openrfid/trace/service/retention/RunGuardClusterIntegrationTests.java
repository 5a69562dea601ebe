package org.openrfid.trace.service.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two Hazelcast members on loopback: one schedule runner (the oldest), one run at a time, one shared report. */
class RunGuardClusterIntegrationTests {

    private final List<HazelcastInstance> members = new java.util.ArrayList<>();

    private HazelcastInstance member(String cluster) {
        Config config = new Config().setClusterName(cluster);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.getNetworkConfig().setPort(5901).setPortAutoIncrement(true).setPortCount(10);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        config.setProperty("hazelcast.local.localAddress", "127.0.0.1");
        var join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1"); // probes the member port range
        HazelcastInstance h = Hazelcast.newHazelcastInstance(config);
        members.add(h);
        return h;
    }

    @AfterEach
    void shutdown() {
        members.forEach(HazelcastInstance::shutdown);
    }

    @Test
    void onlyTheOldestRunsTheScheduleAndRunsExcludeEachOtherAcrossMembers() throws Exception {
        String cluster = "retention-" + UUID.randomUUID();
        HazelcastInstance first = member(cluster);
        HazelcastInstance second = member(cluster);
        assertThat(second.getCluster().getMembers()).hasSize(2);
        RunGuard a = RunGuard.cluster(first);
        RunGuard b = RunGuard.cluster(second);
        assertThat(a.runsSchedule()).isTrue();
        assertThat(b.runsSchedule()).isFalse();

        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread t = new Thread(() -> a.runExclusively(() -> {
            running.countDown();
            await(release);
            return report("MANUAL");
        }));
        t.start();
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        // While the first member runs, the second is refused rather than running alongside.
        assertThat(b.runExclusively(() -> report("SCHEDULED"))).isEmpty();
        release.countDown();
        t.join(10_000);
        assertThat(t.isAlive()).as("the first member's run has finished").isFalse();
        // The report is the cluster's: the other member shows it, and may run now.
        assertThat(b.last()).map(RetentionReport::trigger).contains("MANUAL");
        Optional<RetentionReport> next = b.runExclusively(() -> report("SCHEDULED"));
        assertThat(next).isPresent();
        assertThat(a.last()).map(RetentionReport::trigger).contains("SCHEDULED");
    }

    private static RetentionReport report(String trigger) {
        return new RetentionReport(trigger, "m", Instant.EPOCH, Instant.EPOCH, 0, 1, 2, List.of("vehicle: DROP after 30 days"), null);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the test did not release the running job within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while the job waited to be released", e);
        }
    }
}
