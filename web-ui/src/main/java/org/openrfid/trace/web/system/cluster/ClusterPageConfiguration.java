package org.openrfid.trace.web.system.cluster;

import com.hazelcast.core.HazelcastInstance;
import org.openrfid.trace.passage.ReadPointDirectory;
import org.openrfid.trace.service.readerfleet.ReaderConnections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The members table of the system page, the one web class that asks Hazelcast. */
@Configuration(proxyBeanMethods = false)
class ClusterPageConfiguration {

    @Bean
    ClusterMembers clusterMembers(HazelcastInstance hazelcast, ReadPointDirectory readPoints, ReaderConnections readers) {
        return new ClusterMembers(hazelcast, readPoints, readers);
    }
}
