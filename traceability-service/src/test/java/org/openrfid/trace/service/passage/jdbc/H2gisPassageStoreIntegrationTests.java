package org.openrfid.trace.service.passage.jdbc;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The store contract on the embedded default: H2 with H2GIS. */
class H2gisPassageStoreIntegrationTests extends PassageStoreContractTests {

    @Override
    protected DataSource freshDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:contract-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    @Override
    protected String vendor() {
        return "h2";
    }
}
