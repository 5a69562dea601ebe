package org.openrfid.trace.service.platform.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import org.openrfid.trace.service.passage.LivePassages;
import org.openrfid.trace.pipeline.cluster.ClusterSmoothing;
import org.openrfid.trace.service.readerfleet.ReaderConnections;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded Hazelcast member (Spring Boot starts it from this {@link Config}, built and hardened by
 * {@link MemberConfig}). Members join over TCP/IP with a configured list; a single node is a cluster of one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterProperties.class)
class ClusterConfiguration {

    @Bean
    Config hazelcastConfig(ClusterProperties properties) {
        return MemberConfig.build(properties);
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
