package org.openrfid.trace.service.passage.jdbc;

import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.openrfid.trace.service.passage.PassageQueries;
import org.openrfid.trace.service.passage.PassageStore;
import org.openrfid.trace.service.platform.sql.SqlDialect;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the passage store and queries for whichever database the data source points at: the embedded
 * H2GIS file by default, PostGIS in production ({@code SPRING_DATASOURCE_URL=jdbc:postgresql://...}).
 */
@Configuration(proxyBeanMethods = false)
public class PassageStoreConfiguration {

    /** Batches this large and larger are written with {@code COPY} on PostGIS unless configured otherwise. */
    public static final int DEFAULT_COPY_MIN_BATCH = 256;

    /**
     * @param copyMinBatch {@code rfid.store.copy-min-batch}: on PostGIS, passage batches of at least this
     *                     many go through {@code COPY}, smaller ones through batched inserts (default 256)
     */
    @Bean
    PassageStore passageStore(DataSource dataSource, PlatformTransactionManager txManager, PartitionMaintenance partitionsReady,
                              @Value("${rfid.store.copy-min-batch:" + DEFAULT_COPY_MIN_BATCH + "}") int copyMinBatch) {
        if (copyMinBatch < 1) {
            throw new IllegalArgumentException("rfid.store.copy-min-batch must be at least 1: " + copyMinBatch);
        }
        return createPassageStore(dataSource, new TransactionTemplate(txManager), copyMinBatch);
    }

    @Bean
    PassageQueries passageQueries(DataSource dataSource, Optional<FlywayMigrationInitializer> migrated) {
        return createPassageQueries(dataSource);
    }

    @Bean
    PartitionMaintenance partitionMaintenance(DataSource dataSource, Clock clock, Optional<FlywayMigrationInitializer> migrated) {
        return new PartitionMaintenance(createPartitions(dataSource, clock));
    }

    /** The adapter as the application builds it; public so tests build the same against any data source. */
    public static PassageStore createPassageStore(DataSource dataSource, TransactionTemplate tx, int copyMinBatch) {
        return new JdbcPassageStore(new JdbcTemplate(dataSource), tx, SqlDialect.of(dataSource), copyMinBatch);
    }

    public static PassageQueries createPassageQueries(DataSource dataSource) {
        return new JdbcPassageQueries(new JdbcTemplate(dataSource));
    }

    /** The day partitions of the passage table, or null where passages are not partitioned (H2GIS). */
    public static PassagePartitions createPartitions(DataSource dataSource, Clock clock) {
        return SqlDialect.of(dataSource).partitionsPassagesByDay() ? new PassagePartitions(new JdbcTemplate(dataSource), clock) : null;
    }

    /** Keeps a week of day partitions ahead on PostGIS; nothing to do on H2GIS. */
    static final class PartitionMaintenance {
        private final PassagePartitions partitions;

        PartitionMaintenance(PassagePartitions partitions) {
            this.partitions = partitions;
            ensure();
        }

        @Scheduled(cron = "0 7 0 * * *", zone = "UTC")
        void daily() {
            ensure();
        }

        private void ensure() {
            if (partitions != null) {
                partitions.ensure(2, 7);
            }
        }
    }
}
