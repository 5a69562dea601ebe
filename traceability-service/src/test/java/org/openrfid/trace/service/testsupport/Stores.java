package org.openrfid.trace.service.testsupport;

import java.time.Clock;
import javax.sql.DataSource;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.location.jdbc.LocationStoreConfiguration;
import org.openrfid.trace.service.passage.PassageStore;
import org.openrfid.trace.service.passage.jdbc.PassagePartitions;
import org.openrfid.trace.service.passage.jdbc.PassageStoreConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/** The passage and location stores of one database, built as the application builds them. */
public record Stores(PassageStore passages, Locations locations, PassagePartitions partitions) {

    public static final int DEFAULT_COPY_MIN_BATCH = PassageStoreConfiguration.DEFAULT_COPY_MIN_BATCH;

    public static Stores create(DataSource dataSource, TransactionTemplate tx, Clock clock) {
        return create(dataSource, tx, clock, DEFAULT_COPY_MIN_BATCH);
    }

    public static Stores create(DataSource dataSource, TransactionTemplate tx, Clock clock, int copyMinBatch) {
        return new Stores(PassageStoreConfiguration.createPassageStore(dataSource, tx, copyMinBatch),
                LocationStoreConfiguration.createLocations(dataSource, tx),
                PassageStoreConfiguration.createPartitions(dataSource, clock));
    }

    /** Creates the day partitions around today on PostGIS, as the application does at start. */
    public void ensurePartitions() {
        if (partitions != null) {
            partitions.ensure(2, 7);
        }
    }
}
