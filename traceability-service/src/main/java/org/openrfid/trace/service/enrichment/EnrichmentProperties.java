package org.openrfid.trace.service.enrichment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rfid.enrichment.*}: the caches that enrich passages before they are stored.
 *
 * @param bindingCacheSize tags whose binding history is kept in memory (least recently used out)
 * @param bindingCacheTtl  a cached history is reloaded this long after loading at the latest, even
 *                         when no change was heard of (changes made behind the registry's back)
 * @param locationRefresh  every location is reloaded this often, besides on every change
 */
@ConfigurationProperties("rfid.enrichment")
public record EnrichmentProperties(
        @DefaultValue("100000") long bindingCacheSize,
        @DefaultValue("10m") Duration bindingCacheTtl,
        @DefaultValue("60s") Duration locationRefresh) {

    public EnrichmentProperties {
        if (bindingCacheSize < 1) {
            throw new IllegalArgumentException("rfid.enrichment.binding-cache-size must be at least 1");
        }
        if (bindingCacheTtl.isNegative() || bindingCacheTtl.isZero() || locationRefresh.isNegative() || locationRefresh.isZero()) {
            throw new IllegalArgumentException("rfid.enrichment durations must be positive");
        }
    }
}
