package org.openrfid.trace.service.location.jdbc;

import org.openrfid.trace.service.location.Locations;
import java.util.Optional;
import javax.sql.DataSource;
import org.openrfid.trace.service.platform.sql.SqlDialect;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the location store for whichever database the data source points at. */
@Configuration(proxyBeanMethods = false)
public class LocationStoreConfiguration {

    @Bean
    Locations locations(DataSource dataSource, PlatformTransactionManager txManager, Optional<FlywayMigrationInitializer> migrated) {
        return createLocations(dataSource, new TransactionTemplate(txManager));
    }

    /** The adapter as the application builds it; public so tests build the same against any data source. */
    public static Locations createLocations(DataSource dataSource, TransactionTemplate tx) {
        return new JdbcLocations(new JdbcTemplate(dataSource), tx, SqlDialect.of(dataSource));
    }
}
