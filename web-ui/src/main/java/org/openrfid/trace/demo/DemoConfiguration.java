package org.openrfid.trace.demo;

import java.time.Clock;
import org.openrfid.trace.service.library.Inventories;
import org.openrfid.trace.service.library.Loans;
import org.openrfid.trace.service.library.ShelfInventory;
import org.openrfid.trace.service.registry.goods.AggregationCsv;
import org.openrfid.trace.service.registry.goods.GoodsCsv;
import org.openrfid.trace.service.registry.goods.PalletCsv;
import org.openrfid.trace.service.registry.library.LibraryItemCsv;
import org.openrfid.trace.service.registry.library.LibraryItems;
import org.openrfid.trace.service.registry.vehicle.VehicleCsv;
import org.openrfid.trace.service.registry.watchlist.WatchlistCsv;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.road.RoadLinkChanges;
import org.openrfid.trace.service.road.RoadLinkCsv;
import org.openrfid.trace.service.readerfleet.ReaderConnections;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import java.time.Clock;
import org.openrfid.trace.service.customs.DeclarationCsv;
import org.openrfid.trace.service.logistics.ShipmentCsv;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Demo mode, unless {@code rfid.demo.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "rfid.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoConfiguration {

    @Bean
    DemoMode demoMode(Locations locations, ReaderConnections readers, DemoProperties properties, DemoRegistries registries) {
        return new DemoMode(locations, readers, properties, properties.registries() ? registries : null);
    }

    @Bean
    DemoRegistries demoRegistries(VehicleCsv vehicles, GoodsCsv goods, PalletCsv pallets, AggregationCsv aggregation, LibraryItemCsv library,
                                  WatchlistCsv watchlist, RoadLinkCsv roadLinks, RoadLinkChanges roadChanges, LibraryDemo libraryDemo,
                                  DemoTrade trade) {
        return new DemoRegistries(vehicles, goods, pallets, aggregation, library, watchlist, roadLinks, roadChanges, libraryDemo, trade);
    }

    @Bean
    LibraryDemo libraryDemo(Locations locations, LibraryItems items, Loans loans, ShelfInventory shelfInventory, Inventories inventories,
                            Clock clock) {
        return new LibraryDemo(locations, items, loans, shelfInventory, inventories, clock);
    }

    @Bean
    DemoTrade demoTrade(DeclarationCsv declarations, ShipmentCsv shipments, Clock clock) {
        return new DemoTrade(declarations, shipments, clock);
    }
}
