package org.openrfid.trace.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import org.openrfid.trace.passages.LivePassages;
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
        properties.members().stream().filter(m -> !m.isBlank()).forEach(m -> join.getTcpIpConfig().addMember(m.trim()));
        config.addMapConfig(new MapConfig(LastSeenBoard.MAP).setBackupCount(1));
        return config;
    }

    @Bean
    LastSeenBoard lastSeenBoard(HazelcastInstance hazelcast, LivePassages live) {
        LastSeenBoard board = new LastSeenBoard(hazelcast);
        live.subscribe(board::record);
        return board;
    }
}
