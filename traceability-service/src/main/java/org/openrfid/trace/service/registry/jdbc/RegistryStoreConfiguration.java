package org.openrfid.trace.service.registry.jdbc;

import org.openrfid.trace.service.passage.jdbc.JdbcPassageQueries;
import org.openrfid.trace.service.platform.sql.SqlDialect;
import org.openrfid.trace.service.registry.binding.jdbc.JdbcTagBindings;
import org.openrfid.trace.service.registry.binding.jdbc.JdbcTags;
import org.openrfid.trace.service.registry.vehicle.jdbc.JdbcVehicles;

import javax.sql.DataSource;
import org.openrfid.trace.service.passage.PassageQueries;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.binding.Tags;
import org.openrfid.trace.service.registry.vehicle.Vehicles;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the registry and query adapters for whichever database the data source points at. */
@Configuration(proxyBeanMethods = false)
@org.springframework.context.annotation.Import(ObjectRegistryStoreConfiguration.class)
public class RegistryStoreConfiguration {

    @Bean
    RegistryStores registryStores(DataSource dataSource, PlatformTransactionManager txManager,
                                  java.util.Optional<FlywayMigrationInitializer> migrated) {
        return RegistryStores.create(dataSource, new TransactionTemplate(txManager));
    }

    @Bean
    Vehicles vehicles(RegistryStores stores) {
        return stores.vehicles();
    }

    @Bean
    Tags tags(RegistryStores stores) {
        return stores.tags();
    }

    @Bean
    TagBindings tagBindings(RegistryStores stores) {
        return stores.bindings();
    }

    @Bean
    PassageQueries passageQueries(RegistryStores stores) {
        return stores.passageQueries();
    }

    /** The registry adapters of one database. Public so tests build the same set against any data source. */
    public record RegistryStores(Vehicles vehicles, Tags tags, TagBindings bindings, PassageQueries passageQueries) {

        public static RegistryStores create(DataSource dataSource, TransactionTemplate tx) {
            SqlDialect dialect = SqlDialect.of(dataSource);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            return new RegistryStores(
                    new JdbcVehicles(jdbc, tx, dialect),
                    new JdbcTags(jdbc, tx, dialect),
                    new JdbcTagBindings(jdbc, tx),
                    new JdbcPassageQueries(jdbc));
        }
    }
}
