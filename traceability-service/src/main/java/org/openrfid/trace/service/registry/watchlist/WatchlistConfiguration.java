package org.openrfid.trace.service.registry.watchlist;

import java.time.Clock;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
public class WatchlistConfiguration {

    @Bean
    WatchlistCsv watchlistCsv(Watchlist watchlist, TagBindings bindings, PlatformTransactionManager tx, Clock clock) {
        return new WatchlistCsv(watchlist, bindings, new TransactionTemplate(tx), clock);
    }
}
