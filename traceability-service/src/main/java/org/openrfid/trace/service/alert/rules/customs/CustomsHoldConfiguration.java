package org.openrfid.trace.service.alert.rules.customs;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openrfid.trace.service.registry.watchlist.Watchlist;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.event.TransactionalEventListener;

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

    /** Applies committed changes here and tells the other members (a message per change: objects|entry ids). */
    static final class CustomsHoldRelay implements AutoCloseable {
        static final String TOPIC = "rfid-customs-hold-changes";
        private static final Logger log = LoggerFactory.getLogger(CustomsHoldRelay.class);
        private final CustomsHolds holds;
        private final ITopic<String> topic;
        private final UUID registration;

        CustomsHoldRelay(CustomsHolds holds, HazelcastInstance hazelcast) {
            this.holds = holds;
            this.topic = hazelcast.getTopic(TOPIC);
            this.registration = topic.addMessageListener(this::received);
        }

        @TransactionalEventListener(fallbackExecution = true)
        public void changed(WatchlistChanged change) {
            holds.changed(change);
            try {
                topic.publish(encode(change));
            } catch (RuntimeException e) {
                log.warn("Could not tell the other members of a customs hold change ({}); their full reload catches up", e.toString());
            }
        }

        private void received(Message<String> message) {
            if (message.getPublishingMember() != null && message.getPublishingMember().localMember()) {
                return;
            }
            try {
                holds.changed(decode(message.getMessageObject()));
            } catch (RuntimeException e) {
                log.warn("Ignoring a customs hold change message: {}", e.toString());
            }
        }

        static String encode(WatchlistChanged c) {
            return String.join("\n", c.objects()) + "|" + String.join(",", c.endedEntries().stream().map(String::valueOf).toList());
        }

        static WatchlistChanged decode(String m) {
            int bar = m.lastIndexOf('|');
            Set<String> objects = new HashSet<>();
            for (String o : m.substring(0, bar).split("\n")) {
                if (!o.isEmpty()) {
                    objects.add(o);
                }
            }
            Set<Long> ids = new HashSet<>();
            Arrays.stream(m.substring(bar + 1).split(",")).filter(s -> !s.isEmpty()).forEach(s -> ids.add(Long.parseLong(s)));
            return new WatchlistChanged(objects, ids);
        }

        @Override
        public void close() {
            try {
                topic.removeMessageListener(registration);
            } catch (RuntimeException e) {
                log.debug("Removing the customs hold listener: {}", e.toString());
            }
        }
    }
}
