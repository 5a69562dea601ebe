package org.openrfid.trace.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.openrfid.trace.sampledata.world.DemoFiles;
import org.openrfid.trace.service.registry.goods.AggregationCsv;
import org.openrfid.trace.service.registry.goods.GoodsCsv;
import org.openrfid.trace.service.registry.goods.PalletCsv;
import org.openrfid.trace.service.registry.library.LibraryItemCsv;
import org.openrfid.trace.service.registry.vehicle.VehicleCsv;
import org.openrfid.trace.service.registry.watchlist.WatchlistCsv;
import org.openrfid.trace.service.road.RoadLinkChanges;
import org.openrfid.trace.service.road.RoadLinkCsv;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo city's registries (vehicles with their e-plates, goods, pallets and what they hold, library
 * items, the watchlist) imported through the same CSV imports an operator uses, so the demo's labelled
 * anomalies (stolen vehicles, a cloned plate, customs-hold exits, library exits) raise their alerts on
 * a fresh start. Importing again on the next start changes nothing that is already there.
 */
final class DemoRegistries {

    private static final Logger log = LoggerFactory.getLogger(DemoRegistries.class);

    private final VehicleCsv vehicles;
    private final GoodsCsv goods;
    private final PalletCsv pallets;
    private final AggregationCsv aggregation;
    private final LibraryItemCsv library;
    private final WatchlistCsv watchlist;
    private final RoadLinkCsv roadLinks;
    private final RoadLinkChanges roadChanges;
    private final LibraryDemo libraryDemo;
    private final DemoTrade trade;

    DemoRegistries(VehicleCsv vehicles, GoodsCsv goods, PalletCsv pallets, AggregationCsv aggregation, LibraryItemCsv library,
                   WatchlistCsv watchlist, RoadLinkCsv roadLinks, RoadLinkChanges roadChanges, LibraryDemo libraryDemo, DemoTrade trade) {
        this.libraryDemo = libraryDemo;
        this.trade = trade;
        this.vehicles = vehicles;
        this.goods = goods;
        this.pallets = pallets;
        this.aggregation = aggregation;
        this.library = library;
        this.watchlist = watchlist;
        this.roadLinks = roadLinks;
        this.roadChanges = roadChanges;
    }

    void load() {
        long start = System.nanoTime();
        // Order matters: the watchlist and aggregation name tags the registries bind first.
        load(DemoFiles.VEHICLES, vehicles::importFile);
        load(DemoFiles.GOODS, goods::importFile);
        load(DemoFiles.PALLETS, pallets::importFile);
        load(DemoFiles.AGGREGATION, aggregation::importFile);
        load(DemoFiles.LIBRARY_ITEMS, library::importFile);
        load("library circulation", libraryDemo::load);
        load(DemoFiles.WATCHLIST, watchlist::importFile);
        // After goods, pallets and aggregation: a held declaration puts them on customs_hold.
        trade.load();
        // After the locations (registered before the registries): clone and section-speed alerts measure by road.
        load(DemoFiles.ROAD_LINKS, roadLinks::importFile);
        roadChanges.changed();
        log.info("Demo registries loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    /** A demo part made in code rather than read from a file; as with a file, the demo runs on without it when it fails. */
    private static void load(String part, Runnable loader) {
        try {
            loader.run();
        } catch (RuntimeException e) {
            log.warn("Demo {} was not loaded: {}", part, e.getMessage());
        }
    }

    private static void load(String resource, Function<Reader, ?> importer) {
        try (InputStream in = DemoRegistries.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("demo file " + resource + " is not on the classpath");
            }
            Object result = importer.apply(new InputStreamReader(in, StandardCharsets.UTF_8));
            log.info("Demo registry {}: {}", resource, result);
        } catch (IOException e) {
            throw new IllegalStateException("reading " + resource + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // The demo still runs without this registry: its passages are just not bound to objects.
            log.warn("Demo registry {} was not loaded: {}", resource, e.getMessage());
        }
    }
}
