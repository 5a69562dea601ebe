package org.openrfid.trace.service.testsupport;

import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.passage.PassageStore;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stores a web-slice test runs on: a fresh in-memory H2GIS database with the project's migrations,
 * its transaction manager, and the location and passage stores. The test supplies the {@link Clock}.
 *
 * <p>Deliberately not a {@code @Configuration}: the web-ui tests' application scans
 * {@code org.openrfid.trace} (this test jar included) and must not pick these beans up. A slice test
 * brings them in with {@code @Import(H2StoreSlice.class)}.
 */
public class H2StoreSlice {

    @Bean
    DataSource dataSource() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:slice-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/h2").load().migrate();
        return ds;
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource ds) {
        return new DataSourceTransactionManager(ds);
    }

    @Bean
    TestStores stores(DataSource ds, PlatformTransactionManager tx, Clock clock) {
        return new TestStores(ds, new TransactionTemplate(tx), clock);
    }

    @Bean
    Locations locations(TestStores stores) {
        return stores.locations;
    }

    @Bean
    PassageStore passageStore(TestStores stores) {
        return stores.passages;
    }
}
