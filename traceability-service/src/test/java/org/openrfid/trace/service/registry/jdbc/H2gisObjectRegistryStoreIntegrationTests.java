package org.openrfid.trace.service.registry.jdbc;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The goods, pallet, aggregation, library and watchlist store contract on the embedded default: H2 with H2GIS. */
class H2gisObjectRegistryStoreIntegrationTests extends ObjectRegistryStoreContractTests {

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
