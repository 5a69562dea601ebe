package org.openrfid.trace.service.gate.jdbc;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** The gate reconciliation contract on the embedded default: H2 with H2GIS. */
class H2gisGateReconciliationIntegrationTests extends GateReconciliationContractTests {

    @Override
    protected DataSource freshDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:gates-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    @Override
    protected Flyway flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/h2").load();
    }
}
