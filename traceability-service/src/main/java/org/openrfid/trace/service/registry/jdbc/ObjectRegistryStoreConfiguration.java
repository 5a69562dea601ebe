package org.openrfid.trace.service.registry.jdbc;

import org.openrfid.trace.service.platform.sql.SqlDialect;
import org.openrfid.trace.service.registry.goods.jdbc.JdbcAggregations;
import org.openrfid.trace.service.registry.goods.jdbc.JdbcGoodsItems;
import org.openrfid.trace.service.registry.binding.jdbc.JdbcNewTags;
import org.openrfid.trace.service.registry.goods.jdbc.JdbcPallets;
import org.openrfid.trace.service.registry.library.jdbc.JdbcLibraryItems;
import org.openrfid.trace.service.registry.watchlist.jdbc.JdbcWatchlist;

import javax.sql.DataSource;
import org.openrfid.trace.service.registry.goods.Aggregations;
import org.openrfid.trace.service.registry.goods.GoodsItems;
import org.openrfid.trace.service.registry.binding.NewTags;
import org.openrfid.trace.service.registry.goods.Pallets;
import org.openrfid.trace.service.registry.library.LibraryItems;
import org.openrfid.trace.service.registry.watchlist.Watchlist;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the goods, pallet, aggregation, library and watchlist adapters for whichever database the data source points at. */
@Configuration(proxyBeanMethods = false)
public class ObjectRegistryStoreConfiguration {

    @Bean
    ObjectRegistryStores objectRegistryStores(DataSource dataSource, PlatformTransactionManager txManager,
                                              java.util.Optional<FlywayMigrationInitializer> migrated) {
        return ObjectRegistryStores.create(dataSource, new TransactionTemplate(txManager));
    }

    @Bean
    GoodsItems goodsItems(ObjectRegistryStores stores) {
        return stores.goods();
    }

    @Bean
    Pallets pallets(ObjectRegistryStores stores) {
        return stores.pallets();
    }

    @Bean
    Aggregations aggregations(ObjectRegistryStores stores) {
        return stores.aggregations();
    }

    @Bean
    LibraryItems libraryItems(ObjectRegistryStores stores) {
        return stores.libraryItems();
    }

    @Bean
    Watchlist watchlist(ObjectRegistryStores stores) {
        return stores.watchlist();
    }

    @Bean
    NewTags newTags(ObjectRegistryStores stores) {
        return stores.newTags();
    }

    /** The adapters of one database. Public so tests build the same set against any data source. */
    public record ObjectRegistryStores(GoodsItems goods, Pallets pallets, Aggregations aggregations, LibraryItems libraryItems,
                                       Watchlist watchlist, NewTags newTags) {

        public static ObjectRegistryStores create(DataSource dataSource, TransactionTemplate tx) {
            SqlDialect dialect = SqlDialect.of(dataSource);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            return new ObjectRegistryStores(
                    new JdbcGoodsItems(jdbc, tx, dialect),
                    new JdbcPallets(jdbc, tx, dialect),
                    new JdbcAggregations(jdbc, tx),
                    new JdbcLibraryItems(jdbc, tx, dialect),
                    new JdbcWatchlist(jdbc, tx),
                    new JdbcNewTags(jdbc, tx, dialect));
        }
    }
}
