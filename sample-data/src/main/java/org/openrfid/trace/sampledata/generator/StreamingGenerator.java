package org.openrfid.trace.sampledata.generator;

import java.util.Iterator;
import org.openrfid.trace.sampledata.DemoFiles;
import org.openrfid.trace.sampledata.csv.AsciiRowWriter;
import org.openrfid.trace.sampledata.world.VehicleFactory;

/**
 * Large data sets for load tests and benchmarks: city traffic over the demo road graph, streamed
 * straight to CSV. Nothing grows with the number of rows: the simulation holds one entry per vehicle
 * and the read stream only the reads of passes in progress.
 */
public final class StreamingGenerator {
    private final RoadGraph graph;
    private final GeneratorOptions options;

    public StreamingGenerator(RoadGraph graph, GeneratorOptions options) {
        this.graph = graph;
        this.options = options;
    }

    /** The passes of the run, lazily; anomalies go to {@code labels} as their passes are produced. */
    public TrafficSimulation passes(java.util.function.Consumer<Anomaly> labels) {
        return new TrafficSimulation(graph, new VehicleFactory(DemoFiles.WORLD_SEED), options.vehicles(), options.clones(),
                options.seed(), options.startHour() * DayProfile.HOUR_MS, options.durationMs(), node -> true, labels);
    }

    public ReadSynthesizer synthesizer() {
        return new ReadSynthesizer(options.seed() ^ 0x5EADL);
    }

    /**
     * Passages mode writes passages.csv; reads mode writes the scenario and its ground truth. The
     * limit cuts at a pass boundary in reads mode, so the ground truth always matches the reads.
     *
     * @param groundTruth used in reads mode only
     * @return rows written to {@code main}
     */
    public long write(AsciiRowWriter main, AsciiRowWriter groundTruth, AsciiRowWriter anomalies) {
        ScenarioCsv.header(anomalies, ScenarioCsv.ANOMALIES);
        TrafficSimulation passes = passes(a -> ScenarioCsv.anomaly(anomalies, a));
        ReadSynthesizer synthesizer = synthesizer();
        long limit = options.limit() > 0 ? options.limit() : Long.MAX_VALUE;
        long rows = 0;
        if (options.mode() == GeneratorOptions.Mode.PASSAGES) {
            ScenarioCsv.header(main, ScenarioCsv.PASSAGES);
            while (rows < limit && passes.hasNext()) {
                ScenarioCsv.passage(main, synthesizer.expand(passes.next(), read -> { }));
                rows++;
            }
            return rows;
        }
        ScenarioCsv.header(main, ScenarioCsv.SCENARIO);
        ScenarioCsv.header(groundTruth, ScenarioCsv.PASSAGES);
        long[] written = {0};
        Iterator<Pass> limited = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return written[0] < limit && passes.hasNext();
            }

            @Override
            public Pass next() {
                return passes.next();
            }
        };
        ReadStream reads = new ReadStream(limited, synthesizer, p -> ScenarioCsv.passage(groundTruth, p));
        while (reads.hasNext()) {
            ScenarioCsv.read(main, reads.next());
            written[0]++;
        }
        return written[0];
    }
}
