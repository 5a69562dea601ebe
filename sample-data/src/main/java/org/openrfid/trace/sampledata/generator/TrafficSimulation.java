package org.openrfid.trace.sampledata.generator;

import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import org.openrfid.trace.sampledata.world.Vehicle;
import org.openrfid.trace.sampledata.world.VehicleFactory;

/**
 * Vehicles driving trips over the road graph, yielded as gantry passes in time order.
 *
 * <p>Memory is bounded by construction: the only state is one entry per vehicle in a priority queue
 * keyed by the time of its next checkpoint, so a run of 10^8 passes needs no more memory than a run
 * of ten. Each pop yields one pass and pushes the vehicle's next one, which is always later (a link
 * takes seconds to drive), so passes come out ordered by time, then EPC.
 *
 * <p>Clones carry the EPC of another vehicle on a different chip (a different TID) and drive on
 * their own, so the same EPC shows up at places too far apart for the time between.
 */
public final class TrafficSimulation implements Iterator<Pass> {
    /** Length of road a gantry's antennas cover; time in the zone is this over the speed. */
    private static final double READ_ZONE_METRES = 18;

    private static final class VehicleState {
        final long index;
        final String epc;
        final String tid;
        final boolean clone;
        final boolean stolen;
        final long sourceIndex;
        /** The vehicle whose EPC a clone copied, and back: their passes must stay apart at one place. */
        VehicleState twin;
        int lastPassNode = -1;
        long lastPassEndMs;
        long nextMs;
        int node;
        int previous = -1;
        int hopsLeft;
        int durationMs;

        VehicleState(long index, long sourceIndex, String epc, String tid, boolean clone, boolean stolen) {
            this.index = index;
            this.sourceIndex = sourceIndex;
            this.epc = epc;
            this.tid = tid;
            this.clone = clone;
            this.stolen = stolen;
        }
    }

    private final RoadGraph graph;
    private final long startOfDayMs;
    private final long durationMs;
    private final IntPredicate emitAt;
    private final Consumer<Anomaly> anomalies;
    private final SplittableRandom random;
    private final PriorityQueue<VehicleState> queue;
    private Pass next;

    /**
     * @param startOfDayMs time of day at offset 0, e.g. 8 h for a scenario starting at 08:00
     * @param emitAt       which graph nodes have a simulated reader; vehicles still drive through the others
     */
    public TrafficSimulation(RoadGraph graph, VehicleFactory fleet, int vehicles, int clones, long seed,
                             long startOfDayMs, long durationMs, IntPredicate emitAt, Consumer<Anomaly> anomalies) {
        this.graph = graph;
        this.startOfDayMs = startOfDayMs;
        this.durationMs = durationMs;
        this.emitAt = emitAt;
        this.anomalies = anomalies;
        this.random = new SplittableRandom(seed);
        this.queue = new PriorityQueue<>(Math.max(1, vehicles + clones), Comparator
                .comparingLong((VehicleState s) -> s.nextMs).thenComparingLong(s -> s.sourceIndex).thenComparingLong(s -> s.index));
        VehicleState[] firstStates = new VehicleState[Math.min(vehicles, 1 << 20)];
        for (long i = 0; i < vehicles + clones; i++) {
            boolean clone = i >= vehicles;
            long source = clone ? (i - vehicles) * 7_919L % vehicles : i;
            // A clone's chip is some other chip: its TID is the one a vehicle far outside the fleet would have.
            String tid = clone ? fleet.tid(1_000_000_000L + i) : fleet.tid(source);
            VehicleState state = new VehicleState(i, source, fleet.epc(source), tid, clone,
                    fleet.status(source).equals(Vehicle.STOLEN));
            if (!clone && i < firstStates.length) {
                firstStates[(int) i] = state;
            } else if (clone && source < firstStates.length) {
                state.twin = firstStates[(int) source];
                state.twin.twin = state;
            }
            state.node = random.nextInt(graph.size());
            if (random.nextDouble() < DayProfile.onRoadShare(startOfDayMs)) {
                state.hopsLeft = 1 + random.nextInt(6);
                state.nextMs = random.nextLong(5 * 60_000L);
                state.durationMs = zoneMs(DayProfile.speedKmh(startOfDayMs, random));
            } else {
                startTrip(state, DayProfile.nextDeparture(startOfDayMs, random) - startOfDayMs);
            }
            queue.add(state);
        }
    }

    /** Entries held: one per vehicle, whatever the number of passes produced. */
    public int pendingVehicles() {
        return queue.size();
    }

    @Override
    public boolean hasNext() {
        while (next == null && !queue.isEmpty() && queue.peek().nextMs < durationMs) {
            VehicleState state = queue.poll();
            int node = state.node;
            if (emitAt.test(node) && apartFromTwin(state, node)) {
                next = passAt(state, node);
            }
            advance(state);
            queue.add(state);
        }
        return next != null;
    }

    @Override
    public Pass next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Pass pass = next;
        next = null;
        return pass;
    }

    /**
     * A clone and its original at the same checkpoint within a few seconds would be one passage under
     * the 2-second rule, so such a pass is not read (the clone drove through another lane unseen).
     */
    private boolean apartFromTwin(VehicleState state, int node) {
        VehicleState twin = state.twin;
        if (twin == null) {
            return true;
        }
        long margin = 5_000L;
        boolean afterTwin = twin.lastPassNode == node && state.nextMs - twin.lastPassEndMs <= margin;
        boolean beforeTwin = twin.node == node && twin.nextMs - (state.nextMs + state.durationMs) <= margin;
        return !afterTwin && !beforeTwin;
    }

    private Pass passAt(VehicleState state, int node) {
        state.lastPassNode = node;
        state.lastPassEndMs = state.nextMs + state.durationMs;
        int direction = state.previous < 0 || graph.centreDistance[node] <= graph.centreDistance[state.previous] ? 0 : 1;
        int[] lanes = graph.laneFirstAntennas[node][direction];
        if (lanes.length == 0) {
            lanes = graph.laneFirstAntennas[node][1 - direction];
        }
        int antenna = lanes[random.nextInt(lanes.length)];
        Pass pass = new Pass(state.nextMs, state.epc, state.tid, graph.ids[node], graph.readers[node], antenna,
                antenna + 1, state.durationMs, TagProfile.VEHICLE);
        if (state.clone) {
            anomalies.accept(new Anomaly(state.nextMs, Anomaly.CLONED_PLATE, state.epc, graph.ids[node],
                    "copied EPC on another chip, TID " + state.tid));
        } else if (state.stolen) {
            anomalies.accept(new Anomaly(state.nextMs, Anomaly.STOLEN_VEHICLE, state.epc, graph.ids[node],
                    "vehicle reported stolen"));
        }
        return pass;
    }

    /** Drive on to a neighbour (not straight back unless it is a dead end), or end the trip and park. */
    private void advance(VehicleState state) {
        if (state.hopsLeft <= 0) {
            startTrip(state, DayProfile.nextDeparture(startOfDayMs + state.nextMs, random) - startOfDayMs);
            return;
        }
        hop(state, state.nextMs);
        state.hopsLeft--;
    }

    private void startTrip(VehicleState state, long departureMs) {
        state.previous = -1;
        state.hopsLeft = 1 + random.nextInt(7);
        hop(state, departureMs);
    }

    private void hop(VehicleState state, long fromMs) {
        int[] options = graph.neighbours[state.node];
        int choice = random.nextInt(options.length);
        if (options.length > 1 && options[choice] == state.previous) {
            choice = (choice + 1) % options.length;
        }
        double kmh = DayProfile.speedKmh(startOfDayMs + fromMs, random);
        long travelMs = Math.max(30_000L, Math.round(graph.linkMetres[state.node][choice] / (kmh / 3.6) * 1000));
        state.previous = state.node;
        state.node = options[choice];
        state.nextMs = fromMs + travelMs;
        state.durationMs = zoneMs(kmh);
    }

    private static int zoneMs(double kmh) {
        return (int) Math.round(READ_ZONE_METRES / (kmh / 3.6) * 1000);
    }
}
