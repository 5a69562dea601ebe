package org.openrfid.trace.service.readerfleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.config.ServerSocketEndpointConfig;
import com.hazelcast.instance.EndpointQualifier;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageSmoother;
import org.openrfid.trace.passage.PresenceListener;
import org.openrfid.trace.passage.ReadPointDirectory;
import org.openrfid.trace.passage.SmoothingPolicy;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.TagRead;
import org.openrfid.trace.reader.TagReadBatch;
import org.openrfid.trace.reader.simulator.LlrpReaderSimulator;
import org.openrfid.trace.reader.simulator.Scenario;
import org.openrfid.trace.reader.simulator.ScenarioRow;
import org.openrfid.trace.service.platform.cluster.ClusterProperties;
import org.openrfid.trace.service.platform.cluster.MemberConfig;

/**
 * A network split of a three-member cluster and its heal (issue 18). The members run with the production
 * member configuration ({@link MemberConfig}) on their own loopback addresses, every member-to-member link
 * through a TCP proxy of the test ({@link SplitNetwork}); simulated LLRP readers, one location each, are
 * spread over the members by partition ownership. One member holding readers is cut off from the other
 * two until both sides have declared the other dead, reads keep flowing on both sides, then the links are
 * healed and Hazelcast merges the lone member back.
 *
 * <p>What must hold: every passage the pipeline's reads make (the reads each member's cluster layer made
 * durable, run through one smoother) is stored exactly once, with the same id and content, and nothing else
 * is stored; after the merge each reader is held by exactly one member, which every member names, and no
 * reader sees a second client.
 */
class ClusterSplitIntegrationTests {

    static final int MEMBERS = 3;
    static final int READERS = 6;
    static final Duration SPLIT_FOR = Duration.ofSeconds(6);
    /**
     * Silence and lateness well above the 1 s after which a member announces stalled appends
     * ({@code ClusterSmoothing.STALL_AFTER}), as in production (a busy 2-core machine delays appends by half
     * a second now and then; with less margin a presence would close early on any member, split or not).
     */
    static final SmoothingPolicy POLICY = SmoothingPolicy.of(Duration.ofMillis(1500)).withAllowedLateness(Duration.ofMillis(1000));

    final List<PipelineMember> members = new ArrayList<>();
    final Map<String, Passage> stored = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<TagReadBatch> ingested = new ConcurrentLinkedQueue<>();
    final SplitNetwork network = new SplitNetwork();
    LlrpReaderSimulator sim;

    @AfterEach
    void stop() {
        members.forEach(PipelineMember::stop);
        network.close();
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void aSplitAndItsHealLoseNoPassageStoreNoneTwiceAndLeaveEachReaderWithOneMember() throws Exception {
        String clusterName = "split-" + UUID.randomUUID();
        int[] ports = new int[MEMBERS + 1];
        for (int i = 1; i <= MEMBERS; i++) {
            ports[i] = freePort(i);
            network.add(i, ports[i]);
        }
        LlrpReaderSimulator.Builder builder = LlrpReaderSimulator.builder().scenario(scenario()).loop(true);
        for (int r = 0; r < READERS; r++) {
            builder.reader(reader(r), 0);
        }
        sim = builder.build().start();
        for (int i = 1; i <= MEMBERS; i++) {
            members.add(PipelineMember.start(memberConfig(clusterName, i, ports), POLICY, this::store,
                    ingested::addAll));
        }
        assertThat(waitUntil(30_000, () -> clusterSizes(members, MEMBERS))).as("cluster of 3 formed").isTrue();
        for (int r = 0; r < READERS; r++) {
            members.get(0).readers().create(new ReaderDefinition(reader(r), "127.0.0.1", sim.port(reader(r)),
                    List.of(new ReaderDefinition.Antenna(1, "L" + r, "IN", 1, "ENTRY"))));
        }
        assertThat(waitUntil(20_000, this::everyReaderHeldOnceAndNamed)).as("every reader connected by one member").isTrue();
        assertThat(waitUntil(15_000, () -> readersWithPassagesSince(Instant.EPOCH) == READERS)).as("passages from every reader").isTrue();

        // Cut off a member that holds readers (the last one that does: with luck not the master).
        PipelineMember lone = IntStream.iterate(MEMBERS - 1, i -> i >= 0, i -> i - 1).mapToObj(members::get)
                .filter(m -> !m.readers().heldHere().isEmpty()).findFirst().orElseThrow();
        int loneIndex = members.indexOf(lone) + 1;
        List<PipelineMember> rest = members.stream().filter(m -> m != lone).toList();
        Set<String> loneReaders = lone.readers().heldHere();
        Set<String> loneLocations = lone.smoothing().ownedLocations();
        long t0 = System.nanoTime();
        network.isolate(loneIndex);
        assertThat(waitUntil(30_000, () -> clusterSizes(List.of(lone), 1) && clusterSizes(rest, MEMBERS - 1)))
                .as("both sides saw the split").isTrue();
        double detectSeconds = (System.nanoTime() - t0) / 1e9;
        Instant splitSeen = Instant.now();
        Thread.sleep(SPLIT_FOR.toMillis());
        assertThat(readersWithPassagesSince(splitSeen)).as("readers whose passages were stored during the split").isEqualTo(READERS);
        assertThat(IntStream.range(0, READERS).map(r -> sim.clientsRefused(reader(r))).sum())
                .as("second clients refused by the readers while both sides dialled").isPositive();

        long t1 = System.nanoTime();
        network.heal();
        assertThat(waitUntil(60_000, () -> clusterSizes(members, MEMBERS))).as("merged into one cluster of 3").isTrue();
        double mergeSeconds = (System.nanoTime() - t1) / 1e9;
        assertThat(waitUntil(30_000, this::everyReaderHeldOnceAndNamed)).as(() -> "every reader held by one member after the merge:\n"
                + readerReport()).isTrue();
        Map<String, Integer> secondClients = secondClients();
        Instant merged = Instant.now();
        assertThat(waitUntil(15_000, () -> readersWithPassagesSince(merged) == READERS)).as("passages from every reader after the merge")
                .isTrue();
        Thread.sleep(3_000);
        assertThat(this.everyReaderHeldOnceAndNamed()).as("still one holder per reader").isTrue();
        assertThat(secondClients()).as("second clients at the readers since the merge").isEqualTo(secondClients);

        // Readers off; the open presences close on silence and are stored. Presences handed over at the merge
        // close later than the others: their readers' quiet time starts after ClusterSmoothing's failover grace
        // (5 s), so a store quiet for 2 s is not yet the end (CI, 2026-12-07: a merge 0.7 s after the heal had
        // the check run while the two handed-over visits were still open). Quiet, and nothing open in any member.
        sim.close();
        assertThat(waitUntil(30_000, () -> storeQuiet() && members.stream().filter(m -> m.alive().get())
                .mapToLong(PipelineMember::openPresences).sum() == 0)).as("the store went quiet with no presence open").isTrue();

        Map<String, Passage> expected = oneSmoother(members.get(0).readPoints());
        Set<String> missing = new java.util.TreeSet<>(expected.keySet());
        missing.removeAll(stored.keySet());
        Set<String> extra = new java.util.TreeSet<>(stored.keySet());
        extra.removeAll(expected.keySet());
        List<String> changed = expected.values().stream().filter(p -> stored.containsKey(p.id()) && !sameContent(p, stored.get(p.id())))
                .map(p -> describe(p) + " stored as " + describe(stored.get(p.id()))).toList();
        System.out.printf("split of member %d (readers %s, locations %s): seen by both sides %.1f s after the cut, merged %.1f s after"
                        + " the heal; %d passages expected, %d stored, %d delivered more than once; read-log copies skipped %d;"
                        + " open presences handed over at the merge %d;"
                        + " sessions per reader %s, refused %s%n",
                loneIndex, loneReaders, loneLocations, detectSeconds, mergeSeconds, expected.size(), stored.size(),
                deliveries.values().stream().filter(n -> n.get() > 1).count(),
                members.stream().mapToLong(m -> m.smoothing().logCopiesSkipped()).sum(),
                members.stream().mapToLong(m -> m.smoothing().presencesAdopted()).sum(),
                IntStream.range(0, READERS).mapToObj(r -> sim.clientsAccepted(reader(r))).toList(),
                IntStream.range(0, READERS).mapToObj(r -> sim.clientsRefused(reader(r))).toList());
        assertThat(missing.stream().map(id -> describe(expected.get(id))).toList()).as("passages lost").isEmpty();
        assertThat(extra.stream().map(id -> describe(stored.get(id))).toList()).as("passages stored that one smoother would not make").isEmpty();
        assertThat(changed).as("passages stored with other content than one smoother gives them").isEmpty();
    }

    /** Each reader sees three tags in turn, 200 ms each, one every 2 s: one passage per reader every 2 s. */
    static Scenario scenario() {
        List<ScenarioRow> rows = new ArrayList<>();
        for (int tag = 0; tag < 3; tag++) {
            for (long at = tag * 2000L; at < tag * 2000L + 200; at += 50) {
                for (int r = 0; r < READERS; r++) {
                    rows.add(new ScenarioRow(at, reader(r), 1, String.format("30340000000000%02X%08X", r, tag), null, -50));
                }
            }
        }
        return new Scenario(rows, 6000);
    }

    // ---------------------------------------------------------------- the members and their network

    Config memberConfig(String clusterName, int member, int[] ports) {
        List<String> peers = IntStream.rangeClosed(1, MEMBERS).mapToObj(i -> SplitNetwork.proxyHost(i) + ":" + ports[i]).toList();
        Config config = PipelineMember.tuned(MemberConfig.build(new ClusterProperties(clusterName, peers, ports[member],
                SplitNetwork.memberHost(member))));
        config.setProperty("hazelcast.local.localAddress", SplitNetwork.memberHost(member));
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.socket.client.bind.any", "false"); // dial from the own address: proxies know who dials
        config.setProperty("hazelcast.merge.first.run.delay.seconds", "2");
        config.setProperty("hazelcast.merge.next.run.delay.seconds", "2");
        ServerSocketEndpointConfig endpoint = (ServerSocketEndpointConfig) config.getAdvancedNetworkConfig().getEndpointConfigs()
                .get(EndpointQualifier.MEMBER);
        endpoint.setPortAutoIncrement(false).setPublicAddress(SplitNetwork.proxyHost(member) + ":" + ports[member]);
        return config;
    }

    /** A port free on both the member's and its proxy's address. */
    static int freePort(int member) throws IOException {
        for (int tries = 0; tries < 50; tries++) {
            int port;
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(InetAddress.getByName(SplitNetwork.memberHost(member)), 0));
                port = s.getLocalPort();
            }
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(InetAddress.getByName(SplitNetwork.proxyHost(member)), port));
                return port;
            } catch (IOException e) {
                // taken there: try another
            }
        }
        throw new IOException("no free port for member " + member);
    }

    static boolean clusterSizes(List<PipelineMember> ms, int size) {
        return ms.stream().allMatch(m -> m.hazelcast().getCluster().getMembers().size() == size
                && m.hazelcast().getPartitionService().isClusterSafe());
    }

    static String reader(int i) {
        return ReaderTakeoverIntegrationTests.reader(i);
    }

    // ---------------------------------------------------------------- readers

    /**
     * Every reader: held by exactly one member, connected there, a client at the simulated reader, and every
     * member names that member's address as {@code heldBy} (what {@code GET /api/v1/readers/{id}} shows).
     */
    boolean everyReaderHeldOnceAndNamed() {
        for (int r = 0; r < READERS; r++) {
            String id = reader(r);
            List<PipelineMember> holders = members.stream().filter(m -> m.readers().heldHere().contains(id)).toList();
            if (holders.size() != 1 || !holders.get(0).connected(id) || !sim.hasClient(id)) {
                return false;
            }
            var address = holders.get(0).hazelcast().getCluster().getLocalMember().getAddress();
            Optional<String> expected = Optional.of(address.getHost() + ":" + address.getPort());
            if (!members.stream().allMatch(m -> m.readers().heldBy(id).equals(expected))) {
                return false;
            }
        }
        return true;
    }

    /** Per reader: who holds it, who owns its partition, the lease, and what each member names as holder. */
    String readerReport() {
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < READERS; r++) {
            String id = reader(r);
            out.append(id).append(": client at reader ").append(sim.hasClient(id));
            for (PipelineMember m : members) {
                out.append(" | ").append(m.hazelcast().getCluster().getLocalMember().getAddress()).append(" uuid ")
                        .append(m.hazelcast().getCluster().getLocalMember().getUuid().toString(), 0, 8)
                        .append(m.readers().heldHere().contains(id) ? " holds" : "").append(m.connected(id) ? " connected" : "")
                        .append(m.hazelcast().getPartitionService().getPartition(id).getOwner().localMember() ? " owns" : "")
                        .append(" heldBy=").append(m.readers().heldBy(id).orElse("-"));
            }
            out.append(" | lease ").append(members.get(0).hazelcast().getMap("rfid-reader-leases").get(id)).append('\n');
        }
        return out.toString();
    }

    Map<String, Integer> secondClients() {
        Map<String, Integer> counts = new TreeMap<>();
        for (int r = 0; r < READERS; r++) {
            counts.put(reader(r), sim.clientsRefused(reader(r)) + sim.clientsWhileConnected(reader(r)));
        }
        return counts;
    }

    // ---------------------------------------------------------------- passages

    void store(List<Passage> passages) {
        for (Passage p : passages) {
            stored.putIfAbsent(p.id(), p); // the database's ON CONFLICT DO NOTHING on the passage id
            deliveries.computeIfAbsent(p.id(), id -> new AtomicInteger()).incrementAndGet();
        }
    }

    long readersWithPassagesSince(Instant since) {
        return stored.values().stream().filter(p -> p.firstSeen().isAfter(since)).map(Passage::readerId).distinct().count();
    }

    private int lastStoredCount = -1;
    private long quietSince;

    /** True once nothing was stored for 2 s (polled). */
    boolean storeQuiet() {
        int n = deliveries.values().stream().mapToInt(AtomicInteger::get).sum();
        long now = System.nanoTime();
        if (n != lastStoredCount) {
            lastStoredCount = n;
            quietSince = now;
            return false;
        }
        return now - quietSince > 2_000_000_000L;
    }

    /** The passages one smoother makes of every read the members' cluster layers made durable, in reader time order. */
    Map<String, Passage> oneSmoother(ReadPointDirectory readPoints) {
        ReadPointDirectory directory = new ReadPointDirectory();
        readPoints.all().forEach(directory::put);
        PassageSmoother smoother = new PassageSmoother(POLICY, directory, epc -> null);
        Map<String, Passage> passages = new HashMap<>();
        PresenceListener listener = new PresenceListener() {
            @Override
            public void arrived(RawEpc epc, String locationId, String readerId, Instant firstSeen) {
            }

            @Override
            public void completed(Passage passage) {
                passages.put(passage.id(), passage);
            }
        };
        List<TagRead> reads = ingested.stream().flatMap(b -> b.reads().stream())
                .sorted(Comparator.comparingLong(TagRead::firstSeenMicros)).collect(Collectors.toList());
        for (TagRead read : reads) {
            smoother.accept(read, read.receivedAtMicros() != 0 ? read.receivedAtMicros() : read.firstSeenMicros(), listener);
        }
        smoother.flush(listener);
        return passages;
    }

    static boolean sameContent(Passage a, Passage b) {
        return a.firstSeen().equals(b.firstSeen()) && a.lastSeen().equals(b.lastSeen()) && a.reads() == b.reads();
    }

    static String describe(Passage p) {
        return p.readerId() + " " + p.epc().toHex() + " " + p.firstSeen() + ".." + p.lastSeen() + " (" + p.reads() + " reads)";
    }

    /** Whether the condition holds within the time (polled by Awaitility); callers assert the answer. */
    static boolean waitUntil(long millis, BooleanSupplier condition) {
        return ReaderTakeoverIntegrationTests.waitUntil(millis, condition);
    }
}
