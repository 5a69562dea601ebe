package org.openrfid.trace.service.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

class MemberConfigUnitTests {

    static final List<String> MEMBERS = List.of("10.0.0.11:5701", "10.0.0.12:5701");

    @Test
    void aClusterUnderTheSharedDefaultNameRefusesToStart() {
        assertThatThrownBy(() -> MemberConfig.build(new ClusterProperties(ClusterProperties.DEFAULT_NAME, MEMBERS, 5701, "10.0.0.*")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("rfid.cluster.name");
        assertThatThrownBy(() -> MemberConfig.build(new ClusterProperties("dev", MEMBERS, 5701, "10.0.0.*")))
                .hasMessageContaining("rfid.cluster.name");
    }

    @Test
    void aClusterWithoutAnInterfaceRefusesToStart() {
        assertThatThrownBy(() -> MemberConfig.build(new ClusterProperties("city-east", MEMBERS, 5701, "")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("rfid.cluster.interface");
    }

    @Test
    void aClusterOfOneNeedsNeitherAndBindsToLoopback() {
        Config config = MemberConfig.build(new ClusterProperties(ClusterProperties.DEFAULT_NAME, List.of(), 5701, ""));
        assertThat(config.getAdvancedNetworkConfig().isEnabled()).isTrue();
        assertThat(config.getAdvancedNetworkConfig().getEndpointConfigs()).as("member protocol only, no client endpoint").hasSize(1);
        assertThat(config.getAdvancedNetworkConfig().getJoin().getTcpIpConfig().getMembers()).isEmpty();
    }

    @Test
    void theInterfaceIsBoundFromRfidClusterInterface() {
        MockEnvironment env = new MockEnvironment().withProperty("rfid.cluster.name", "city-east")
                .withProperty("rfid.cluster.members", "10.0.0.11:5701,10.0.0.12:5701").withProperty("rfid.cluster.interface", "10.0.0.*");
        ClusterProperties bound = Binder.get(env).bind("rfid.cluster", ClusterProperties.class).get();
        assertThat(bound.bindInterface()).isEqualTo("10.0.0.*");
        Config config = MemberConfig.build(bound);
        assertThat(config.getAdvancedNetworkConfig().getJoin().getTcpIpConfig().getMembers()).containsExactlyElementsOf(MEMBERS);
    }

    @Test
    void theLastSeenBoardIsBoundedInTimeAndSize() {
        Config config = MemberConfig.build(new ClusterProperties("city-east", List.of(), 5701, ""));
        var board = config.getMapConfig(LastSeenBoard.MAP);
        assertThat(board.getTimeToLiveSeconds()).isEqualTo(30 * 24 * 3600);
        assertThat(board.getEvictionConfig().getSize()).isEqualTo(2_000_000);
        assertThat(board.getEvictionConfig().getEvictionPolicy()).isEqualTo(com.hazelcast.config.EvictionPolicy.LRU);
        MockEnvironment env = new MockEnvironment().withProperty("rfid.cluster.last-seen-ttl", "7d")
                .withProperty("rfid.cluster.last-seen-max-per-member", "1000");
        ClusterProperties bound = Binder.get(env).bind("rfid.cluster", ClusterProperties.class).get();
        assertThat(MemberConfig.build(bound).getMapConfig(LastSeenBoard.MAP).getTimeToLiveSeconds()).isEqualTo(7 * 24 * 3600);
        assertThat(bound.lastSeenMaxPerMember()).isEqualTo(1000);
    }
}
