package org.openrfid.trace.service.epcis;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** The EPCIS query contract on the embedded H2GIS store. */
class H2gisEpcisQueryIntegrationTests extends EpcisQueryContractTests {

    @Override
    protected DataSource freshDatabase() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:epcis-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    @Override
    protected Flyway flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/h2").load();
    }
}
