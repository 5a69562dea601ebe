package org.openrfid.trace.service.readerfleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.ReadPointRole;
import org.openrfid.trace.passage.SmoothingPolicy;
import org.openrfid.trace.pipeline.cluster.ClusterSmoothing;
import org.openrfid.trace.reader.simulator.LlrpReaderSimulator;
import org.openrfid.trace.reader.simulator.Scenario;
import org.openrfid.trace.reader.simulator.ScenarioRow;

/**
 * Reader connections in a cluster: two members in one JVM, each with its own Camel context, {@code llrp}
 * component and smoothing pipeline, and an LLRP reader simulator on 127.0.0.1 as the readers. The member
 * holding a reader's connection is terminated: another member connects to the reader within seconds and
 * passages keep coming; a third member joining takes its share over by hand-over. Throughout, the simulated
 * readers never see a second client while one is connected.
 */
class ReaderTakeoverIntegrationTests {

    static final int READERS = 6;
    static final SmoothingPolicy POLICY = SmoothingPolicy.of(Duration.ofMillis(300)).withAllowedLateness(Duration.ofMillis(200));

    final List<PipelineMember> members = new ArrayList<>();
    final Map<String, Passage> stored = new ConcurrentHashMap<>();
    LlrpReaderSimulator sim;

    @AfterEach
    void stop() {
        members.forEach(PipelineMember::stop);
        if (sim != null) {
            sim.close();
        }
    }

    static String reader(int i) {
        return "rdr-" + i;
    }

    /** Each reader sees five tags in turn, 200 ms each, every 2 s: five passages per reader per pass. */
    static Scenario scenario() {
        List<ScenarioRow> rows = new ArrayList<>();
        for (int tag = 0; tag < 5; tag++) {
            for (long at = tag * 300L; at < tag * 300L + 200; at += 50) {
                for (int r = 0; r < READERS; r++) {
                    rows.add(new ScenarioRow(at, reader(r), 1, String.format("30340000000000%02X%08X", r, tag), null, -50));
                }
            }
        }
        return new Scenario(rows, 2000);
    }

    PipelineMember startMember(String clusterName, int basePort) throws Exception {
        Config config = PipelineMember.tuned(new Config());
        config.setClusterName(clusterName);
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
        ReaderConnections.configure(config);
        PipelineMember m = PipelineMember.start(config, POLICY, passages -> passages.forEach(p -> stored.putIfAbsent(p.id(), p)),
                batches -> { });
        members.add(m);
        return m;
    }

    @Test
    void anotherMemberTakesTheReadersOfADeadMemberOverAndNoReaderEverHasTwoClients() throws Exception {
        String clusterName = "readers-" + UUID.randomUUID();
        int basePort = 20_000 + ThreadLocalRandom.current().nextInt(20_000);
        LlrpReaderSimulator.Builder builder = LlrpReaderSimulator.builder().scenario(scenario()).loop(true);
        for (int r = 0; r < READERS; r++) {
            builder.reader(reader(r), 0);
        }
        sim = builder.build().start();
        PipelineMember first = startMember(clusterName, basePort);
        PipelineMember second = startMember(clusterName, basePort);
        assertThat(waitUntil(20_000, () -> members.stream().allMatch(m -> m.hazelcast().getCluster().getMembers().size() == 2
                && m.hazelcast().getPartitionService().isClusterSafe()))).as("cluster of 2 formed").isTrue();

        // Defined on one member (as through the API), with entry/exit roles: every member gets the read points.
        for (int r = 0; r < READERS; r++) {
            first.readers().create(new ReaderDefinition(reader(r), "127.0.0.1", sim.port(reader(r)),
                    List.of(new ReaderDefinition.Antenna(1, "L" + r, "IN", 1, "ENTRY"))));
        }
        assertThat(waitUntil(5_000, () -> second.readPoints().all().size() == READERS)).as("read points on the other member").isTrue();
        assertThat(second.readPoints().find(reader(0), 1)).get().extracting(rp -> rp.role()).isEqualTo(ReadPointRole.ENTRY);

        assertThat(waitUntil(15_000, this::everyReaderConnectedOnce)).as("every reader connected by one member").isTrue();
        assertThat(waitUntil(15_000, () -> readersWithPassagesSince(Instant.EPOCH) == READERS)).as("passages from every reader").isTrue();
        PipelineMember victim = first.readers().heldHere().isEmpty() ? second : first;
        PipelineMember survivor = victim == first ? second : first;
        List<String> victimReaders = List.copyOf(victim.readers().heldHere());
        assertThat(victimReaders).isNotEmpty();
        Set<String> victimLocations = victim.smoothing().ownedLocations();
        boolean someReadsCrossMembers = false;
        for (int r = 0; r < READERS; r++) {
            PipelineMember holder = victim.readers().heldHere().contains(reader(r)) ? victim : survivor;
            someReadsCrossMembers |= !holder.smoothing().ownedLocations().contains("L" + r);
        }
        for (PipelineMember m : members) {
            String scrape = m.meters().scrape();
            assertThat(metric(scrape, "rfid_cluster_members")).isEqualTo(2);
            assertThat(metric(scrape, "rfid_cluster_readers_held")).isEqualTo(m.readers().heldHere().size());
            assertThat(metric(scrape, "rfid_cluster_locations_owned")).isEqualTo(m.smoothing().ownedLocations().size());
            assertThat(metric(scrape, "rfid_cluster_read_log_append_seconds_count")).as("appends timed").isPositive();
            assertThat(metric(scrape, "rfid_cluster_read_log_append_seconds_max")).as("slowest append").isLessThan(2.0);
            assertThat(metric(scrape, "rfid_cluster_snapshot_age_seconds")).as("snapshot age").isBetween(0.0, 2.0);
        }
        double forwarded = members.stream().mapToDouble(m -> metric(m.meters().scrape(), "rfid_cluster_reads_forwarded_total")).sum();
        if (someReadsCrossMembers) {
            assertThat(forwarded).as("reads forwarded to the location's owner").isPositive();
        } else {
            assertThat(forwarded).as("every reader's location owned where it is held: nothing forwarded").isZero();
        }

        // The member dies: its connections go with its process (the lifecycle listener closes them before
        // Hazelcast stops, as the operating system would close the sockets of a killed process).
        Instant killedAt = Instant.now();
        long t0 = System.nanoTime();
        victim.alive().set(false);
        victim.hazelcast().getLifecycleService().terminate();
        victim.smoothing().close();
        members.remove(victim);
        try {
            victim.readers().close();
            victim.camel().stop();
        } catch (RuntimeException e) {
            // dead anyway
        }

        assertThat(waitUntil(15_000, () -> survivor.readers().heldHere().size() == READERS
                && victimReaders.stream().allMatch(id -> connected(survivor, id)))).as("the survivor holds every reader").isTrue();
        double takeoverSeconds = (System.nanoTime() - t0) / 1e9;
        assertThat(survivor.readers().takeovers()).isEqualTo(victimReaders.size());
        Instant afterTakeover = Instant.now();
        assertThat(waitUntil(15_000, () -> readersWithPassagesSince(afterTakeover) == READERS))
                .as("passages from every reader after the take-over").isTrue();
        String scrape = survivor.meters().scrape();
        assertThat(metric(scrape, "rfid_cluster_members")).isEqualTo(1);
        assertThat(metric(scrape, "rfid_cluster_readers_held")).isEqualTo(READERS);
        assertThat(metric(scrape, "rfid_cluster_locations_owned")).isEqualTo(READERS);
        assertThat(metric(scrape, "rfid_cluster_takeovers_total{kind=\"reader\"}")).isEqualTo(victimReaders.size());
        assertThat(metric(scrape, "rfid_cluster_takeovers_total{kind=\"location\"}")).as("locations taken from %s", victimLocations)
                .isGreaterThanOrEqualTo(victimLocations.size());
        assertThat(metric(scrape, "rfid_cluster_snapshot_age_seconds")).as("snapshot age").isBetween(0.0, 2.0);

        // The member comes back (a new process): readers whose partition it now owns are handed over.
        PipelineMember back = startMember(clusterName, basePort);
        assertThat(waitUntil(20_000, () -> members.stream().allMatch(m -> m.hazelcast().getCluster().getMembers().size() == 2
                && m.hazelcast().getPartitionService().isClusterSafe()))).as("cluster of 2 again").isTrue();
        assertThat(waitUntil(15_000, this::everyReaderConnectedOnce)).as("every reader connected by one member").isTrue();
        Instant afterRejoin = Instant.now();
        assertThat(waitUntil(15_000, () -> readersWithPassagesSince(afterRejoin) == READERS))
                .as("passages from every reader after the rejoin").isTrue();

        for (int r = 0; r < READERS; r++) {
            assertThat(sim.clientsWhileConnected(reader(r))).as("clients of %s while one was connected", reader(r)).isZero();
            assertThat(sim.clientsRefused(reader(r))).as("clients of %s refused", reader(r)).isZero();
        }
        for (String id : victimReaders) {
            assertThat(sim.clientsAccepted(id)).as("sessions of %s", id).isGreaterThanOrEqualTo(2);
        }
        System.out.printf("reader take-over: %d of %d readers moved in %.2f s after the kill at %s; %d handed over to the member that"
                        + " came back; sessions per reader %s%n", victimReaders.size(), READERS, takeoverSeconds, killedAt,
                back.readers().heldHere().size(), java.util.stream.IntStream.range(0, READERS).mapToObj(r -> sim.clientsAccepted(reader(r))).toList());
    }

    /** The value of one sample line of a Prometheus scrape (name with its labels, as printed). */
    static double metric(String scrape, String sample) {
        return scrape.lines().filter(l -> l.startsWith(sample + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(sample.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError("no sample " + sample + " in\n" + scrape));
    }

    boolean everyReaderConnectedOnce() {
        for (int r = 0; r < READERS; r++) {
            String id = reader(r);
            long holders = members.stream().filter(m -> m.readers().heldHere().contains(id)).count();
            if (holders != 1 || !sim.hasClient(id) || members.stream().noneMatch(m -> connected(m, id))) {
                return false;
            }
        }
        return true;
    }

    static boolean connected(PipelineMember m, String readerId) {
        return m.connected(readerId);
    }

    long readersWithPassagesSince(Instant since) {
        return stored.values().stream().filter(p -> p.firstSeen().isAfter(since)).map(Passage::readerId).distinct().count();
    }

    /** Whether the condition holds within the time (polled by Awaitility); callers assert the answer. */
    static boolean waitUntil(long millis, BooleanSupplier condition) {
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofMillis(millis)).pollInterval(Duration.ofMillis(50))
                    .until(condition::getAsBoolean);
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
    }
}
