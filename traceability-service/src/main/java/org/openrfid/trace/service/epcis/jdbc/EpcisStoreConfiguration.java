package org.openrfid.trace.service.epcis.jdbc;

import java.util.Optional;
import javax.sql.DataSource;
import org.openrfid.trace.service.epcis.EpcisEventStore;
import org.openrfid.trace.service.epcis.EpcisPassages;
import org.openrfid.trace.service.epcis.LocationConfigs;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires the EPCIS stores (captured events, per-location configuration, the passages EPCIS reads) for the data source. */
@Configuration(proxyBeanMethods = false)
public class EpcisStoreConfiguration {

    @Bean
    EpcisEventStore epcisEventStore(DataSource dataSource, PlatformTransactionManager txManager,
            Optional<FlywayMigrationInitializer> migrated) {
        return createEventStore(dataSource, txManager);
    }

    @Bean
    LocationConfigs epcisLocationConfigs(DataSource dataSource, PlatformTransactionManager txManager,
            Optional<FlywayMigrationInitializer> migrated) {
        return createLocationConfigs(dataSource, txManager);
    }

    @Bean
    EpcisPassages epcisPassages(DataSource dataSource, Optional<FlywayMigrationInitializer> migrated) {
        return createPassages(dataSource);
    }

    /** The adapter as the application builds it; public so tests build the same against any data source. */
    public static EpcisEventStore createEventStore(DataSource dataSource, PlatformTransactionManager txManager) {
        return new JdbcEpcisEventStore(dataSource, txManager);
    }

    /** The adapter as the application builds it; public so tests build the same against any data source. */
    public static LocationConfigs createLocationConfigs(DataSource dataSource, PlatformTransactionManager txManager) {
        return new JdbcLocationConfigs(dataSource, txManager);
    }

    /** The adapter as the application builds it; public so tests build the same against any data source. */
    public static EpcisPassages createPassages(DataSource dataSource) {
        return new JdbcEpcisPassages(dataSource);
    }
}
