package org.openrfid.trace.service.testsupport;

import java.util.Optional;
import javax.sql.DataSource;
import org.openrfid.trace.service.passage.PassageQueries;
import org.openrfid.trace.service.passage.jdbc.PassageStoreConfiguration;
import org.openrfid.trace.service.registry.binding.jdbc.BindingStoreConfiguration;
import org.openrfid.trace.service.registry.goods.jdbc.GoodsStoreConfiguration;
import org.openrfid.trace.service.registry.library.jdbc.LibraryStoreConfiguration;
import org.openrfid.trace.service.registry.vehicle.jdbc.VehicleStoreConfiguration;
import org.openrfid.trace.service.registry.watchlist.jdbc.WatchlistStoreConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Every registry store of the application plus the passage queries, for web-slice tests that bring
 * their own data source and passage store ({@link H2StoreSlice}). Not a {@code @Configuration}, for
 * the reason given on {@link H2StoreSlice}: slices bring it in with {@code @Import}.
 */
@Import({BindingStoreConfiguration.class, VehicleStoreConfiguration.class, GoodsStoreConfiguration.class,
        LibraryStoreConfiguration.class, WatchlistStoreConfiguration.class, AccessSlice.class})
public class RegistryStoreSlice {

    @Bean
    PassageQueries passageQueries(DataSource dataSource, Optional<FlywayMigrationInitializer> migrated) {
        return PassageStoreConfiguration.createPassageQueries(dataSource);
    }
}
