package org.openrfid.trace.service.retention.jdbc;

import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.openrfid.trace.service.retention.PassageRetention;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the retention adapter for whichever database the data source points at. */
@Configuration(proxyBeanMethods = false)
public class RetentionStoreConfiguration {

    @Bean
    PassageRetention passageRetention(DataSource dataSource, PlatformTransactionManager txManager, Clock clock,
                                      Optional<FlywayMigrationInitializer> migrated) {
        return JdbcPassageRetention.create(dataSource, new TransactionTemplate(txManager), clock);
    }
}
