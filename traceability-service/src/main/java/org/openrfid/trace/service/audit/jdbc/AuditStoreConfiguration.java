package org.openrfid.trace.service.audit.jdbc;

import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.openrfid.trace.service.audit.AuditTrail;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the audit trail for whichever database the data source points at. */
@Configuration(proxyBeanMethods = false)
public class AuditStoreConfiguration {

    @Bean
    AuditTrail auditTrail(DataSource dataSource, PlatformTransactionManager txManager, Clock clock,
                          Optional<FlywayMigrationInitializer> migrated) {
        return createAuditTrail(dataSource, new TransactionTemplate(txManager), clock);
    }

    /** The adapter as the application builds it; public so tests build the same against any data source. */
    public static AuditTrail createAuditTrail(DataSource dataSource, TransactionTemplate tx, Clock clock) {
        return new JdbcAuditTrail(dataSource, tx.getTransactionManager(), clock);
    }
}
