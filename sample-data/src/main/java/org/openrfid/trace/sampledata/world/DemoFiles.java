package org.openrfid.trace.sampledata.world;

/**
 * Classpath paths of the committed demo files (see sample-data/README.md for their formats) and the
 * seeds they were generated from.
 */
public final class DemoFiles {
    public static final String ROOT = "sample-data/";
    public static final String WORLD_DIR = ROOT + "world/";
    public static final String DEMO_DIR = ROOT + "demo/";

    public static final String LOCATIONS = WORLD_DIR + "locations.csv";
    public static final String READ_POINTS = WORLD_DIR + "read-points.csv";
    public static final String ROAD_LINKS = WORLD_DIR + "road-links.csv";
    public static final String VEHICLES = WORLD_DIR + "vehicles.csv";
    public static final String CONSIGNMENTS = WORLD_DIR + "consignments.csv";
    public static final String GOODS = WORLD_DIR + "goods.csv";
    public static final String PALLETS = WORLD_DIR + "pallets.csv";
    public static final String AGGREGATION = WORLD_DIR + "aggregation.csv";
    public static final String LIBRARY_ITEMS = WORLD_DIR + "library-items.csv";
    public static final String WATCHLIST = WORLD_DIR + "watchlist.csv";

    public static final String SCENARIO = DEMO_DIR + "scenario.csv";
    public static final String GROUND_TRUTH = DEMO_DIR + "ground-truth-passages.csv";
    public static final String ANOMALIES = DEMO_DIR + "anomalies.csv";
    /** Customs declarations of the demo's consignments (the customs declaration CSV format). */
    public static final String DECLARATIONS = DEMO_DIR + "declarations.csv";
    /** Expected shipments at the demo's dock doors, windows as offsets from the demo's start. */
    public static final String SHIPMENTS = DEMO_DIR + "shipments.csv";
    /** What each gate transaction of the demo must find: verdict and missing units. */
    public static final String GATE_CHECKS = DEMO_DIR + "gate-checks.csv";

    /** Seed of the committed world (master data). */
    public static final long WORLD_SEED = 20250602L;
    /** Seed of the committed demo scenario. */
    public static final long DEMO_SEED = 7L;

    private DemoFiles() {
    }
}
