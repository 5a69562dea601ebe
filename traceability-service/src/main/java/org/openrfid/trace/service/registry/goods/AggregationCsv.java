package org.openrfid.trace.service.registry.goods;

import org.openrfid.trace.service.registry.binding.TagBinder;
import java.io.Reader;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openrfid.trace.identity.EpcInput;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.TagBinding;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.platform.web.csv.CsvExport;
import org.openrfid.trace.service.platform.web.csv.CsvImport;
import org.openrfid.trace.service.platform.web.csv.CsvRow;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Aggregation files in the sample-data format {@code parent,child,level} (optional {@code from}: ISO
 * instant or date the child went in). Levels: {@code pallet_case} (parent a pallet's EPC or SSCC, child
 * a case's EPC) and {@code container_pallet} (parent an ISO 6346 container number, child a pallet's EPC
 * or SSCC). EPCs are resolved to objects through the tag bindings valid at import time, so import goods
 * and pallets first. With no {@code from}, a child's first aggregation holds from the start of the
 * record; a move holds from the moment of import, closing the old interval.
 */
public class AggregationCsv {

    public static final List<String> COLUMNS = List.of("parent", "child", "level");
    public static final List<String> OPTIONAL = List.of("from");
    static final List<String> EXPORT = List.of("parent", "child", "level", "from");

    private final Aggregations aggregations;
    private final TagBindings bindings;
    private final CsvImport<Row> imports;
    private final Clock clock;

    public AggregationCsv(Aggregations aggregations, TagBindings bindings, TransactionTemplate tx, Clock clock) {
        this.aggregations = aggregations;
        this.bindings = bindings;
        this.imports = new CsvImport<>("aggregation", COLUMNS, OPTIONAL, tx);
        this.clock = clock;
    }

    private record Row(NewAggregation aggregation, boolean explicitFrom) {
    }

    public ImportCounts importFile(Reader in) {
        Instant now = clock.instant();
        long[] counts = new long[1];
        Set<String> children = new HashSet<>();
        long rows = imports.run(in, row -> parse(row, now, children), batch -> write(batch, now, counts));
        return new ImportCounts(rows, counts[0], 0, counts[0]);
    }

    private Row parse(CsvRow row, Instant now, Set<String> children) {
        String level = row.field("level", v -> {
            String l = GoodsFields.required(v).toLowerCase(Locale.ROOT);
            if (!l.equals("pallet_case") && !l.equals("container_pallet")) {
                throw new IllegalArgumentException("'" + v + "' is not a level (pallet_case, container_pallet)");
            }
            return l;
        });
        Instant from = row.field("from", TagBinder::instant);
        if (level == null) {
            return null;
        }
        boolean containers = level.equals("container_pallet");
        UnitKind parentKind = containers ? UnitKind.CONTAINER : UnitKind.PALLET;
        UnitKind childKind = containers ? UnitKind.PALLET : UnitKind.GOODS;
        String parent = row.field("parent", v -> containers ? GoodsFields.containerNumber(v) : resolve(v, UnitKind.PALLET, now));
        String child = row.field("child", v -> resolve(v, childKind, now));
        if (child != null && !children.add(childKind + "/" + child)) {
            row.problem("child", "this child appears on an earlier line");
        }
        if (row.failed()) {
            return null;
        }
        return new Row(new NewAggregation(parentKind, parent, childKind, child, from == null ? Instant.EPOCH : from), from != null);
    }

    /** The object id of a unit named by EPC (any form) or, for pallets, by SSCC. */
    private String resolve(String text, UnitKind kind, Instant now) {
        String v = GoodsFields.required(text);
        if (kind == UnitKind.PALLET && v.matches("[0-9]{18}")) {
            return GoodsFields.sscc(v);
        }
        String hex = EpcInput.parse(v).toHex();
        Optional<TagBinding> b = bindings.at(hex, now);
        if (b.isEmpty()) {
            throw new IllegalArgumentException("EPC " + hex + " is not bound to any object; import the " + kind.name().toLowerCase(Locale.ROOT) + " file first");
        }
        if (b.get().kind() != kind.objectKind()) {
            throw new IllegalArgumentException("EPC " + hex + " is bound to " + b.get().kind() + " " + b.get().objectId() + ", not to a " + kind);
        }
        return b.get().objectId();
    }

    private void write(List<Row> batch, Instant now, long[] counts) {
        Map<UnitKind, List<String>> implicit = new HashMap<>();
        for (Row r : batch) {
            if (!r.explicitFrom()) {
                implicit.computeIfAbsent(r.aggregation().childKind(), k -> new ArrayList<>()).add(r.aggregation().childId());
            }
        }
        Map<UnitKind, Set<String>> ever = new HashMap<>();
        implicit.forEach((kind, ids) -> ever.put(kind, aggregations.everAggregated(kind, ids)));
        List<NewAggregation> list = new ArrayList<>(batch.size());
        for (Row r : batch) {
            NewAggregation a = r.aggregation();
            if (!r.explicitFrom() && ever.get(a.childKind()).contains(a.childId())) {
                a = new NewAggregation(a.parentKind(), a.parentId(), a.childKind(), a.childId(), now);
            }
            list.add(a);
        }
        counts[0] += aggregations.aggregate(list);
    }

    /** Writes every open aggregation in the import format, units named by their current EPC (SSCC or container number when untagged). */
    public long exportFile(Writer out) {
        return CsvExport.write(out, EXPORT, (Aggregation last) -> aggregations.page(last == null ? 0 : last.id(), CsvExport.PAGE),
                (page, records) -> {
                    for (Aggregation a : page) {
                        if (a.validTo() == null) {
                            records.print(name(a.parentKind(), a.parentId()), name(a.childKind(), a.childId()),
                                    a.parentKind() == UnitKind.CONTAINER ? "container_pallet" : "pallet_case", a.validFrom().toString());
                        }
                    }
                });
    }

    private String name(UnitKind kind, String id) {
        ObjectKind ok = kind.objectKind();
        if (ok == null) {
            return id;
        }
        TagBinding b = bindings.openOf(ok, List.of(id)).get(id);
        return b != null ? b.epcHex() : id;
    }
}
