package org.openrfid.trace.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openrfid.trace.pipeline.cluster.ClusterSmoothing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The same pipeline run with {@code rfid.pipeline.forwarding=local}: reads go straight to this node's
 * smoother, without the cluster layer's read logs, and every assertion of the cluster path still holds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rfid.demo.enabled=false",
        "RFID_ADMIN_PASSWORD=" + EnrichedPipelineIntegrationTests.PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:local-forwarding-pipeline;DB_CLOSE_DELAY=-1",
        "rfid.pipeline.silence-by-kind.dock_door=8s",
        "rfid.pipeline.forwarding=local",
})
class LocalForwardingPipelineIntegrationTests extends EnrichedPipelineIntegrationTests {

    @Autowired
    ObjectProvider<ClusterSmoothing> cluster;

    @Test
    void noClusterLayerRuns() {
        assertThat(cluster.getIfAvailable()).isNull();
        assertThat(meters.find("rfid.cluster.reads.forwarded").meter()).isNull();
        assertThat(meters.find("rfid.cluster.members").meter()).isNotNull();
    }
}
