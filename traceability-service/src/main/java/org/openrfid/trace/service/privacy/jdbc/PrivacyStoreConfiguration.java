package org.openrfid.trace.service.privacy.jdbc;

import java.util.Optional;
import javax.sql.DataSource;
import org.openrfid.trace.service.privacy.Restrictions;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the restricted-object store for whichever database the data source points at. */
@Configuration(proxyBeanMethods = false)
public class PrivacyStoreConfiguration {

    @Bean
    Restrictions restrictions(DataSource dataSource, PlatformTransactionManager txManager, Optional<FlywayMigrationInitializer> migrated) {
        return createRestrictions(dataSource, new TransactionTemplate(txManager));
    }

    /** The adapter as the application builds it; public so tests build the same against any data source. */
    public static Restrictions createRestrictions(DataSource dataSource, TransactionTemplate tx) {
        return new JdbcRestrictions(new JdbcTemplate(dataSource), tx);
    }
}
