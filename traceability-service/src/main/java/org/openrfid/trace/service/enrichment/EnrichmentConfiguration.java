package org.openrfid.trace.service.enrichment;


import com.hazelcast.core.HazelcastInstance;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Passage enrichment: the binding and location caches, the enricher the store route uses, the
 * relay that keeps every member's caches in step with registry changes, and the feed for rule
 * consumers.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EnrichmentProperties.class)
class EnrichmentConfiguration {

    @Bean
    BindingCache bindingCache(TagBindings bindings, EnrichmentProperties properties, MeterRegistry registry) {
        BindingCache cache = new BindingCache(bindings, properties.bindingCacheSize(), properties.bindingCacheTtl());
        CaffeineCacheMetrics.monitor(registry, cache.cache(), "tag-bindings");
        return cache;
    }

    /**
     * The periodic reload, on a thread of its own. Not exposed as a {@code ScheduledExecutorService}
     * bean: Spring would take such a bean for every {@code @Scheduled} method.
     */
    @Bean(destroyMethod = "close")
    LocationRefresher locationRefresher(LocationCache cache, EnrichmentProperties properties) {
        return new LocationRefresher(cache, properties.locationRefresh().toMillis());
    }

    static final class LocationRefresher implements AutoCloseable {
        private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "location-cache-refresh");
            t.setDaemon(true);
            return t;
        });

        LocationRefresher(LocationCache cache, long everyMillis) {
            executor.scheduleWithFixedDelay(cache::refresh, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }

    @Bean
    LocationCache locationCache(Locations locations, MeterRegistry registry) {
        LocationCache cache = new LocationCache(locations);
        cache.refresh();
        Gauge.builder("rfid.enrichment.locations", cache, LocationCache::size).description("locations known to enrichment").register(registry);
        return cache;
    }

    @Bean
    PassageEnricher passageEnricher(BindingCache bindings, LocationCache locations) {
        return new RegistryEnricher(bindings, locations);
    }

    @Bean(destroyMethod = "close")
    RegistryChangeRelay registryChangeRelay(HazelcastInstance hazelcast, BindingCache bindings, LocationCache locations) {
        return new RegistryChangeRelay(hazelcast, bindings, locations);
    }

    /**
     * Every change through the bindings and locations ports becomes a {@link RegistryChanged} event,
     * whoever makes it (REST, CSV imports, binders). Static: post-processors are made before other beans.
     */
    @Bean
    static BeanPostProcessor registryChangeNotifications(ApplicationEventPublisher events) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof TagBindings bindings && !(bean instanceof NotifyingTagBindings)) {
                    return new NotifyingTagBindings(bindings, events::publishEvent);
                }
                if (bean instanceof Locations locations && !(bean instanceof org.springframework.aop.framework.Advised)) {
                    return NotifyingLocations.wrap(locations, events::publishEvent);
                }
                return bean;
            }
        };
    }
}
