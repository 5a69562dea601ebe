package org.openrfid.trace.service.customs;

import java.io.Reader;
import java.io.Writer;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openrfid.trace.service.platform.web.csv.CsvExport;
import org.openrfid.trace.service.platform.web.csv.CsvImport;
import org.openrfid.trace.service.platform.web.csv.CsvRow;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Declaration files {@code number,consignment,container,truck_plate,status,epcs,ssccs,gtins} (optional
 * {@code hold_reason}): lists are separated by {@code ;}, GTIN lines are {@code gtin:quantity}. A row
 * with status HELD holds the declaration (its {@code hold_reason} is required) unless it is held
 * already; RELEASED only repeats a release made before. All or nothing, like every registry import.
 */
public class DeclarationCsv {

    public static final List<String> COLUMNS = List.of("number", "consignment", "container", "truck_plate", "status", "epcs", "ssccs", "gtins");
    public static final List<String> OPTIONAL = List.of("hold_reason");
    static final List<String> EXPORT = List.of("number", "consignment", "container", "truck_plate", "status", "epcs", "ssccs", "gtins",
            "hold_reason");

    /** Counts of one import. */
    public record ImportResult(long rows, long created, long updated, long held) {
    }

    private record Row(Declaration declaration, String holdReason) {
    }

    private final Declarations declarations;
    private final CustomsDesk desk;
    private final CsvImport<Row> imports;
    private final Clock clock;

    public DeclarationCsv(Declarations declarations, CustomsDesk desk, TransactionTemplate tx, Clock clock) {
        this.declarations = declarations;
        this.desk = desk;
        this.imports = new CsvImport<>("declaration", COLUMNS, OPTIONAL, tx);
        this.clock = clock;
    }

    public ImportResult importFile(Reader in, String actor) {
        long[] counts = new long[3];
        Set<String> numbers = new HashSet<>();
        long rows = imports.run(in, row -> parse(row, numbers), batch -> write(batch, actor, counts));
        return new ImportResult(rows, counts[0], counts[1], counts[2]);
    }

    private Row parse(CsvRow row, Set<String> numbers) {
        DeclarationStatus status = row.field("status", v -> v == null ? DeclarationStatus.DECLARED : DeclarationStatus.parse(v));
        List<String> epcs = list(row.raw("epcs"));
        List<String> ssccs = list(row.raw("ssccs"));
        List<GtinQuantity> gtins = row.field("gtins", v -> list(v).stream().map(GtinQuantity::parse).toList());
        String reason = row.raw("hold_reason");
        if (status == null || gtins == null) {
            return null;
        }
        Declaration d;
        try {
            d = new Declaration(row.raw("number"), row.raw("consignment"), row.raw("container"), row.raw("truck_plate"), epcs, ssccs, gtins,
                    status, clock.instant());
        } catch (IllegalArgumentException e) {
            row.problem(column(e.getMessage()), e.getMessage());
            return null;
        }
        if (!numbers.add(d.number())) {
            row.problem("number", "declaration " + d.number() + " appears on an earlier line");
        }
        DeclarationStatus was = declarations.find(d.number()).map(Declaration::status).orElse(null);
        if (status == DeclarationStatus.HELD && was != DeclarationStatus.HELD && (reason == null || reason.isBlank())) {
            row.problem("hold_reason", "a HELD declaration needs the reason of its hold");
        }
        if (status == DeclarationStatus.RELEASED && was != DeclarationStatus.RELEASED) {
            row.problem("status", "RELEASED is set by POST /api/v1/customs/declarations/" + d.number() + "/release with a reason");
        }
        if (was == DeclarationStatus.HELD && status != DeclarationStatus.HELD) {
            row.problem("status", "declaration " + d.number() + " is held: release it before setting " + status);
        }
        return row.failed() ? null : new Row(d, reason);
    }

    private void write(List<Row> batch, String actor, long[] counts) {
        for (Row r : batch) {
            Declaration d = r.declaration();
            DeclarationStatus was = declarations.find(d.number()).map(Declaration::status).orElse(null);
            counts[was == null ? 0 : 1]++;
            boolean hold = d.status() == DeclarationStatus.HELD && was != DeclarationStatus.HELD;
            desk.declare(hold ? d.withStatus(was == null ? DeclarationStatus.DECLARED : was) : d, actor);
            if (hold) {
                desk.hold(d.number(), r.holdReason(), actor);
                counts[2]++;
            }
        }
    }

    /** Every declaration in number order, in the import format; a held one with the reason of its last hold. */
    public long exportFile(Writer out) {
        return CsvExport.write(out, EXPORT, (Declaration last) -> declarations.page(last == null ? null : last.number(), null, CsvExport.PAGE),
                (page, records) -> {
                    for (Declaration d : page) {
                        records.print(d.number(), nz(d.consignment()), nz(d.container()), nz(d.truckPlate()), d.status().name(),
                                String.join(";", d.epcs()), String.join(";", d.ssccs()),
                                String.join(";", d.gtins().stream().map(GtinQuantity::toString).toList()),
                                d.status() == DeclarationStatus.HELD ? lastHoldReason(d.number()) : "");
                    }
                });
    }

    private String lastHoldReason(String number) {
        String reason = "";
        long after = 0;
        List<DeclarationEvent> page;
        do {
            page = declarations.history(number, after, 500);
            for (DeclarationEvent e : page) {
                if (e.kind().equals("HOLD")) {
                    int cut = e.detail().lastIndexOf(" (");
                    reason = cut > 0 ? e.detail().substring(0, cut) : e.detail();
                }
                after = e.id();
            }
        } while (page.size() == 500);
        return reason;
    }

    static List<String> list(String field) {
        return field == null ? List.of() : Arrays.stream(field.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The column a value problem is about: {@link Declaration} puts the field's name in front. */
    private static String column(String message) {
        String field = message == null || message.indexOf(':') < 0 ? "" : message.substring(0, message.indexOf(':'));
        return COLUMNS.contains(field) ? field : "number";
    }
}
