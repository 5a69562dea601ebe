package org.openrfid.trace.sampledata.world;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openrfid.trace.sampledata.csv.Csv;

/** The column layout of every world file, both directions, so writer and reader cannot drift apart. */
public final class WorldCsv {
    public static final List<String> LOCATIONS = List.of("id", "name", "kind", "lat", "lon", "parent");
    public static final List<String> READ_POINTS = List.of("reader", "antenna", "location", "direction", "lane");
    public static final List<String> ROAD_LINKS = List.of("from", "to", "distance_m");
    public static final List<String> VEHICLES = List.of("plate", "plate_type", "plate_colour", "vehicle_type", "vin", "status", "epc", "tid");
    public static final List<String> CONSIGNMENTS = List.of("id", "container", "shipper", "consignee", "customs_status");
    public static final List<String> GOODS = List.of("epc", "uri", "gtin", "serial", "product", "consignment");
    public static final List<String> PALLETS = List.of("epc", "uri", "sscc", "consignment");
    public static final List<String> AGGREGATION = List.of("parent", "child", "level");
    public static final List<String> LIBRARY_ITEMS = List.of("epc", "uri", "barcode", "title", "status", "due_date");
    public static final List<String> WATCHLIST = List.of("list", "epc", "subject", "reason", "since");

    private WorldCsv() {
    }

    /** Every world file keyed by its classpath path, in a stable order. */
    public static Map<String, String> render(DemoWorld world) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(DemoFiles.LOCATIONS, Csv.render(LOCATIONS, world.locations(), l -> List.of(l.id(), l.name(),
                l.kind().csv(), degrees(l.lat()), degrees(l.lon()), l.parent())));
        files.put(DemoFiles.READ_POINTS, Csv.render(READ_POINTS, world.readPoints(), r -> List.of(r.reader(),
                String.valueOf(r.antenna()), r.location(), r.direction(), r.lane() == null ? "" : String.valueOf(r.lane()))));
        files.put(DemoFiles.ROAD_LINKS, Csv.render(ROAD_LINKS, world.roadLinks(), r -> List.of(r.from(), r.to(),
                String.valueOf(r.distanceMetres()))));
        files.put(DemoFiles.VEHICLES, Csv.render(VEHICLES, world.vehicles(), v -> List.of(v.plate(), v.plateType(),
                v.plateColour(), v.vehicleType(), v.vin(), v.status(), v.epc(), v.tid())));
        files.put(DemoFiles.CONSIGNMENTS, Csv.render(CONSIGNMENTS, world.consignments(), c -> List.of(c.id(),
                c.container(), c.shipper(), c.consignee(), c.customsStatus())));
        files.put(DemoFiles.GOODS, Csv.render(GOODS, world.goods(), g -> List.of(g.epc(), g.uri(), g.gtin(),
                String.valueOf(g.serial()), g.product(), g.consignment())));
        files.put(DemoFiles.PALLETS, Csv.render(PALLETS, world.pallets(), p -> List.of(p.epc(), p.uri(), p.sscc(),
                p.consignment())));
        files.put(DemoFiles.AGGREGATION, Csv.render(AGGREGATION, world.aggregation(), a -> List.of(a.parent(),
                a.child(), a.level())));
        files.put(DemoFiles.LIBRARY_ITEMS, Csv.render(LIBRARY_ITEMS, world.libraryItems(), i -> List.of(i.epc(),
                i.uri(), i.barcode(), i.title(), i.status(), i.dueDate())));
        files.put(DemoFiles.WATCHLIST, Csv.render(WATCHLIST, world.watchlist(), w -> List.of(w.list(), w.epc(),
                w.subject(), w.reason(), w.since())));
        return files;
    }

    static String degrees(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    public static List<Location> readLocations(InputStream in) {
        return Csv.read(in, LOCATIONS, r -> new Location(r.get("id"), r.get("name"), LocationKind.fromCsv(r.get("kind")),
                r.getDouble("lat"), r.getDouble("lon"), r.get("parent")));
    }

    public static List<ReadPoint> readReadPoints(InputStream in) {
        return Csv.read(in, READ_POINTS, r -> new ReadPoint(r.get("reader"), r.getInt("antenna"), r.get("location"),
                r.get("direction"), r.get("lane").isEmpty() ? null : Integer.valueOf(r.get("lane"))));
    }

    public static List<RoadLink> readRoadLinks(InputStream in) {
        return Csv.read(in, ROAD_LINKS, r -> new RoadLink(r.get("from"), r.get("to"), r.getInt("distance_m")));
    }

    public static List<Vehicle> readVehicles(InputStream in) {
        return Csv.read(in, VEHICLES, r -> new Vehicle(r.get("plate"), r.get("plate_type"), r.get("plate_colour"),
                r.get("vehicle_type"), r.get("vin"), r.get("status"), r.get("epc"), r.get("tid")));
    }

    public static List<Consignment> readConsignments(InputStream in) {
        return Csv.read(in, CONSIGNMENTS, r -> new Consignment(r.get("id"), r.get("container"), r.get("shipper"),
                r.get("consignee"), r.get("customs_status")));
    }

    public static List<GoodsCase> readGoods(InputStream in) {
        return Csv.read(in, GOODS, r -> new GoodsCase(r.get("epc"), r.get("uri"), r.get("gtin"),
                Long.parseLong(r.get("serial")), r.get("product"), r.get("consignment")));
    }

    public static List<Pallet> readPallets(InputStream in) {
        return Csv.read(in, PALLETS, r -> new Pallet(r.get("epc"), r.get("uri"), r.get("sscc"), r.get("consignment")));
    }

    public static List<Aggregation> readAggregation(InputStream in) {
        return Csv.read(in, AGGREGATION, r -> new Aggregation(r.get("parent"), r.get("child"), r.get("level")));
    }

    public static List<LibraryItem> readLibraryItems(InputStream in) {
        return Csv.read(in, LIBRARY_ITEMS, r -> new LibraryItem(r.get("epc"), r.get("uri"), r.get("barcode"),
                r.get("title"), r.get("status"), r.get("due_date")));
    }

    public static List<WatchlistEntry> readWatchlist(InputStream in) {
        return Csv.read(in, WATCHLIST, r -> new WatchlistEntry(r.get("list"), r.get("epc"), r.get("subject"),
                r.get("reason"), r.get("since")));
    }
}
