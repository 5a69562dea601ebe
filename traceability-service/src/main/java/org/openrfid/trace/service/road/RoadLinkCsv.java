package org.openrfid.trace.service.road;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.platform.web.csv.CsvImport;
import org.openrfid.trace.service.platform.web.csv.CsvProblem;
import org.openrfid.trace.service.platform.web.csv.CsvRow;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Road link files in the sample-data format {@code from,to,distance_m} ({@code world/road-links.csv}):
 * rows replace by location pair (either order); both ends must be registered locations; a pair may
 * appear once per file. All or nothing, like every registry import.
 */
public class RoadLinkCsv {

    public static final List<String> COLUMNS = List.of("from", "to", "distance_m");

    private final RoadLinks links;
    private final Locations locations;
    private final CsvImport<RoadLink> imports;

    public RoadLinkCsv(RoadLinks links, Locations locations, TransactionTemplate tx) {
        this.links = links;
        this.locations = locations;
        this.imports = new CsvImport<>("road link", COLUMNS, List.of(), tx);
    }

    public record ImportResult(long rows) {
    }

    public ImportResult importFile(Reader in) {
        Map<String, Long> pairs = new HashMap<>();
        Map<String, List<Long>> ends = new LinkedHashMap<>();
        long rows = imports.run(in, row -> parse(row, pairs, ends), links::save, () -> {
            // Checked once per distinct location, after the file: a few hundred look-ups, not one per line.
            List<CsvProblem> problems = new ArrayList<>();
            ends.forEach((id, lines) -> {
                if (locations.find(id).isEmpty()) {
                    lines.forEach(line -> problems.add(new CsvProblem(line, null, "location " + id + " is not registered")));
                }
            });
            problems.sort((a, b) -> Long.compare(a.line(), b.line()));
            return problems;
        });
        return new ImportResult(rows);
    }

    static RoadLink parse(CsvRow row, Map<String, Long> pairs, Map<String, List<Long>> ends) {
        String from = row.field("from", v -> RoadLink.locationId(null, v));
        String to = row.field("to", v -> RoadLink.locationId(null, v));
        Double metres = row.field("distance_m", RoadLinkCsv::metres);
        if (row.failed()) {
            return null;
        }
        RoadLink link;
        try {
            link = new RoadLink(from, to, metres);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            int colon = m.indexOf(": ");
            row.problem(colon > 0 ? m.substring(0, colon) : null, colon > 0 ? m.substring(colon + 2) : m);
            return null;
        }
        Long earlier = pairs.putIfAbsent(RoadNetwork.pair(link.from(), link.to()), row.line());
        if (earlier != null) {
            row.problem("to", "the link " + link.from() + " – " + link.to() + " appears on line " + earlier + " already");
            return null;
        }
        ends.computeIfAbsent(link.from(), k -> new ArrayList<>()).add(row.line());
        ends.computeIfAbsent(link.to(), k -> new ArrayList<>()).add(row.line());
        return link;
    }

    static Double metres(String text) {
        if (text == null) {
            throw new IllegalArgumentException("is required");
        }
        try {
            double d = Double.parseDouble(text.trim());
            if (!(d > 0 && d <= RoadLink.MAX_DISTANCE_M)) {
                throw new IllegalArgumentException(text + " is not a distance in metres (0 < d <= " + (long) RoadLink.MAX_DISTANCE_M + ")");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number of metres");
        }
    }
}
