package org.openrfid.trace.service.customs.jdbc;

import java.util.Optional;
import javax.sql.DataSource;
import org.openrfid.trace.service.customs.Declarations;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the declaration store for whichever database the data source points at. */
@Configuration(proxyBeanMethods = false)
public class CustomsStoreConfiguration {

    @Bean
    Declarations declarations(DataSource dataSource, PlatformTransactionManager txManager, Optional<FlywayMigrationInitializer> migrated) {
        return createDeclarations(dataSource, new TransactionTemplate(txManager));
    }

    /** The adapter as the application builds it; public so tests build the same against any data source. */
    public static Declarations createDeclarations(DataSource dataSource, TransactionTemplate tx) {
        return new JdbcDeclarations(new JdbcTemplate(dataSource), tx);
    }
}
