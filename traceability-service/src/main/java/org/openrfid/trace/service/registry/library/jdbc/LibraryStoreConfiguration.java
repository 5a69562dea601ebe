package org.openrfid.trace.service.registry.library.jdbc;

import org.openrfid.trace.service.registry.library.LibraryItems;
import java.util.Optional;
import javax.sql.DataSource;
import org.openrfid.trace.service.platform.sql.SqlDialect;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the library item store for whichever database the data source points at. */
@Configuration(proxyBeanMethods = false)
public class LibraryStoreConfiguration {

    @Bean
    LibraryItems libraryItems(DataSource dataSource, PlatformTransactionManager txManager, Optional<FlywayMigrationInitializer> migrated) {
        return createLibraryItems(dataSource, new TransactionTemplate(txManager));
    }

    /** The adapter as the application builds it; public so tests build the same against any data source. */
    public static LibraryItems createLibraryItems(DataSource dataSource, TransactionTemplate tx) {
        return new JdbcLibraryItems(new JdbcTemplate(dataSource), tx, SqlDialect.of(dataSource));
    }
}
