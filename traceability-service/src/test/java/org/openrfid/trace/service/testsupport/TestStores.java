package org.openrfid.trace.service.testsupport;

import org.openrfid.trace.service.passage.PassageStore;

import java.time.Clock;
import javax.sql.DataSource;
import org.openrfid.trace.service.location.Locations;
import org.springframework.transaction.support.TransactionTemplate;

/** The store adapters for tests outside this package (web slices), built as the application builds them. */
public final class TestStores {

    public final PassageStore passages;
    public final Locations locations;

    public TestStores(DataSource dataSource, TransactionTemplate tx, Clock clock) {
        Stores stores = Stores.create(dataSource, tx, clock);
        this.passages = stores.passages();
        this.locations = stores.locations();
    }
}
