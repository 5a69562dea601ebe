package org.openrfid.trace.service.anpr.jdbc;

import java.util.Optional;
import javax.sql.DataSource;
import org.openrfid.trace.service.anpr.PlateReads;
import org.openrfid.trace.service.platform.sql.SqlDialect;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the plate read store for whichever database the data source points at (H2GIS or PostGIS). */
@Configuration(proxyBeanMethods = false)
public class PlateReadStoreConfiguration {

    @Bean
    PlateReads plateReads(DataSource dataSource, PlatformTransactionManager txManager, Optional<FlywayMigrationInitializer> migrated) {
        return createPlateReads(dataSource, new TransactionTemplate(txManager));
    }

    /** The adapter as the application builds it; public so tests build the same against any data source. */
    public static PlateReads createPlateReads(DataSource dataSource, TransactionTemplate tx) {
        return new JdbcPlateReads(new JdbcTemplate(dataSource), tx, SqlDialect.of(dataSource));
    }
}
