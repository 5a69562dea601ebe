package org.openrfid.trace.service.anpr.jdbc;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The plate read store contract on the embedded default: H2 with H2GIS. */
class H2gisPlateReadStoreIntegrationTests extends PlateReadStoreContractTests {

    @Override
    protected DataSource freshDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:plates-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    @Override
    protected String vendor() {
        return "h2";
    }
}
