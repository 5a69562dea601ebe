package org.openrfid.trace.sampledata.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openrfid.trace.sampledata.world.DemoWorld;
import org.openrfid.trace.sampledata.csv.Csv;
import org.openrfid.trace.sampledata.world.ReadPoint;

/** Parses generated CSV text back into values, the way a consumer of the files would. */
final class ScenarioFiles {
    private ScenarioFiles() {
    }

    static List<Read> reads(String scenario) {
        List<Read> reads = new ArrayList<>();
        String[] lines = scenario.split("\n");
        for (int i = 1; i < lines.length; i++) {
            List<String> f = Csv.parseLine(lines[i]);
            reads.add(new Read(Long.parseLong(f.get(0)), f.get(1), Integer.parseInt(f.get(2)), f.get(3), f.get(4),
                    tenths(f.get(5)), i));
        }
        return reads;
    }

    static List<PassageSummary> passages(String csv) {
        List<PassageSummary> passages = new ArrayList<>();
        String[] lines = csv.split("\n");
        for (int i = 1; i < lines.length; i++) {
            List<String> f = Csv.parseLine(lines[i]);
            passages.add(new PassageSummary(f.get(0), f.get(1), Long.parseLong(f.get(2)), Long.parseLong(f.get(3)),
                    Integer.parseInt(f.get(4)), tenths(f.get(5))));
        }
        return passages;
    }

    static int tenths(String dbm) {
        return (int) Math.round(Double.parseDouble(dbm) * 10);
    }

    static Map<String, String> readerLocations(DemoWorld world) {
        return world.readPoints().stream().collect(Collectors.toMap(ReadPoint::reader, ReadPoint::location, (a, b) -> a));
    }
}
