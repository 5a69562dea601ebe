package org.openrfid.trace.service.analytics.jdbc;

import org.openrfid.trace.service.platform.sql.SqlDialect;

import javax.sql.DataSource;
import org.openrfid.trace.service.analytics.Analytics;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires the analytics adapter for whichever database the data source points at. */
@Configuration(proxyBeanMethods = false)
public class AnalyticsStoreConfiguration {

    @Bean
    Analytics analytics(DataSource dataSource, java.util.Optional<FlywayMigrationInitializer> migrated) {
        return create(dataSource);
    }

    /** The adapter as the application builds it; public so tests build the same against any data source. */
    public static Analytics create(DataSource dataSource) {
        return new JdbcAnalytics(new JdbcTemplate(dataSource), SqlDialect.of(dataSource));
    }
}
