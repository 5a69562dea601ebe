package org.openrfid.trace.service.road.jdbc;

import java.util.Optional;
import javax.sql.DataSource;
import org.openrfid.trace.service.road.RoadLinks;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the road link store for whichever database the data source points at (the SQL is the same on both). */
@Configuration(proxyBeanMethods = false)
public class RoadLinkStoreConfiguration {

    @Bean
    RoadLinks roadLinks(DataSource dataSource, PlatformTransactionManager txManager, Optional<FlywayMigrationInitializer> migrated) {
        return createRoadLinks(dataSource, new TransactionTemplate(txManager));
    }

    /** The adapter as the application builds it; public so tests build the same against any data source. */
    public static RoadLinks createRoadLinks(DataSource dataSource, TransactionTemplate tx) {
        return new JdbcRoadLinks(new JdbcTemplate(dataSource), tx);
    }
}
