package org.openrfid.trace.service.logistics;

import java.io.Reader;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openrfid.trace.service.platform.web.csv.CsvExport;
import org.openrfid.trace.service.platform.web.csv.CsvImport;
import org.openrfid.trace.service.platform.web.csv.CsvRow;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Expected shipment files {@code id,dock_door,expected_from,expected_to,ssccs,sgtins}: ISO-8601 instants,
 * lists separated by {@code ;}, SGTINs as EPC hex or pure-identity URIs. All or nothing.
 */
public class ShipmentCsv {

    public static final List<String> COLUMNS = List.of("id", "dock_door", "expected_from", "expected_to", "ssccs", "sgtins");

    /** Counts of one import. */
    public record ImportResult(long rows, long created, long updated) {
    }

    private final Shipments shipments;
    private final CsvImport<Shipment> imports;

    public ShipmentCsv(Shipments shipments, TransactionTemplate tx) {
        this.shipments = shipments;
        this.imports = new CsvImport<>("shipment", COLUMNS, List.of(), tx);
    }

    public ImportResult importFile(Reader in) {
        long[] counts = new long[2];
        Set<String> ids = new HashSet<>();
        long rows = imports.run(in, row -> parse(row, ids), batch -> {
            for (Shipment s : batch) {
                counts[shipments.find(s.id()).isPresent() ? 1 : 0]++;
                shipments.save(s);
            }
        });
        return new ImportResult(rows, counts[0], counts[1]);
    }

    private static Shipment parse(CsvRow row, Set<String> ids) {
        Instant from = row.field("expected_from", v -> instant("expected_from", v));
        Instant to = row.field("expected_to", v -> instant("expected_to", v));
        if (from == null || to == null) {
            return null;
        }
        Shipment s;
        try {
            s = new Shipment(row.raw("id"), row.raw("dock_door"), from, to, list(row.raw("ssccs")), list(row.raw("sgtins")));
        } catch (IllegalArgumentException e) {
            String field = e.getMessage() == null || e.getMessage().indexOf(':') < 0 ? "id" : e.getMessage().substring(0, e.getMessage().indexOf(':'));
            row.problem(COLUMNS.contains(field) ? field : "id", e.getMessage());
            return null;
        }
        if (!ids.add(s.id())) {
            row.problem("id", "shipment " + s.id() + " appears on an earlier line");
        }
        return row.failed() ? null : s;
    }

    public long exportFile(Writer out) {
        return CsvExport.write(out, COLUMNS, (Shipment last) -> shipments.page(last == null ? null : last.id(), null, CsvExport.PAGE),
                (page, records) -> {
                    for (Shipment s : page) {
                        records.print(s.id(), s.dockDoor(), s.expectedFrom().toString(), s.expectedTo().toString(), String.join(";", s.ssccs()),
                                String.join(";", s.sgtins()));
                    }
                });
    }

    static Instant instant(String column, String v) {
        if (v == null) {
            throw new IllegalArgumentException(column + " is required");
        }
        try {
            return Instant.parse(v.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + v + "' is not an ISO-8601 instant such as 2025-06-02T08:00:00Z");
        }
    }

    static List<String> list(String field) {
        return field == null ? List.of() : Arrays.stream(field.split(";")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }
}
