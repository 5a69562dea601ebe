package org.openrfid.trace.service.alert.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.openrfid.trace.service.alert.Alerts;
import org.openrfid.trace.service.alert.rule.RuleDefinitions;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the alert and rule stores for whichever database the data source points at. */
@Configuration(proxyBeanMethods = false)
public class AlertStoreConfiguration {

    @Bean
    Alerts alerts(DataSource dataSource, PlatformTransactionManager txManager, ObjectMapper json, Optional<FlywayMigrationInitializer> migrated) {
        return createAlerts(dataSource, new TransactionTemplate(txManager), json);
    }

    @Bean
    RuleDefinitions ruleDefinitions(DataSource dataSource, PlatformTransactionManager txManager, ObjectMapper json, Clock clock,
                                    Optional<FlywayMigrationInitializer> migrated) {
        return createRuleDefinitions(dataSource, new TransactionTemplate(txManager), json, clock);
    }

    /** The adapters as the application builds them; public so tests build the same against any data source. */
    public static Alerts createAlerts(DataSource dataSource, TransactionTemplate tx, ObjectMapper json) {
        return new JdbcAlerts(new JdbcTemplate(dataSource), tx, json);
    }

    public static RuleDefinitions createRuleDefinitions(DataSource dataSource, TransactionTemplate tx, ObjectMapper json, Clock clock) {
        return new JdbcRuleDefinitions(new JdbcTemplate(dataSource), tx, json, clock);
    }
}
