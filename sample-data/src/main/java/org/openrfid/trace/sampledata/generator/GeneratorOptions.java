package org.openrfid.trace.sampledata.generator;

/**
 * Settings of a streaming run.
 *
 * @param startHour   hour of day at offset 0
 * @param clones      vehicles driving with a copied EPC on another chip
 * @param limit       stop after this many rows of the main file (passages or reads), 0 for no limit
 * @param checkpoints play only the readers of the N checkpoints nearest Jiefangbei, 0 for all of them
 *                    (vehicles still drive the whole graph)
 * @param flows       goods, library and reader-outage settings
 */
public record GeneratorOptions(long seed, long durationMs, int startHour, int vehicles, int clones, Mode mode, long limit,
                               int checkpoints, Flows flows) {
    public enum Mode { PASSAGES, READS }

    public GeneratorOptions {
        if (durationMs <= 0 || vehicles < 0 || clones < 0 || limit < 0 || checkpoints < 0) {
            throw new IllegalArgumentException("duration must be positive; vehicles, clones, limit, checkpoints not negative");
        }
        if (startHour < 0 || startHour > 23) {
            throw new IllegalArgumentException("start hour must be 0..23");
        }
    }

    /** Traffic at every checkpoint with the default goods, library and outage flows. */
    public GeneratorOptions(long seed, long durationMs, int startHour, int vehicles, int clones, Mode mode, long limit) {
        this(seed, durationMs, startHour, vehicles, clones, mode, limit, 0, Flows.DEFAULT);
    }

    public GeneratorOptions withCheckpoints(int n) {
        return new GeneratorOptions(seed, durationMs, startHour, vehicles, clones, mode, limit, n, flows);
    }

    public GeneratorOptions withFlows(Flows f) {
        return new GeneratorOptions(seed, durationMs, startHour, vehicles, clones, mode, limit, checkpoints, f);
    }

    public GeneratorOptions withMode(Mode m) {
        return new GeneratorOptions(seed, durationMs, startHour, vehicles, clones, m, limit, checkpoints, flows);
    }

    /**
     * What happens besides city traffic. A zero interval or rate turns that flow off.
     *
     * @param goodsEveryMs       a consignment leaves the hub this often (dock door, then the bonded warehouse, then the port gate)
     * @param goodsLegMs         time from one step of a consignment to the next (the drive, compressed in short scenarios)
     * @param libraryVisitsPerHour patrons through the library gates per opening hour (08:00-21:00)
     * @param uncheckedEvery     every Nth library visit also carries out an item that was never checked out
     * @param outageEveryMs      a played reader loses its link this often, the first time at a quarter of the interval
     * @param outageMs           how long it stays silent before replaying its buffer
     */
    public record Flows(long goodsEveryMs, long goodsLegMs, int libraryVisitsPerHour, int uncheckedEvery,
                        long outageEveryMs, long outageMs) {
        /** A consignment every 30 min, 20 min per leg; 120 library visits an hour, every 25th with an unchecked item; a 60 s outage every 2 h. */
        public static final Flows DEFAULT = new Flows(30 * 60_000L, 20 * 60_000L, 120, 25, 2 * 3_600_000L, 60_000L);
        /** Traffic only, as the generator made before goods, library and outages were added. */
        public static final Flows NONE = new Flows(0, 0, 0, 0, 0, 0);

        public Flows {
            if (goodsEveryMs < 0 || goodsLegMs < 0 || libraryVisitsPerHour < 0 || uncheckedEvery < 0 || outageEveryMs < 0 || outageMs < 0) {
                throw new IllegalArgumentException("flow settings must not be negative");
            }
            // A pallet tag reused by the next cycle of consignments must not merge with its last passage at the same door.
            if (goodsEveryMs > 0 && goodsEveryMs < 5_000) {
                throw new IllegalArgumentException("goods interval must be at least 5 s");
            }
            // One outage's buffer is replayed before the next outage starts, so at most one buffer is held.
            if (outageEveryMs > 0 && (outageMs == 0 || outageMs * 2 > outageEveryMs)) {
                throw new IllegalArgumentException("an outage must last more than 0 and at most half its interval");
            }
        }
    }
}
