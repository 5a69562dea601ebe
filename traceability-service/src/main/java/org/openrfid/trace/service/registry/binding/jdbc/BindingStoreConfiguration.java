package org.openrfid.trace.service.registry.binding.jdbc;

import org.openrfid.trace.service.registry.binding.NewTags;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.binding.Tags;
import java.util.Optional;
import javax.sql.DataSource;
import org.openrfid.trace.service.platform.sql.SqlDialect;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the tag and binding stores for whichever database the data source points at. */
@Configuration(proxyBeanMethods = false)
public class BindingStoreConfiguration {

    @Bean
    Tags tags(DataSource dataSource, PlatformTransactionManager txManager, Optional<FlywayMigrationInitializer> migrated) {
        return createTags(dataSource, new TransactionTemplate(txManager));
    }

    @Bean
    TagBindings tagBindings(DataSource dataSource, PlatformTransactionManager txManager, Optional<FlywayMigrationInitializer> migrated) {
        return createTagBindings(dataSource, new TransactionTemplate(txManager));
    }

    @Bean
    NewTags newTags(DataSource dataSource, PlatformTransactionManager txManager, Optional<FlywayMigrationInitializer> migrated) {
        return createNewTags(dataSource, new TransactionTemplate(txManager));
    }

    /** The adapter as the application builds it; public so tests build the same against any data source. */
    public static Tags createTags(DataSource dataSource, TransactionTemplate tx) {
        return new JdbcTags(new JdbcTemplate(dataSource), tx, SqlDialect.of(dataSource));
    }

    /** The adapter as the application builds it; public so tests build the same against any data source. */
    public static TagBindings createTagBindings(DataSource dataSource, TransactionTemplate tx) {
        return new JdbcTagBindings(new JdbcTemplate(dataSource), tx);
    }

    /** The adapter as the application builds it; public so tests build the same against any data source. */
    public static NewTags createNewTags(DataSource dataSource, TransactionTemplate tx) {
        return new JdbcNewTags(new JdbcTemplate(dataSource), tx, SqlDialect.of(dataSource));
    }
}
