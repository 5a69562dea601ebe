package org.openrfid.trace.sampledata.world;

import java.io.InputStream;
import java.util.List;

/**
 * The demo city's master data, as other modules see it: one list per CSV file under
 * {@link DemoFiles#WORLD_DIR}. Load it with {@link #load()}; nothing here touches the file system.
 */
public record DemoWorld(List<Location> locations, List<ReadPoint> readPoints, List<RoadLink> roadLinks,
                        List<Vehicle> vehicles, List<Consignment> consignments, List<GoodsCase> goods,
                        List<Pallet> pallets, List<Aggregation> aggregation, List<LibraryItem> libraryItems,
                        List<WatchlistEntry> watchlist) {

    /** Reads the committed CSV files from the classpath. */
    public static DemoWorld load() {
        return new DemoWorld(
                WorldCsv.readLocations(open(DemoFiles.LOCATIONS)),
                WorldCsv.readReadPoints(open(DemoFiles.READ_POINTS)),
                WorldCsv.readRoadLinks(open(DemoFiles.ROAD_LINKS)),
                WorldCsv.readVehicles(open(DemoFiles.VEHICLES)),
                WorldCsv.readConsignments(open(DemoFiles.CONSIGNMENTS)),
                WorldCsv.readGoods(open(DemoFiles.GOODS)),
                WorldCsv.readPallets(open(DemoFiles.PALLETS)),
                WorldCsv.readAggregation(open(DemoFiles.AGGREGATION)),
                WorldCsv.readLibraryItems(open(DemoFiles.LIBRARY_ITEMS)),
                WorldCsv.readWatchlist(open(DemoFiles.WATCHLIST)));
    }

    /** Opens one of the {@link DemoFiles} paths; the caller closes the stream. */
    public static InputStream open(String classpathPath) {
        InputStream in = DemoWorld.class.getClassLoader().getResourceAsStream(classpathPath);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + classpathPath);
        }
        return in;
    }
}
