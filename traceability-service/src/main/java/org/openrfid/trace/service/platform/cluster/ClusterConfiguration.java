package org.openrfid.trace.service.platform.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import java.util.List;
import org.openrfid.trace.service.passage.LivePassages;
import org.openrfid.trace.pipeline.cluster.ClusterSmoothing;
import org.openrfid.trace.service.readerfleet.ReaderConnections;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded Hazelcast member (Spring Boot starts it from this {@link Config}). Members join over
 * TCP/IP with a configured list; a single node is a cluster of one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterProperties.class)
class ClusterConfiguration {

    @Bean
    Config hazelcastConfig(ClusterProperties properties) {
        Config config = new Config();
        config.setClusterName(properties.name());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.shutdownhook.enabled", "false"); // Spring closes the member in order
        config.getNetworkConfig().setPort(properties.port()).setPortAutoIncrement(true);
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true);
        List<String> members = properties.members().stream().filter(m -> !m.isBlank()).map(String::trim).toList();
        members.forEach(join.getTcpIpConfig()::addMember);
        if (members.isEmpty()) {
            // A cluster of one listens on loopback only: no member port open to the network by default.
            config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
            config.setProperty("hazelcast.local.localAddress", "127.0.0.1");
        }
        config.addMapConfig(new MapConfig(LastSeenBoard.MAP).setBackupCount(1));
        ClusterSmoothing.configure(config); // per-location read logs and presence snapshots (DESIGN.md §5)
        ReaderConnections.configure(config); // cluster-wide reader definitions and connection leases
        return config;
    }

    @Bean
    ClusterMetrics clusterMetrics(HazelcastInstance hazelcast, org.springframework.beans.factory.ObjectProvider<ClusterSmoothing> smoothing,
                                  ReaderConnections readers) {
        return new ClusterMetrics(hazelcast, smoothing.getIfAvailable(), readers);
    }

    @Bean
    LastSeenBoard lastSeenBoard(HazelcastInstance hazelcast, LivePassages live) {
        LastSeenBoard board = new LastSeenBoard(hazelcast);
        live.subscribe(board::record);
        return board;
    }
}
