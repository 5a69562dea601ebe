package org.openrfid.trace.service.location;

import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;
import org.openrfid.trace.service.platform.web.csv.CsvExport;
import org.openrfid.trace.service.platform.web.csv.CsvImport;
import org.openrfid.trace.service.platform.web.csv.CsvProblem;
import org.openrfid.trace.service.platform.web.csv.CsvReading;
import org.openrfid.trace.service.platform.web.csv.CsvRow;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Location files in the sample-data format {@code id,name,kind,lat,lon,parent}, with an optional
 * {@code wkt} column for areas (a WKT Point, Polygon or MultiPolygon in lon/lat order; lat and lon
 * may then be empty, or must be the area's representative point, as export writes them). Rows
 * replace by id. A parent must be in the file or already registered.
 */
public class LocationCsv {

    public static final List<String> COLUMNS = List.of("id", "name", "kind", "lat", "lon", "parent");
    public static final String WKT = "wkt";

    private final Locations locations;
    private final CsvImport<Location> imports;

    public LocationCsv(Locations locations, TransactionTemplate tx) {
        this.locations = locations;
        this.imports = new CsvImport<>("location", COLUMNS, List.of(WKT), tx);
    }

    public record ImportResult(long rows) {
    }

    private record ParentRef(long line, String parent) {
    }

    public ImportResult importFile(Reader in) {
        Set<String> ids = new HashSet<>();
        List<ParentRef> parents = new ArrayList<>();
        // Parents may come later in the file than their children: checked once the file is read.
        long rows = imports.run(in, row -> parse(row, ids, parents), locations::save, () -> {
            List<CsvProblem> problems = new ArrayList<>();
            for (ParentRef ref : parents) {
                if (!ids.contains(ref.parent()) && locations.find(ref.parent()).isEmpty()) {
                    problems.add(new CsvProblem(ref.line(), "parent", "location " + ref.parent() + " is neither in the file nor registered"));
                }
            }
            return problems;
        });
        return new ImportResult(rows);
    }

    static Location parse(CsvRow row, Set<String> ids, List<ParentRef> parents) {
        String id = row.field("id", LocationFields::id);
        String name = row.field("name", v -> v == null ? null : CsvReading.text(200).apply(v));
        String kind = row.field("kind", LocationFields::kind);
        boolean hasShape = row.raw(WKT) != null;
        Double lat = row.field("lat", v -> v == null && hasShape ? null : LocationFields.coordinate(v, 90));
        Double lon = row.field("lon", v -> v == null && hasShape ? null : LocationFields.coordinate(v, 180));
        Geometry shape = hasShape ? row.field(WKT, v -> withoutField(() -> Shapes.parse(v, WKT, Shapes.LOCATION_TYPES))) : null;
        String parent = row.field("parent", v -> v == null ? null : LocationFields.id(v));
        if (id != null && !ids.add(id)) {
            row.problem("id", "location " + id + " appears on an earlier line");
        }
        if (id != null && id.equals(parent)) {
            row.problem("parent", "a location cannot be its own parent");
        }
        if (row.failed()) {
            return null;
        }
        Location location;
        try {
            location = LocationFields.located(id, name, kind, lat, lon, shape, parent, WKT);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int colon = message.indexOf(": ");
            row.problem(colon > 0 ? message.substring(0, colon) : null, colon > 0 ? message.substring(colon + 2) : message);
            return null;
        }
        if (parent != null) {
            parents.add(new ParentRef(row.line(), parent));
        }
        return location;
    }

    /** The shape checks name their field first; a CSV problem has the column apart. */
    private static <T> T withoutField(java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw new IllegalArgumentException(m.startsWith(WKT + ": ") ? m.substring(WKT.length() + 2) : m);
        }
    }

    public long exportFile(Writer out) {
        List<String> header = new ArrayList<>(COLUMNS);
        header.add(WKT);
        return CsvExport.write(out, header, (Location last) -> locations.page(last == null ? null : last.id(), CsvExport.PAGE),
                (page, records) -> {
                    for (Location l : page) {
                        records.print(l.id(), l.name(), l.kind(), String.format(Locale.ROOT, "%.6f", l.lat()),
                                String.format(Locale.ROOT, "%.6f", l.lon()), l.parent() == null ? "" : l.parent(),
                                l.isArea() ? new WKTWriter().write(l.shape()) : "");
                    }
                });
    }
}
