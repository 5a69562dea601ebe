package org.openrfid.trace.service.gate.jdbc;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.openrfid.trace.service.testsupport.PostgisTestDatabase;

/** The gate reconciliation contract on the production database: PostgreSQL 15 with PostGIS 3. */
class PostgisGateReconciliationIntegrationTests extends GateReconciliationContractTests {

    private PostgisTestDatabase database;

    @Override
    protected DataSource freshDatabase() {
        database = PostgisTestDatabase.createSchema();
        return database.dataSource();
    }

    @Override
    protected Flyway flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).schemas(database.schema())
                .locations("classpath:db/migration/postgresql").load();
    }

    @AfterEach
    void dropSchema() {
        database.drop();
    }
}
