package org.openrfid.trace.service.alert.rules.customs;

import com.hazelcast.core.HazelcastInstance;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openrfid.trace.service.registry.watchlist.Watchlist;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The customs holds in memory: refreshed every second on a thread of their own, told of watchlist
 * changes made through the port on any member (application event after commit, relayed over a
 * Hazelcast topic), fully reloaded every ten minutes as a safety net.
 */
@Configuration(proxyBeanMethods = false)
class CustomsHoldConfiguration {

    @Bean(destroyMethod = "close")
    CustomsHoldRefresher customsHolds(Watchlist watchlist, Clock clock) {
        return new CustomsHoldRefresher(new CustomsHolds(watchlist, clock, Duration.ofMinutes(10)));
    }

    @Bean
    CustomsHolds customsHoldSet(CustomsHoldRefresher refresher) {
        return refresher.holds;
    }

    @Bean(destroyMethod = "close")
    CustomsHoldRelay customsHoldRelay(CustomsHolds holds, HazelcastInstance hazelcast) {
        return new CustomsHoldRelay(holds, hazelcast);
    }

    /** Every save and end through the watchlist port is told of. Static: post-processors are made before other beans. */
    @Bean
    static BeanPostProcessor customsHoldWatchlistNotifications(ApplicationEventPublisher events) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof Watchlist w && !(bean instanceof NotifyingWatchlist.Notifying)) {
                    return NotifyingWatchlist.wrap(w, events::publishEvent);
                }
                return bean;
            }
        };
    }

    static final class CustomsHoldRefresher implements AutoCloseable {
        final CustomsHolds holds;
        private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "customs-hold-refresh");
            t.setDaemon(true);
            return t;
        });

        CustomsHoldRefresher(CustomsHolds holds) {
            this.holds = holds;
            executor.scheduleWithFixedDelay(holds::refresh, 0, 1, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }
}
