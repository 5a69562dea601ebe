package org.openrfid.trace.service.user.jdbc;

import java.util.Optional;
import javax.sql.DataSource;
import org.openrfid.trace.service.platform.sql.SqlDialect;
import org.openrfid.trace.service.user.ApiTokens;
import org.openrfid.trace.service.user.Users;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the user and token stores for whichever database the data source points at. */
@Configuration(proxyBeanMethods = false)
public class UserStoreConfiguration {

    @Bean
    Users users(DataSource dataSource, PlatformTransactionManager txManager, Optional<FlywayMigrationInitializer> migrated) {
        return createUsers(dataSource, new TransactionTemplate(txManager));
    }

    @Bean
    ApiTokens apiTokens(DataSource dataSource, Optional<FlywayMigrationInitializer> migrated) {
        return createApiTokens(dataSource);
    }

    /** The adapters as the application builds them; public so tests build the same against any data source. */
    public static Users createUsers(DataSource dataSource, TransactionTemplate tx) {
        return new JdbcUsers(new JdbcTemplate(dataSource), tx, SqlDialect.of(dataSource));
    }

    public static ApiTokens createApiTokens(DataSource dataSource) {
        return new JdbcApiTokens(new JdbcTemplate(dataSource));
    }
}
