package org.openrfid.trace.service.logistics.jdbc;

import java.util.Optional;
import javax.sql.DataSource;
import org.openrfid.trace.service.logistics.Shipments;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires the shipment store for whichever database the data source points at. */
@Configuration(proxyBeanMethods = false)
public class LogisticsStoreConfiguration {

    @Bean
    Shipments shipments(DataSource dataSource, Optional<FlywayMigrationInitializer> migrated) {
        return createShipments(dataSource);
    }

    /** The adapter as the application builds it; public so tests build the same against any data source. */
    public static Shipments createShipments(DataSource dataSource) {
        return new JdbcShipments(new JdbcTemplate(dataSource));
    }
}
