package org.openrfid.trace.sampledata.generator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.openrfid.trace.sampledata.world.DemoWorld;
import org.openrfid.trace.sampledata.world.Aggregation;
import org.openrfid.trace.sampledata.world.Consignment;
import org.openrfid.trace.sampledata.world.Pallet;
import org.openrfid.trace.sampledata.world.Vehicle;
import org.openrfid.trace.sampledata.world.VehicleFactory;
import org.openrfid.trace.sampledata.world.WorldBuilder;

/**
 * Consignments leaving the logistics hub one after another, cycling through the world's
 * consignments: up to four pallets (with their cases) out through hub dock door 1, one leg later in
 * through dock door 2 of the bonded warehouse, another leg later out through the port gate on a
 * truck. A consignment on customs hold does the same, and its pallets leaving through the port gate
 * are labelled {@link Anomaly#CUSTOMS_HOLD_EXIT}.
 *
 * <p>Memory: a shipment is planned only when the stream reaches its departure, so the queue holds
 * the passes of the shipments still under way (about two legs' worth), whatever the run length.
 */
final class GoodsFlow implements Iterator<Pass> {
    static final String HUB_DOOR = WorldBuilder.LOGISTICS_HUB + "-D01";
    static final String BONDED_DOOR = WorldBuilder.BONDED_WAREHOUSE + "-D02";
    private static final int MAX_PALLETS = 4;

    private record Scheduled(Pass pass, List<Anomaly> labels) {
    }

    private final List<Consignment> consignments;
    private final Map<String, List<Pallet>> palletsByConsignment = new HashMap<>();
    private final Map<String, List<String>> casesByPallet = new HashMap<>();
    private final VehicleFactory fleet;
    private final int fleetSize;
    private final long everyMs;
    private final long legMs;
    private final long durationMs;
    private final Consumer<Anomaly> labels;
    private final SplittableRandom random;
    private final long seed;
    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>(
            Comparator.comparing(Scheduled::pass, MergedPasses.ORDER));
    private long shipment;

    GoodsFlow(DemoWorld world, VehicleFactory fleet, int fleetSize, GeneratorOptions options, Consumer<Anomaly> labels) {
        this.consignments = world.consignments();
        for (Pallet p : world.pallets()) {
            palletsByConsignment.computeIfAbsent(p.consignment(), c -> new ArrayList<>()).add(p);
        }
        for (Aggregation a : world.aggregation()) {
            if (a.level().equals(Aggregation.PALLET_CASE)) {
                casesByPallet.computeIfAbsent(a.parent(), p -> new ArrayList<>()).add(a.child());
            }
        }
        this.fleet = fleet;
        this.fleetSize = fleetSize;
        this.everyMs = options.flows().goodsEveryMs();
        this.legMs = Math.max(options.flows().goodsLegMs(), 10_000L);
        this.durationMs = options.durationMs();
        this.labels = labels;
        this.random = new SplittableRandom(options.seed() ^ 0x600D5L);
        this.seed = options.seed();
    }

    @Override
    public boolean hasNext() {
        while (everyMs > 0 && departure() < durationMs && (queue.isEmpty() || queue.peek().pass().startMs() >= departure())) {
            plan(shipment++);
        }
        return !queue.isEmpty();
    }

    @Override
    public Pass next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Scheduled s = queue.poll();
        s.labels().forEach(labels);
        return s.pass();
    }

    private long departure() {
        return departure(shipment);
    }

    private long departure(long k) {
        return everyMs / 8 + k * everyMs;
    }

    private void plan(long k) {
        long departure = departure(k);
        // The seed picks which consignment goes first, so a short scenario can start with a held one.
        Consignment consignment = consignments.get((int) ((k + Math.floorMod(seed, consignments.size())) % consignments.size()));
        List<Pallet> all = palletsByConsignment.getOrDefault(consignment.id(), List.of());
        List<Pallet> pallets = all.subList(0, Math.min(MAX_PALLETS, all.size()));
        // Forklift moves: pallets a few seconds apart, all out of the door well within one leg.
        long gapMs = Math.max(2_500L, Math.min(25_000L, legMs / (MAX_PALLETS + 1)));
        for (int p = 0; p < pallets.size(); p++) {
            palletThrough(pallets.get(p), HUB_DOOR, 1, departure + p * gapMs, 3_000);
            palletThrough(pallets.get(p), BONDED_DOOR, 1, departure + legMs + p * gapMs, 3_000);
        }
        long gate = departure + 2 * legMs + pallets.size() * gapMs;
        if (gate >= durationMs) {
            return;
        }
        int lane = 5 + 2 * (int) (k % 2); // the two outbound lanes
        long truck = activeTruck(k);
        String reader = "rdr-" + WorldBuilder.PORT_GATE;
        // Held pallets are labelled on the truck's pass: it is first through the gate, so labels stay in offset order.
        List<Anomaly> held = new ArrayList<>();
        for (Pallet pallet : pallets) {
            if (consignment.customsStatus().equals(Consignment.HOLD)) {
                held.add(new Anomaly(gate, Anomaly.CUSTOMS_HOLD_EXIT, pallet.epc(), WorldBuilder.PORT_GATE, "pallet SSCC "
                        + pallet.sscc() + " of " + consignment.id() + " (customs hold) leaving on truck EPC " + fleet.epc(truck)));
            }
            palletThrough(pallet, WorldBuilder.PORT_GATE, lane, gate + 500 + random.nextInt(1_000), 5_000);
        }
        queue.add(new Scheduled(new Pass(gate, fleet.epc(truck), fleet.tid(truck), WorldBuilder.PORT_GATE, reader, lane,
                lane + 1, 6_500, TagProfile.VEHICLE), held));
    }

    /**
     * A fleet vehicle in good standing: a stolen truck at the port gate would be an unlabelled anomaly.
     * About 96 % of vehicles are active, so the search ends after a step or two.
     */
    private long activeTruck(long k) {
        long index = Math.floorMod(k * 7_919L + 13, Math.max(1, fleetSize));
        while (!fleet.status(index).equals(Vehicle.ACTIVE)) {
            index++;
        }
        return index;
    }

    /** Case tags start being read a little after the pallet label, as the forklift turns into the door. */
    private void palletThrough(Pallet pallet, String location, int antenna, long startMs, int durationMs) {
        if (startMs >= this.durationMs) {
            return;
        }
        String reader = "rdr-" + location;
        add(new Pass(startMs, pallet.epc(), "", location, reader, antenna, antenna + 1, durationMs, TagProfile.PALLET));
        for (String caseEpc : casesByPallet.getOrDefault(pallet.epc(), List.of())) {
            add(new Pass(startMs + random.nextInt(400), caseEpc, "", location, reader, antenna, antenna + 1, durationMs,
                    TagProfile.GOODS_CASE));
        }
    }

    private void add(Pass pass) {
        queue.add(new Scheduled(pass, List.of()));
    }
}
