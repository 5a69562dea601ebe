package org.openrfid.trace.demo;

import java.time.Clock;
import java.util.Locale;
import org.openrfid.trace.service.library.Inventories;
import org.openrfid.trace.service.library.Loans;
import org.openrfid.trace.service.library.ShelfInventory;
import org.openrfid.trace.service.registry.library.LibraryItems;
import org.openrfid.trace.sampledata.world.DemoWorld;
import org.openrfid.trace.service.customs.DeclarationCsv;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.logistics.ShipmentCsv;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.registry.goods.AggregationCsv;
import org.openrfid.trace.service.registry.goods.GoodsCsv;
import org.openrfid.trace.service.registry.goods.PalletCsv;
import org.openrfid.trace.service.registry.library.LibraryItemCsv;
import org.openrfid.trace.service.registry.vehicle.VehicleCsv;
import org.openrfid.trace.service.registry.watchlist.WatchlistCsv;
import org.openrfid.trace.service.road.RoadLinkChanges;
import org.openrfid.trace.service.road.RoadLinkCsv;
import org.springframework.context.ApplicationContext;

/**
 * For tests running the app with {@code rfid.demo.enabled=false}: the shipped world's locations and
 * registries, loaded exactly as demo mode loads them (same location mapping, same {@link DemoRegistries}
 * and so the product's CSV importers), without the demo's simulator and scenario.
 */
public final class DemoWorldForTests {

    private DemoWorldForTests() {
    }

    public static void load(ApplicationContext context) {
        DemoWorld world = DemoWorld.load();
        context.getBean(Locations.class).save(world.locations().stream()
                .map(l -> new Location(l.id(), l.name(), l.kind().name().toLowerCase(Locale.ROOT), l.lat(), l.lon(),
                        l.parent() == null || l.parent().isBlank() ? null : l.parent()))
                .toList());
        new DemoRegistries(context.getBean(VehicleCsv.class), context.getBean(GoodsCsv.class), context.getBean(PalletCsv.class),
                context.getBean(AggregationCsv.class), context.getBean(LibraryItemCsv.class), context.getBean(WatchlistCsv.class),
                context.getBean(RoadLinkCsv.class), context.getBean(RoadLinkChanges.class),
                new LibraryDemo(context.getBean(Locations.class), context.getBean(LibraryItems.class), context.getBean(Loans.class),
                        context.getBean(ShelfInventory.class), context.getBean(Inventories.class), context.getBean(Clock.class)),
                new DemoTrade(context.getBean(DeclarationCsv.class), context.getBean(ShipmentCsv.class), context.getBean(Clock.class))).load();
    }
}
