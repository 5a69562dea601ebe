package org.openrfid.trace.service.gate.jdbc;

import java.util.Optional;
import javax.sql.DataSource;
import org.openrfid.trace.service.gate.GateTransactionStore;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires the gate transaction store for whichever database the data source points at. */
@Configuration(proxyBeanMethods = false)
public class GateStoreConfiguration {

    @Bean
    GateTransactionStore gateTransactionStore(DataSource dataSource, Optional<FlywayMigrationInitializer> migrated) {
        return createStore(dataSource);
    }

    /** The adapter as the application builds it; public so tests build the same against any data source. */
    public static GateTransactionStore createStore(DataSource dataSource) {
        return new JdbcGateTransactionStore(new JdbcTemplate(dataSource));
    }
}
