package org.openrfid.trace.service.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ClusterForwardingUnitTests {

    @Test
    void autoForwardsThroughTheClusterOnlyWhenMembersAreConfigured() {
        assertThat(ClusterForwarding.enabled(new MockEnvironment())).isFalse();
        assertThat(ClusterForwarding.enabled(new MockEnvironment().withProperty("rfid.cluster.members", ""))).isFalse();
        assertThat(ClusterForwarding.enabled(new MockEnvironment().withProperty("rfid.cluster.members", "10.0.0.11:5701,10.0.0.12:5701")))
                .isTrue();
        assertThat(ClusterForwarding.enabled(new MockEnvironment().withProperty("rfid.cluster.members[0]", "10.0.0.11:5701"))).isTrue();
    }

    @Test
    void anExplicitModeWinsAndATypoStopsTheStart() {
        assertThat(ClusterForwarding.enabled(new MockEnvironment().withProperty("rfid.pipeline.forwarding", "cluster"))).isTrue();
        assertThat(ClusterForwarding.enabled(new MockEnvironment().withProperty("rfid.pipeline.forwarding", "local")
                .withProperty("rfid.cluster.members", "10.0.0.11:5701"))).isFalse();
        assertThatThrownBy(() -> ClusterForwarding.enabled(new MockEnvironment().withProperty("rfid.pipeline.forwarding", "clsuter")))
                .hasMessageContaining("rfid.pipeline.forwarding: 'clsuter'");
    }
}
