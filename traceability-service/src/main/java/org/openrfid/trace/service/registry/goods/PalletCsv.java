package org.openrfid.trace.service.registry.goods;

import org.openrfid.trace.service.registry.binding.TagBinder;
import java.io.Reader;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openrfid.trace.identity.EpcInput;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.TagBinding;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.platform.web.csv.CsvExport;
import org.openrfid.trace.service.platform.web.csv.CsvImport;
import org.openrfid.trace.service.platform.web.csv.CsvProgress;
import org.openrfid.trace.service.platform.web.csv.CsvRow;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pallet files in the sample-data format {@code epc,uri,sscc,consignment} (optional {@code bound_from}).
 * Rows are matched by SSCC; the EPC, when given, must be that SSCC and is registered and bound to it.
 */
public class PalletCsv {

    public static final List<String> COLUMNS = List.of("sscc");
    public static final List<String> OPTIONAL = List.of("epc", "uri", "consignment", "bound_from");
    static final List<String> EXPORT = List.of("epc", "uri", "sscc", "consignment");

    private record Row(Pallet pallet, RawEpc epc, Instant boundFrom) {
    }

    private final Pallets pallets;
    private final TagBinder binder;
    private final TagBindings bindings;
    private final CsvImport<Row> imports;
    private final Clock clock;

    public PalletCsv(Pallets pallets, TagBinder binder, TagBindings bindings, TransactionTemplate tx, Clock clock) {
        this.pallets = pallets;
        this.binder = binder;
        this.bindings = bindings;
        this.imports = new CsvImport<>("pallet", COLUMNS, OPTIONAL, tx);
        this.clock = clock;
    }

    public ImportCounts importFile(Reader in) {
        return importFile(in, CsvProgress.NONE);
    }

    /** As {@link #importFile(Reader)}, telling {@code progress} how many rows are checked and written. */
    public ImportCounts importFile(Reader in, CsvProgress progress) {
        Instant now = clock.instant();
        long[] counts = new long[3];
        Set<String> ssccs = new HashSet<>();
        Set<String> epcs = new HashSet<>();
        long rows = imports.run(in, row -> parse(row, ssccs, epcs), batch -> write(batch, now, counts), progress);
        return new ImportCounts(rows, counts[0], counts[1], counts[2]);
    }

    private static Row parse(CsvRow row, Set<String> ssccs, Set<String> epcs) {
        String sscc = row.field("sscc", GoodsFields::sscc);
        String consignment = row.field("consignment", v -> GoodsFields.optionalText(v, 64));
        RawEpc epc = row.field("epc", v -> v == null ? null : EpcInput.parse(v));
        Instant boundFrom = row.field("bound_from", TagBinder::instant);
        if (sscc != null && epc != null) {
            row.field("epc", v -> {
                Gs1Epcs.checkSscc(epc, sscc);
                return null;
            });
        }
        if (sscc != null && !ssccs.add(sscc)) {
            row.problem("sscc", "SSCC " + sscc + " appears on an earlier line");
        }
        if (epc != null && !epcs.add(epc.toHex())) {
            row.problem("epc", "EPC " + epc.toHex() + " appears on an earlier line");
        }
        return row.failed() ? null : new Row(new Pallet(sscc, consignment), epc, boundFrom);
    }

    private void write(List<Row> batch, Instant now, long[] counts) {
        Set<String> existing = pallets.existing(batch.stream().map(r -> r.pallet().sscc()).toList());
        List<TagBinder.Request> requests = new ArrayList<>(batch.size());
        for (Row r : batch) {
            boolean known = existing.contains(r.pallet().sscc());
            counts[known ? 1 : 0]++;
            requests.add(new TagBinder.Request(ObjectKind.PALLET, r.pallet().sscc(), r.epc(), r.boundFrom(), !known));
        }
        pallets.save(batch.stream().map(Row::pallet).toList());
        counts[2] += binder.bind(requests, now);
    }

    public long exportFile(Writer out) {
        return CsvExport.write(out, EXPORT, (Pallet last) -> pallets.page(last == null ? null : last.sscc(), CsvExport.PAGE),
                (page, records) -> {
                    Map<String, TagBinding> open = bindings.openOf(ObjectKind.PALLET, page.stream().map(Pallet::sscc).toList());
                    for (Pallet p : page) {
                        TagBinding b = open.get(p.sscc());
                        String uri = b == null ? null : Gs1Epcs.uri(b.epcHex());
                        records.print(b == null ? "" : b.epcHex(), uri == null ? "" : uri, p.sscc(), GoodsCsv.nz(p.consignment()));
                    }
                });
    }
}
