package org.openrfid.trace.service.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.management.BadAttributeValueExpException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.reader.llrp.ConnectionMode;
import org.openrfid.trace.service.readerfleet.ReaderDefinition;

/**
 * Real members built by {@link MemberConfig}: two join over the configured interface, a Hazelcast
 * client cannot connect to them (while it can to a member with Hazelcast's defaults, which shows the
 * client here would connect if it could), and Java deserialization refuses a class off the allow-list.
 */
class MemberConfigIntegrationTests {

    static final int PORT = 5951;
    final List<HazelcastInstance> started = new ArrayList<>();
    final String name = "member-config-it-" + UUID.randomUUID();

    @AfterEach
    void stop() {
        started.forEach(HazelcastInstance::shutdown);
    }

    HazelcastInstance member(Config config) {
        HazelcastInstance hz = Hazelcast.newHazelcastInstance(config);
        started.add(hz);
        return hz;
    }

    Config hardened() {
        return MemberConfig.build(new ClusterProperties(name, List.of("127.0.0.1:" + PORT, "127.0.0.1:" + (PORT + 1)), PORT, "127.0.0.1"));
    }

    @Test
    void membersJoinOverTheConfiguredInterfaceButAClientCannotConnect() {
        HazelcastInstance first = member(hardened());
        HazelcastInstance second = member(hardened());
        assertThat(first.getCluster().getMembers()).hasSize(2);
        assertThat(second.getCluster().getMembers()).hasSize(2);
        int port = first.getCluster().getLocalMember().getAddress().getPort();
        assertThatThrownBy(() -> started.add(HazelcastClient.newHazelcastClient(client(name, port))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSameClientConnectsToAMemberWithHazelcastsDefaults() {
        Config open = new Config().setClusterName(name);
        open.setProperty("hazelcast.phone.home.enabled", "false");
        open.getNetworkConfig().setPort(PORT + 5).getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        open.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        open.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        HazelcastInstance member = member(open);
        HazelcastInstance client = HazelcastClient.newHazelcastClient(client(name, member.getCluster().getLocalMember().getAddress().getPort()));
        started.add(client);
        assertThat(client.getCluster().getMembers()).hasSize(1);
    }

    @Test
    void javaDeserializationTakesOurValuesAndRefusesOthers() {
        HazelcastInstance hz = member(MemberConfig.build(new ClusterProperties(name, List.of(), PORT + 10, "")));
        IMap<String, Object> map = hz.getMap("member-config-it");
        ReaderDefinition reader = new ReaderDefinition("gate-1", "10.0.0.5", 5084, ConnectionMode.CLIENT, false,
                List.of(new ReaderDefinition.Antenna(1, "CP-1", "IN", 1, "ENTRY")));
        map.put("ours", reader);
        assertThat(map.get("ours")).isEqualTo(reader);
        // a JDK class known from deserialization gadget chains: stored as bytes, refused when read back
        map.put("gadget", new BadAttributeValueExpException("x"));
        assertThatThrownBy(() -> map.get("gadget")).isInstanceOf(HazelcastSerializationException.class);
    }

    @Test
    void aTagsLastSeenEntryExpiresAfterItsTtl() {
        HazelcastInstance hz = member(MemberConfig.build(new ClusterProperties(name, List.of(), PORT + 20, "", java.time.Duration.ofSeconds(2), 1000)));
        IMap<String, Object> board = hz.getMap(LastSeenBoard.MAP);
        board.put("3034257BF7194E4000000001/96", new LastSeenBoard.LastSeen("CP-1", java.time.Instant.EPOCH, java.time.Instant.EPOCH));
        assertThat(board.containsKey("3034257BF7194E4000000001/96")).isTrue();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> !board.containsKey("3034257BF7194E4000000001/96"));
    }

    static ClientConfig client(String cluster, int port) {
        ClientConfig config = new ClientConfig().setClusterName(cluster);
        config.getNetworkConfig().addAddress("127.0.0.1:" + port);
        config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(3_000);
        return config;
    }
}
