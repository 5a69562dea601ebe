package org.openrfid.trace.service.library.jdbc;

import java.util.Optional;
import javax.sql.DataSource;
import org.openrfid.trace.service.library.Inventories;
import org.openrfid.trace.service.library.Loans;
import org.openrfid.trace.service.platform.sql.SqlDialect;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the loans history and the inventory sessions for whichever database the data source points at. */
@Configuration(proxyBeanMethods = false)
public class CirculationStoreConfiguration {

    @Bean
    Loans libraryLoans(DataSource dataSource, Optional<FlywayMigrationInitializer> migrated) {
        return createLoans(dataSource);
    }

    @Bean
    Inventories libraryInventories(DataSource dataSource, PlatformTransactionManager txManager, Optional<FlywayMigrationInitializer> migrated) {
        return createInventories(dataSource, new TransactionTemplate(txManager));
    }

    /** The adapters as the application builds them; public so tests build the same against any data source. */
    public static Loans createLoans(DataSource dataSource) {
        return new JdbcLoans(new JdbcTemplate(dataSource));
    }

    public static Inventories createInventories(DataSource dataSource, TransactionTemplate tx) {
        return new JdbcInventories(new JdbcTemplate(dataSource), tx, SqlDialect.of(dataSource));
    }
}
