package org.openrfid.trace.service.road;

import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openrfid.trace.service.location.Locations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The road network the clone and section-speed rules measure with, its CSV import and its reloads. */
@Configuration(proxyBeanMethods = false)
class RoadConfiguration {

    @Bean
    RoadNetwork roadNetwork(RoadLinks links) {
        RoadNetwork network = new RoadNetwork(links::all);
        network.reload();
        return network;
    }

    @Bean
    RoadLinkCsv roadLinkCsv(RoadLinks links, Locations locations, PlatformTransactionManager tx) {
        return new RoadLinkCsv(links, locations, new TransactionTemplate(tx));
    }

    @Bean(destroyMethod = "close")
    RoadLinkChanges roadLinkChanges(RoadNetwork network, HazelcastInstance hazelcast) {
        return new RoadLinkChanges(network, hazelcast);
    }

    /** The safety net for a lost change message or a change made in the database directly. */
    @Bean(destroyMethod = "close")
    RoadNetworkRefresher roadNetworkRefresher(RoadNetwork network, @Value("${rfid.road.refresh:PT5M}") Duration every) {
        return new RoadNetworkRefresher(network, every.toMillis());
    }

    static final class RoadNetworkRefresher implements AutoCloseable {
        private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "road-network-refresh");
            t.setDaemon(true);
            return t;
        });

        RoadNetworkRefresher(RoadNetwork network, long everyMillis) {
            executor.scheduleWithFixedDelay(network::reload, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }
}
