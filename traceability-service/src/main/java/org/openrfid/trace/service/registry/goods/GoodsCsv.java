package org.openrfid.trace.service.registry.goods;

import org.openrfid.trace.service.registry.binding.TagBinder;
import java.io.Reader;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
 * Goods files in the sample-data format {@code epc,uri,gtin,serial,product,consignment} with optional
 * {@code lot}, {@code expiry} (ISO date) and {@code bound_from}. Rows are matched to items by GTIN +
 * serial; the EPC, when given, must be that item's SGTIN and is registered and bound to the item.
 * {@code uri} is informative (export writes the pure-identity URI) and not checked.
 */
public class GoodsCsv {

    public static final List<String> COLUMNS = List.of("gtin", "serial");
    public static final List<String> OPTIONAL = List.of("epc", "uri", "product", "consignment", "lot", "expiry", "bound_from");
    static final List<String> EXPORT = List.of("epc", "uri", "gtin", "serial", "product", "consignment", "lot", "expiry");

    private record Row(GoodsItem item, RawEpc epc, Instant boundFrom) {
    }

    private final GoodsItems goods;
    private final TagBinder binder;
    private final TagBindings bindings;
    private final CsvImport<Row> imports;
    private final Clock clock;

    public GoodsCsv(GoodsItems goods, TagBinder binder, TagBindings bindings, TransactionTemplate tx, Clock clock) {
        this.goods = goods;
        this.binder = binder;
        this.bindings = bindings;
        this.imports = new CsvImport<>("goods", COLUMNS, OPTIONAL, tx);
        this.clock = clock;
    }

    /** Imports the whole file or nothing ({@code CsvRejectedException} lists why). */
    public ImportCounts importFile(Reader in) {
        return importFile(in, CsvProgress.NONE);
    }

    /** As {@link #importFile(Reader)}, telling {@code progress} how many rows are checked and written. */
    public ImportCounts importFile(Reader in, CsvProgress progress) {
        Instant now = clock.instant();
        long[] counts = new long[3];
        Set<UUID> ids = new HashSet<>();
        Set<String> epcs = new HashSet<>();
        long rows = imports.run(in, row -> parse(row, ids, epcs), batch -> write(batch, now, counts), progress);
        return new ImportCounts(rows, counts[0], counts[1], counts[2]);
    }

    private static Row parse(CsvRow row, Set<UUID> ids, Set<String> epcs) {
        String gtin = row.field("gtin", GoodsFields::gtin);
        String serial = row.field("serial", GoodsFields::serial);
        String product = row.field("product", v -> GoodsFields.optionalText(v, 200));
        String consignment = row.field("consignment", v -> GoodsFields.optionalText(v, 64));
        String lot = row.field("lot", GoodsFields::lot);
        LocalDate expiry = row.field("expiry", GoodsFields::date);
        RawEpc epc = row.field("epc", v -> v == null ? null : EpcInput.parse(v));
        Instant boundFrom = row.field("bound_from", TagBinder::instant);
        if (gtin != null && serial != null && epc != null) {
            row.field("epc", v -> {
                Gs1Epcs.checkSgtin(epc, gtin, serial);
                return null;
            });
        }
        if (row.failed()) {
            return null;
        }
        GoodsItem item = GoodsItem.of(gtin, serial, product, lot, expiry, consignment);
        if (!ids.add(item.id())) {
            row.problem("serial", "GTIN " + gtin + " serial " + serial + " appears on an earlier line");
        }
        if (epc != null && !epcs.add(epc.toHex())) {
            row.problem("epc", "EPC " + epc.toHex() + " appears on an earlier line");
        }
        return row.failed() ? null : new Row(item, epc, boundFrom);
    }

    private void write(List<Row> batch, Instant now, long[] counts) {
        Set<UUID> existing = goods.existing(batch.stream().map(r -> r.item().id()).toList());
        List<TagBinder.Request> requests = new ArrayList<>(batch.size());
        for (Row r : batch) {
            boolean known = existing.contains(r.item().id());
            counts[known ? 1 : 0]++;
            requests.add(new TagBinder.Request(ObjectKind.GOODS, r.item().id().toString(), r.epc(), r.boundFrom(), !known));
        }
        goods.save(batch.stream().map(Row::item).toList());
        counts[2] += binder.bind(requests, now);
    }

    /** Writes every item in GTIN, serial order with its current tag, in the import format. */
    public long exportFile(Writer out) {
        return CsvExport.write(out, EXPORT,
                (GoodsItem last) -> goods.page(last == null ? null : last.gtin(), last == null ? null : last.serial(), CsvExport.PAGE),
                (page, records) -> {
                    Map<String, TagBinding> open = bindings.openOf(ObjectKind.GOODS, page.stream().map(g -> g.id().toString()).toList());
                    for (GoodsItem g : page) {
                        TagBinding b = open.get(g.id().toString());
                        String uri = b == null ? null : Gs1Epcs.uri(b.epcHex());
                        records.print(b == null ? "" : b.epcHex(), uri == null ? "" : uri, g.gtin(), g.serial(),
                                nz(g.product()), nz(g.consignment()), nz(g.lot()), g.expiry() == null ? "" : g.expiry().toString());
                    }
                });
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
