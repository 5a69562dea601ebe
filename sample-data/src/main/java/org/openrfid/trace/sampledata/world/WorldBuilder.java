package org.openrfid.trace.sampledata.world;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.openrfid.trace.sampledata.epc.Giai96;
import org.openrfid.trace.sampledata.epc.Sgtin96;
import org.openrfid.trace.sampledata.epc.Sscc96;

/**
 * Builds the demo city's master data from a seed. Each part draws from its own derived random
 * stream, so adding library items never reshuffles the vehicles.
 */
public final class WorldBuilder {
    public static final int VEHICLES = 6_000;
    public static final int LIBRARY_ITEMS = 2_500;
    public static final String LIBRARY_COMPANY_PREFIX = "9521002";
    public static final String LOGISTICS_COMPANY_PREFIX = "0614141";
    /** The date the master data describes: loans due before it are overdue. */
    public static final LocalDate AS_OF = LocalDate.of(2025, 6, 2);

    public static final String LOGISTICS_HUB = "CQ-LOG-HUB";
    public static final String BONDED_WAREHOUSE = "CQ-BW-01";
    public static final String PORT_GATE = "CQ-PORT-GATE";
    public static final String LIBRARY = "CQ-LIB";

    private record Product(String companyPrefix, String indicatorItemRef, String name) {
    }

    private static final List<Product> PRODUCTS = List.of(
            new Product("0614141", "112345", "Laptop computers, 10 per case"),
            new Product("0614141", "154321", "Smartphones, 40 per case"),
            new Product("0614141", "167890", "Auto parts: brake pads, 24 per case"),
            new Product("0037000", "130241", "Detergent, 12 bottles per case"),
            new Product("0037000", "176543", "Baby diapers, 8 packs per case"),
            new Product("0037000", "198765", "Toothpaste, 72 tubes per case"));
    private static final List<String> SHIPPERS = List.of("Chongqing Demo Electronics Co.", "Yuzhong Test Motors Ltd.",
            "Liangjiang Sample Trading Co.", "Example Household Goods GmbH");
    private static final List<String> CONSIGNEES = List.of("Duisburg Demo Logistics GmbH", "Hamburg Example Imports",
            "Lodz Test Distribution Sp. z o.o.", "Warsaw Sample Retail");
    private static final List<String> TITLES = List.of("三体 The Three-Body Problem", "活着 To Live", "围城 Fortress Besieged",
            "边城 Border Town", "平凡的世界 Ordinary World", "红楼梦 Dream of the Red Chamber", "西游记 Journey to the West",
            "水浒传 Water Margin", "三国演义 Romance of the Three Kingdoms", "呐喊 Call to Arms", "骆驼祥子 Rickshaw Boy",
            "家 The Family", "城南旧事 My Memories of Old Beijing", "长恨歌 Song of Everlasting Sorrow",
            "白鹿原 White Deer Plain", "重庆地方志 Chongqing Gazetteer", "Introduction to Algorithms",
            "Design Patterns", "A Brief History of Time", "The Old Man and the Sea", "Pride and Prejudice",
            "One Hundred Years of Solitude", "The Little Prince", "Sapiens", "Clean Code", "Effective Java",
            "RFID Handbook", "Traffic Engineering", "Yangtze River Atlas", "Hot Pot Cookbook");

    private final long seed;

    public WorldBuilder(long seed) {
        this.seed = seed;
    }

    public DemoWorld build() {
        List<Location> locations = new ArrayList<>();
        List<ReadPoint> readPoints = new ArrayList<>();
        List<Location> checkpoints = checkpoints(locations, readPoints);
        logisticsAndLibrary(locations, readPoints);
        List<RoadLink> links = roadLinks(checkpoints);
        List<Vehicle> vehicles = vehicles();
        List<Consignment> consignments = new ArrayList<>();
        List<Pallet> pallets = new ArrayList<>();
        List<GoodsCase> goods = new ArrayList<>();
        List<Aggregation> aggregation = new ArrayList<>();
        goods(consignments, pallets, goods, aggregation);
        List<LibraryItem> items = libraryItems();
        return new DemoWorld(locations, readPoints, links, vehicles, consignments, goods, pallets, aggregation,
                items, watchlist(vehicles, consignments, pallets, goods));
    }

    /** Checkpoint ids are CQ-CP-001 upwards; lanes 1..n/2 (rounded up) run IN, the rest OUT. */
    private List<Location> checkpoints(List<Location> locations, List<ReadPoint> readPoints) {
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed, 1));
        List<Location> checkpoints = new ArrayList<>();
        for (int i = 0; i < ChongqingPlaces.CHECKPOINTS.size(); i++) {
            ChongqingPlaces.Site site = ChongqingPlaces.CHECKPOINTS.get(i);
            String id = String.format("CQ-CP-%03d", i + 1);
            Location checkpoint = new Location(id, site.name(), LocationKind.CHECKPOINT, site.lat(), site.lon(), "");
            checkpoints.add(checkpoint);
            locations.add(checkpoint);
            int lanes = switch (site.type()) {
                case "bridge" -> 4 + random.nextInt(3);
                case "tunnel" -> 2 + 2 * random.nextInt(2);
                default -> 2 + random.nextInt(5);
            };
            laned(id, site, lanes, "", locations, readPoints);
        }
        return checkpoints;
    }

    /** Lanes sit a few metres apart across the road; each lane has two antennas on the gantry. */
    private static void laned(String id, ChongqingPlaces.Site site, int lanes, String namePrefix,
                              List<Location> locations, List<ReadPoint> readPoints) {
        int inbound = (lanes + 1) / 2;
        for (int lane = 1; lane <= lanes; lane++) {
            double offset = (lane - (lanes + 1) / 2.0) * 0.00003;
            String direction = lane <= inbound ? "IN" : "OUT";
            locations.add(new Location(id + "-L" + lane, namePrefix + site.name() + " lane " + lane + " " + direction,
                    LocationKind.LANE, site.lat() + offset, site.lon() + offset, id));
            readPoints.add(new ReadPoint("rdr-" + id, 2 * lane - 1, id, direction, lane));
            readPoints.add(new ReadPoint("rdr-" + id, 2 * lane, id, direction, lane));
        }
    }

    private static void logisticsAndLibrary(List<Location> locations, List<ReadPoint> readPoints) {
        ChongqingPlaces.Site hub = ChongqingPlaces.LOGISTICS_HUB;
        locations.add(new Location(LOGISTICS_HUB, hub.name(), LocationKind.WAREHOUSE, hub.lat(), hub.lon(), ""));
        String hubGate = LOGISTICS_HUB + "-G1";
        locations.add(new Location(hubGate, "物流枢纽大门 Hub truck gate", LocationKind.GATE, hub.lat() - 0.0015, hub.lon(), LOGISTICS_HUB));
        readPoints.add(new ReadPoint("rdr-" + hubGate, 1, hubGate, "IN", 1));
        readPoints.add(new ReadPoint("rdr-" + hubGate, 2, hubGate, "IN", 1));
        readPoints.add(new ReadPoint("rdr-" + hubGate, 3, hubGate, "OUT", 2));
        readPoints.add(new ReadPoint("rdr-" + hubGate, 4, hubGate, "OUT", 2));
        dockDoors(LOGISTICS_HUB, hub, 4, locations, readPoints);

        ChongqingPlaces.Site bonded = ChongqingPlaces.BONDED_WAREHOUSE;
        locations.add(new Location(BONDED_WAREHOUSE, bonded.name(), LocationKind.WAREHOUSE, bonded.lat(), bonded.lon(), ""));
        dockDoors(BONDED_WAREHOUSE, bonded, 3, locations, readPoints);

        ChongqingPlaces.Site port = ChongqingPlaces.PORT_GATE;
        locations.add(new Location(PORT_GATE, port.name(), LocationKind.PORT_GATE, port.lat(), port.lon(), ""));
        laned(PORT_GATE, port, 4, "", locations, readPoints);

        ChongqingPlaces.Site library = ChongqingPlaces.LIBRARY;
        locations.add(new Location(LIBRARY, library.name(), LocationKind.LIBRARY, library.lat(), library.lon(), ""));
        for (int gate = 1; gate <= 2; gate++) {
            String id = LIBRARY + "-G" + gate;
            locations.add(new Location(id, "图书馆安全门 Library security gate " + gate, LocationKind.LIBRARY_GATE,
                    library.lat() - 0.0002, library.lon() + 0.0002 * gate, LIBRARY));
            readPoints.add(new ReadPoint("rdr-" + id, 1, id, "", null));
            readPoints.add(new ReadPoint("rdr-" + id, 2, id, "", null));
        }
    }

    /** Antenna 1 faces the yard, antenna 2 the hall; direction comes from their order, so none is fixed. */
    private static void dockDoors(String warehouse, ChongqingPlaces.Site site, int doors,
                                  List<Location> locations, List<ReadPoint> readPoints) {
        for (int door = 1; door <= doors; door++) {
            String id = String.format("%s-D%02d", warehouse, door);
            locations.add(new Location(id, door + "号装卸门 Dock door " + door, LocationKind.DOCK_DOOR, site.lat() + 0.0001,
                    site.lon() + 0.0001 * door, warehouse));
            readPoints.add(new ReadPoint("rdr-" + id, 1, id, "", null));
            readPoints.add(new ReadPoint("rdr-" + id, 2, id, "", null));
        }
    }

    /**
     * Links each checkpoint to its three nearest neighbours, then joins any separate pieces by their
     * closest pair. Driving distance is the straight line times 1.3, a usual detour factor for a
     * hilly city of bridges and tunnels.
     */
    static List<RoadLink> roadLinks(List<Location> checkpoints) {
        int n = checkpoints.size();
        boolean[][] linked = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            final int from = i;
            List<Integer> nearest = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    nearest.add(j);
                }
            }
            nearest.sort(Comparator.comparingDouble(j -> distance(checkpoints.get(from), checkpoints.get(j))));
            for (int k = 0; k < 3; k++) {
                linked[i][nearest.get(k)] = true;
                linked[nearest.get(k)][i] = true;
            }
        }
        joinComponents(checkpoints, linked);
        List<RoadLink> links = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (linked[i][j]) {
                    links.add(new RoadLink(checkpoints.get(i).id(), checkpoints.get(j).id(),
                            (int) Math.round(distance(checkpoints.get(i), checkpoints.get(j)) * 1.3)));
                }
            }
        }
        return links;
    }

    private static void joinComponents(List<Location> checkpoints, boolean[][] linked) {
        int n = checkpoints.size();
        while (true) {
            int[] component = new int[n];
            java.util.Arrays.fill(component, -1);
            component[0] = 0;
            java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(List.of(0));
            while (!queue.isEmpty()) {
                int at = queue.poll();
                for (int j = 0; j < n; j++) {
                    if (linked[at][j] && component[j] < 0) {
                        component[j] = 0;
                        queue.add(j);
                    }
                }
            }
            int bestI = -1;
            int bestJ = -1;
            double best = Double.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (component[i] == 0 && component[j] < 0) {
                        double d = distance(checkpoints.get(i), checkpoints.get(j));
                        if (d < best) {
                            best = d;
                            bestI = i;
                            bestJ = j;
                        }
                    }
                }
            }
            if (bestI < 0) {
                return;
            }
            linked[bestI][bestJ] = true;
            linked[bestJ][bestI] = true;
        }
    }

    static double distance(Location a, Location b) {
        return ChongqingPlaces.metres(a.lat(), a.lon(), b.lat(), b.lon());
    }

    private List<Vehicle> vehicles() {
        VehicleFactory factory = new VehicleFactory(seed);
        Set<String> plates = new HashSet<>();
        List<Vehicle> vehicles = new ArrayList<>(VEHICLES);
        for (int i = 0; i < VEHICLES; i++) {
            Vehicle vehicle = factory.vehicle(i, 0);
            for (int attempt = 1; !plates.add(vehicle.plate()); attempt++) {
                vehicle = factory.vehicle(i, attempt);
            }
            vehicles.add(vehicle);
        }
        return vehicles;
    }

    /** Eight container consignments; two are on customs hold, two not yet cleared. */
    private void goods(List<Consignment> consignments, List<Pallet> pallets, List<GoodsCase> goods,
                       List<Aggregation> aggregation) {
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed, 3));
        String[] statuses = {Consignment.CLEARED, Consignment.CLEARED, Consignment.HOLD, Consignment.DECLARED,
                Consignment.CLEARED, Consignment.HOLD, Consignment.CLEARED, Consignment.DECLARED};
        long palletSerial = 100_000_001L;
        long[] caseSerials = new long[PRODUCTS.size()];
        java.util.Arrays.fill(caseSerials, 1_000_001L);
        for (int c = 0; c < statuses.length; c++) {
            String id = String.format("CN-2025-%04d", c + 1);
            String container = ContainerNumber.withCheckDigit("DMOU", 100_001 + c * 37);
            consignments.add(new Consignment(id, container, SHIPPERS.get(c % SHIPPERS.size()),
                    CONSIGNEES.get(c % CONSIGNEES.size()), statuses[c]));
            int palletCount = 4 + random.nextInt(5);
            for (int p = 0; p < palletCount; p++) {
                Sscc96 sscc = new Sscc96(Sscc96.FILTER_UNIT_LOAD, LOGISTICS_COMPANY_PREFIX, "0" + palletSerial++);
                pallets.add(new Pallet(sscc.hex(), sscc.pureIdentityUri(), sscc.sscc(), id));
                aggregation.add(new Aggregation(container, sscc.hex(), Aggregation.CONTAINER_PALLET));
                int productIndex = random.nextInt(PRODUCTS.size());
                Product product = PRODUCTS.get(productIndex);
                int cases = 10 + random.nextInt(11);
                for (int k = 0; k < cases; k++) {
                    Sgtin96 sgtin = new Sgtin96(Sgtin96.FILTER_FULL_CASE, product.companyPrefix(),
                            product.indicatorItemRef(), caseSerials[productIndex]++);
                    goods.add(new GoodsCase(sgtin.hex(), sgtin.pureIdentityUri(), sgtin.gtin(), sgtin.serial(),
                            product.name(), id));
                    aggregation.add(new Aggregation(sscc.hex(), sgtin.hex(), Aggregation.PALLET_CASE));
                }
            }
        }
    }

    /** Barcodes are 11-digit numbers starting 3120 (an in-house item barcode range); one item in five is on loan. */
    private List<LibraryItem> libraryItems() {
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed, 4));
        List<LibraryItem> items = new ArrayList<>(LIBRARY_ITEMS);
        for (int i = 0; i < LIBRARY_ITEMS; i++) {
            long barcode = 31_200_000_001L + i;
            Giai96 giai = new Giai96(0, LIBRARY_COMPANY_PREFIX, barcode);
            String title = TITLES.get(random.nextInt(TITLES.size())) + " (copy " + (1 + random.nextInt(4)) + ")";
            boolean onLoan = random.nextInt(5) == 0;
            String due = onLoan ? AS_OF.plusDays(random.nextInt(42) - 12).toString() : "";
            items.add(new LibraryItem(giai.hex(), giai.pureIdentityUri(), String.valueOf(barcode), title,
                    onLoan ? LibraryItem.ON_LOAN : LibraryItem.ON_SHELF, due));
        }
        return items;
    }

    private static List<WatchlistEntry> watchlist(List<Vehicle> vehicles, List<Consignment> consignments,
                                                  List<Pallet> pallets, List<GoodsCase> goods) {
        List<WatchlistEntry> entries = new ArrayList<>();
        for (Vehicle v : vehicles) {
            if (v.status().equals(Vehicle.STOLEN)) {
                entries.add(new WatchlistEntry(WatchlistEntry.STOLEN_VEHICLE, v.epc(), v.plate(), "reported stolen", AS_OF.minusDays(9).toString()));
            } else if (v.status().equals(Vehicle.INSPECTION_EXPIRED)) {
                entries.add(new WatchlistEntry(WatchlistEntry.INSPECTION_EXPIRED, v.epc(), v.plate(), "annual inspection overdue", AS_OF.minusDays(30).toString()));
            }
        }
        for (Consignment c : consignments) {
            if (!c.customsStatus().equals(Consignment.HOLD)) {
                continue;
            }
            String reason = "customs hold on " + c.id() + " container " + c.container();
            for (Pallet p : pallets) {
                if (p.consignment().equals(c.id())) {
                    entries.add(new WatchlistEntry(WatchlistEntry.CUSTOMS_HOLD, p.epc(), "SSCC " + p.sscc(), reason, AS_OF.minusDays(2).toString()));
                }
            }
            for (GoodsCase g : goods) {
                if (g.consignment().equals(c.id())) {
                    entries.add(new WatchlistEntry(WatchlistEntry.CUSTOMS_HOLD, g.epc(), "GTIN " + g.gtin() + " serial " + g.serial(), reason, AS_OF.minusDays(2).toString()));
                }
            }
        }
        return entries;
    }
}
