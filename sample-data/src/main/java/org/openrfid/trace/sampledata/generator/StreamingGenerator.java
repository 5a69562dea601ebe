package org.openrfid.trace.sampledata.generator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import org.openrfid.trace.sampledata.world.DemoFiles;
import org.openrfid.trace.sampledata.world.DemoWorld;
import org.openrfid.trace.sampledata.csv.AsciiRowWriter;
import org.openrfid.trace.sampledata.world.ReadPoint;
import org.openrfid.trace.sampledata.world.VehicleFactory;
import org.openrfid.trace.sampledata.world.WorldBuilder;

/**
 * Large data sets for load tests and benchmarks, and small exact scenarios for acceptance tests:
 * city traffic over the demo road graph, goods moving hub → bonded warehouse → port gate, library
 * visits and reader outages, streamed straight to CSV. Nothing grows with the number of rows: the
 * simulation holds one entry per vehicle, the flows the passes of shipments and visits under way,
 * the read stream only the reads of passes in progress, an outage one reader's buffer, and the
 * ground truth only presences that may still grow.
 */
public final class StreamingGenerator {
    private final DemoWorld world;
    private final RoadGraph graph;
    private final GeneratorOptions options;
    private final int[] played;

    public StreamingGenerator(DemoWorld world, GeneratorOptions options) {
        this.world = world;
        this.graph = RoadGraph.of(world);
        this.options = options;
        this.played = playedCheckpoints();
    }

    /** All checkpoints, or the N nearest the centre (the bridges and tunnels of Yuzhong first). */
    private int[] playedCheckpoints() {
        List<Integer> nodes = new ArrayList<>();
        for (int i = 0; i < graph.size(); i++) {
            nodes.add(i);
        }
        if (options.checkpoints() > 0) {
            nodes.sort(Comparator.comparingDouble(i -> graph.centreDistance[i]));
            nodes = nodes.subList(0, Math.min(options.checkpoints(), nodes.size()));
        }
        return nodes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Vehicle passes only (no goods or library), lazily; cloned-plate and stolen-vehicle labels go to {@code labels}. */
    public TrafficSimulation traffic(Consumer<Anomaly> labels) {
        boolean[] emit = new boolean[graph.size()];
        for (int node : played) {
            emit[node] = true;
        }
        IntPredicate emitAt = node -> emit[node];
        return new TrafficSimulation(graph, fleet(), options.vehicles(), options.clones(), options.seed(),
                options.startHour() * DayProfile.HOUR_MS, options.durationMs(), emitAt, labels);
    }

    /** Every pass of the run in (start, EPC, location) order; labels reach {@code labels} in offset order. */
    public Iterator<Pass> passes(Consumer<Anomaly> labels) {
        return merged(labels, options.mode() == GeneratorOptions.Mode.READS);
    }

    private MergedPasses merged(Consumer<Anomaly> out, boolean withOutages) {
        Labels labels = new Labels(out);
        List<Iterator<Pass>> sources = new ArrayList<>();
        sources.add(traffic(labels));
        if (options.flows().goodsEveryMs() > 0) {
            sources.add(new GoodsFlow(world, fleet(), options.vehicles(), options, labels));
        }
        if (options.flows().libraryVisitsPerHour() > 0) {
            sources.add(new LibraryFlow(world, options, labels));
        }
        return new MergedPasses(sources, labels, outageSchedule(withOutages));
    }

    /**
     * The reads as the simulator should play them, outages included, in offset order. Feed them to
     * {@link #groundTruth} for the passages they must produce.
     */
    public Iterator<Read> reads(Consumer<Anomaly> labels) {
        return new ReaderOutages(new ReadStream(merged(labels, true), synthesizer(), p -> { }), outageSchedule(true));
    }

    /** The streaming passage rule over this world's read points; call {@code finish()} after the last read. */
    public PassageTracker groundTruth(Consumer<PassageSummary> passages) {
        return new PassageTracker(readerLocations(world), passages);
    }

    /** Reader ids the run can produce reads for: the played checkpoints, then the goods and library gates. */
    public List<String> readers() {
        List<String> readers = new ArrayList<>();
        for (int node : played) {
            readers.add(graph.readers[node]);
        }
        if (options.flows().goodsEveryMs() > 0) {
            readers.addAll(List.of("rdr-" + GoodsFlow.HUB_DOOR, "rdr-" + GoodsFlow.BONDED_DOOR,
                    "rdr-" + WorldBuilder.PORT_GATE));
        }
        if (options.flows().libraryVisitsPerHour() > 0) {
            readers.addAll(List.of("rdr-" + LibraryFlow.GATE_1, "rdr-" + LibraryFlow.GATE_2));
        }
        return readers;
    }

    /** Reader id to location id from read-points.csv: every antenna of a reader covers one location. */
    public static Map<String, String> readerLocations(DemoWorld world) {
        Map<String, String> map = new LinkedHashMap<>();
        for (ReadPoint rp : world.readPoints()) {
            map.putIfAbsent(rp.reader(), rp.location());
        }
        return map;
    }

    public ReadSynthesizer synthesizer() {
        return new ReadSynthesizer(options.seed() ^ 0x5EADL);
    }

    private VehicleFactory fleet() {
        return new VehicleFactory(DemoFiles.WORLD_SEED);
    }

    /** Outages hit played checkpoints, where the traffic is; passages mode has no reads to hold back. */
    private ReaderOutages.Schedule outageSchedule(boolean withOutages) {
        List<String[]> readers = new ArrayList<>();
        for (int node : played) {
            readers.add(new String[] {graph.readers[node], graph.ids[node]});
        }
        long every = withOutages ? options.flows().outageEveryMs() : 0;
        return new ReaderOutages.Schedule(readers, every, options.flows().outageMs(), options.durationMs(),
                options.seed() ^ 0x0FF11EL);
    }

    /**
     * Passages mode writes passages.csv (each pass's summary: the passages without outages); reads
     * mode writes the scenario and its ground truth, the passages the 2-second rule makes of the
     * reads as played. The limit cuts at a pass boundary in reads mode, so the ground truth always
     * matches the reads.
     *
     * @param groundTruth used in reads mode only
     * @return rows written to {@code main}
     */
    public long write(AsciiRowWriter main, AsciiRowWriter groundTruth, AsciiRowWriter anomalies) {
        ScenarioCsv.header(anomalies, ScenarioCsv.ANOMALIES);
        Consumer<Anomaly> labels = a -> ScenarioCsv.anomaly(anomalies, a);
        long limit = options.limit() > 0 ? options.limit() : Long.MAX_VALUE;
        boolean readsMode = options.mode() == GeneratorOptions.Mode.READS;
        MergedPasses passes = merged(labels, readsMode);
        ReadSynthesizer synthesizer = synthesizer();
        long rows = 0;
        long lastStart = 0;
        if (!readsMode) {
            ScenarioCsv.header(main, ScenarioCsv.PASSAGES);
            while (rows < limit && passes.hasNext()) {
                Pass pass = passes.next();
                lastStart = pass.startMs();
                ScenarioCsv.passage(main, synthesizer.expand(pass, read -> { }));
                rows++;
            }
            passes.endAt(lastStart);
            return rows;
        }
        ScenarioCsv.header(main, ScenarioCsv.SCENARIO);
        ScenarioCsv.header(groundTruth, ScenarioCsv.PASSAGES);
        long[] written = {0};
        long[] last = {0};
        Iterator<Pass> limited = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return written[0] < limit && passes.hasNext();
            }

            @Override
            public Pass next() {
                Pass pass = passes.next();
                last[0] = pass.startMs();
                return pass;
            }
        };
        Iterator<Read> reads = new ReaderOutages(new ReadStream(limited, synthesizer, p -> { }), outageSchedule(true));
        PassageTracker truth = groundTruth(p -> ScenarioCsv.passage(groundTruth, p));
        while (reads.hasNext()) {
            Read read = reads.next();
            ScenarioCsv.read(main, read);
            truth.accept(read);
            written[0]++;
        }
        truth.finish();
        passes.endAt(last[0]);
        return written[0];
    }
}
