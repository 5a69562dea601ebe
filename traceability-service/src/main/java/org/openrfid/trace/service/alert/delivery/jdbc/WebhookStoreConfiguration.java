package org.openrfid.trace.service.alert.delivery.jdbc;

import java.util.Optional;
import javax.sql.DataSource;
import org.openrfid.trace.service.alert.delivery.Webhooks;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the webhook store for whichever database the data source points at. */
@Configuration(proxyBeanMethods = false)
public class WebhookStoreConfiguration {

    @Bean
    Webhooks webhooks(DataSource dataSource, PlatformTransactionManager txManager, Optional<FlywayMigrationInitializer> migrated) {
        return createWebhooks(dataSource, new TransactionTemplate(txManager));
    }

    /** The adapter as the application builds it; public so tests build the same against any data source. */
    public static Webhooks createWebhooks(DataSource dataSource, TransactionTemplate tx) {
        return new JdbcWebhooks(new JdbcTemplate(dataSource), tx);
    }
}
