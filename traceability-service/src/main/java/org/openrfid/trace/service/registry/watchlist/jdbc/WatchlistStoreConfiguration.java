package org.openrfid.trace.service.registry.watchlist.jdbc;

import org.openrfid.trace.service.registry.watchlist.Watchlist;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the watchlist store for whichever database the data source points at. */
@Configuration(proxyBeanMethods = false)
public class WatchlistStoreConfiguration {

    @Bean
    Watchlist watchlist(DataSource dataSource, PlatformTransactionManager txManager, Optional<FlywayMigrationInitializer> migrated) {
        return createWatchlist(dataSource, new TransactionTemplate(txManager));
    }

    /** The adapter as the application builds it; public so tests build the same against any data source. */
    public static Watchlist createWatchlist(DataSource dataSource, TransactionTemplate tx) {
        return new JdbcWatchlist(new JdbcTemplate(dataSource), tx);
    }
}
