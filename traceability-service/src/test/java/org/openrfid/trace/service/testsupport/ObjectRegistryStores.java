package org.openrfid.trace.service.testsupport;

import javax.sql.DataSource;
import org.openrfid.trace.service.registry.binding.NewTags;
import org.openrfid.trace.service.registry.binding.jdbc.BindingStoreConfiguration;
import org.openrfid.trace.service.registry.goods.Aggregations;
import org.openrfid.trace.service.registry.goods.GoodsItems;
import org.openrfid.trace.service.registry.goods.Pallets;
import org.openrfid.trace.service.registry.goods.jdbc.GoodsStoreConfiguration;
import org.openrfid.trace.service.registry.library.LibraryItems;
import org.openrfid.trace.service.registry.library.jdbc.LibraryStoreConfiguration;
import org.openrfid.trace.service.registry.watchlist.Watchlist;
import org.openrfid.trace.service.registry.watchlist.jdbc.WatchlistStoreConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/** The goods, pallet, aggregation, library and watchlist adapters of one database, built as the application builds them. */
public record ObjectRegistryStores(GoodsItems goods, Pallets pallets, Aggregations aggregations, LibraryItems libraryItems,
                                   Watchlist watchlist, NewTags newTags) {

    public static ObjectRegistryStores create(DataSource dataSource, TransactionTemplate tx) {
        return new ObjectRegistryStores(GoodsStoreConfiguration.createGoodsItems(dataSource, tx),
                GoodsStoreConfiguration.createPallets(dataSource, tx),
                GoodsStoreConfiguration.createAggregations(dataSource, tx),
                LibraryStoreConfiguration.createLibraryItems(dataSource, tx),
                WatchlistStoreConfiguration.createWatchlist(dataSource, tx),
                BindingStoreConfiguration.createNewTags(dataSource, tx));
    }
}
