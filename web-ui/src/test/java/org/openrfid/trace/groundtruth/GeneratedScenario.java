package org.openrfid.trace.groundtruth;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrfid.trace.reader.simulator.Scenario;
import org.openrfid.trace.service.readerfleet.ReaderDefinition;
import org.openrfid.trace.sampledata.world.DemoWorld;
import org.openrfid.trace.sampledata.csv.AsciiRowWriter;
import org.openrfid.trace.sampledata.generator.GeneratorOptions;
import org.openrfid.trace.sampledata.generator.StreamingGenerator;
import org.openrfid.trace.sampledata.world.ReadPoint;

/**
 * A scenario made by the sample-data generator, taken through its files exactly as a user would:
 * scenario.csv parsed by the simulator's own parser, ground-truth-passages.csv and anomalies.csv
 * parsed here.
 *
 * @param readers   every reader the run can produce reads for, with its antennas from read-points.csv
 * @param expected  the ground-truth passages
 * @param anomalyKinds the labelled anomaly kinds, one entry per label
 */
record GeneratedScenario(Scenario scenario, Map<String, List<ReaderDefinition.Antenna>> readers,
                         List<ObservedPassage> expected, List<String> anomalyKinds) {

    static GeneratedScenario generate(GeneratorOptions options) {
        DemoWorld world = DemoWorld.load();
        StreamingGenerator generator = new StreamingGenerator(world, options);
        ByteArrayOutputStream scenario = new ByteArrayOutputStream();
        ByteArrayOutputStream truth = new ByteArrayOutputStream();
        ByteArrayOutputStream labels = new ByteArrayOutputStream();
        try (AsciiRowWriter s = new AsciiRowWriter(scenario); AsciiRowWriter t = new AsciiRowWriter(truth);
             AsciiRowWriter l = new AsciiRowWriter(labels)) {
            generator.write(s, t, l);
        }
        Map<String, List<ReaderDefinition.Antenna>> readers = new LinkedHashMap<>();
        for (String reader : generator.readers()) {
            readers.put(reader, new ArrayList<>());
        }
        for (ReadPoint rp : world.readPoints()) {
            List<ReaderDefinition.Antenna> antennas = readers.get(rp.reader());
            if (antennas != null) {
                antennas.add(new ReaderDefinition.Antenna(rp.antenna(), rp.location(), rp.direction(),
                        rp.lane() == null ? 0 : rp.lane()));
            }
        }
        return new GeneratedScenario(
                Scenario.parse(new StringReader(scenario.toString(StandardCharsets.US_ASCII))),
                readers,
                groundTruth(truth.toString(StandardCharsets.US_ASCII)),
                labels.toString(StandardCharsets.US_ASCII).lines().skip(1).map(line -> line.split(",", 3)[1]).toList());
    }

    /** ground-truth-passages.csv: epc,location,first_seen_offset_ms,last_seen_offset_ms,reads,peak_rssi_dbm (never quoted). */
    private static List<ObservedPassage> groundTruth(String csv) {
        return csv.lines().skip(1).map(line -> {
            String[] f = line.split(",");
            return new ObservedPassage(f[0], f[1], Long.parseLong(f[2]) * 1_000, Long.parseLong(f[3]) * 1_000,
                    Integer.parseInt(f[4]), (int) Math.round(Double.parseDouble(f[5]) * 10));
        }).toList();
    }
}
