package org.openrfid.trace.service.passage.jdbc;

import org.openrfid.trace.service.location.jdbc.JdbcLocations;
import org.openrfid.trace.service.passage.PassageStore;
import org.openrfid.trace.service.platform.sql.SqlDialect;

import java.time.Clock;
import javax.sql.DataSource;
import org.openrfid.trace.service.location.Locations;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the store adapters for whichever database the data source points at: the embedded H2GIS
 * file by default, PostGIS in production ({@code SPRING_DATASOURCE_URL=jdbc:postgresql://...}).
 */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    /**
     * @param copyMinBatch {@code rfid.store.copy-min-batch}: on PostGIS, passage batches of at least this
     *                     many go through {@code COPY}, smaller ones through batched inserts (default 256)
     */
    @Bean
    Stores stores(DataSource dataSource, PlatformTransactionManager txManager, Clock clock,
                  java.util.Optional<FlywayMigrationInitializer> migrated,
                  @org.springframework.beans.factory.annotation.Value("${rfid.store.copy-min-batch:" + Stores.DEFAULT_COPY_MIN_BATCH + "}")
                  int copyMinBatch) {
        if (copyMinBatch < 1) {
            throw new IllegalArgumentException("rfid.store.copy-min-batch must be at least 1: " + copyMinBatch);
        }
        return Stores.create(dataSource, new TransactionTemplate(txManager), clock, copyMinBatch);
    }

    @Bean
    PassageStore passageStore(Stores stores) {
        return stores.passages();
    }

    @Bean
    Locations locations(Stores stores) {
        return stores.locations();
    }

    @Bean
    PartitionMaintenance partitionMaintenance(Stores stores) {
        return new PartitionMaintenance(stores);
    }

    /** Keeps a week of day partitions ahead on PostGIS; nothing to do on H2GIS. */
    static final class PartitionMaintenance {
        private final Stores stores;

        PartitionMaintenance(Stores stores) {
            this.stores = stores;
            stores.ensurePartitions();
        }

        @Scheduled(cron = "0 7 0 * * *", zone = "UTC")
        void daily() {
            stores.ensurePartitions();
        }
    }

    /** The adapters of one database. Public so tests build the same set against any data source. */
    public record Stores(PassageStore passages, Locations locations, PassagePartitions partitions) {

        /** Batches this large and larger are written with {@code COPY} on PostGIS unless configured otherwise. */
        public static final int DEFAULT_COPY_MIN_BATCH = 256;

        public static Stores create(DataSource dataSource, TransactionTemplate tx, Clock clock) {
            return create(dataSource, tx, clock, DEFAULT_COPY_MIN_BATCH);
        }

        public static Stores create(DataSource dataSource, TransactionTemplate tx, Clock clock, int copyMinBatch) {
            SqlDialect dialect = SqlDialect.of(dataSource);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            return new Stores(
                    new JdbcPassageStore(jdbc, tx, dialect, copyMinBatch),
                    new JdbcLocations(jdbc, tx, dialect),
                    dialect.partitionsPassagesByDay() ? new PassagePartitions(jdbc, clock) : null);
        }

        public void ensurePartitions() {
            if (partitions != null) {
                partitions.ensure(2, 7);
            }
        }
    }
}
