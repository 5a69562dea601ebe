package org.openrfid.trace.sampledata.world;

import java.io.InputStream;
import java.util.List;
import org.openrfid.trace.sampledata.world.Aggregation;
import org.openrfid.trace.sampledata.world.Consignment;
import org.openrfid.trace.sampledata.world.GoodsCase;
import org.openrfid.trace.sampledata.world.LibraryItem;
import org.openrfid.trace.sampledata.world.Location;
import org.openrfid.trace.sampledata.world.Pallet;
import org.openrfid.trace.sampledata.world.ReadPoint;
import org.openrfid.trace.sampledata.world.RoadLink;
import org.openrfid.trace.sampledata.world.Vehicle;
import org.openrfid.trace.sampledata.world.WatchlistEntry;
import org.openrfid.trace.sampledata.world.WorldCsv;

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
