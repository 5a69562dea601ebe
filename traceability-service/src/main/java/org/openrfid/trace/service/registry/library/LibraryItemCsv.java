package org.openrfid.trace.service.registry.library;

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
import org.openrfid.trace.identity.EpcInput;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.TagBinding;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.platform.web.csv.CsvExport;
import org.openrfid.trace.service.platform.web.csv.CsvImport;
import org.openrfid.trace.service.platform.web.csv.CsvProgress;
import org.openrfid.trace.service.platform.web.csv.CsvRow;
import org.openrfid.trace.service.registry.goods.GoodsFields;
import org.openrfid.trace.service.registry.goods.Gs1Epcs;
import org.openrfid.trace.service.registry.goods.ImportCounts;
import org.openrfid.trace.service.registry.binding.TagBinder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Library files in the sample-data format {@code epc,uri,barcode,title,status,due_date} with optional
 * {@code call_number}, {@code home_library}, {@code home_location} (the shelf or room location id the item
 * belongs to, for shelf inventory) and {@code bound_from}. The barcode is the item id; the
 * EPC, when given, is registered and bound to the item.
 */
public class LibraryItemCsv {

    public static final List<String> COLUMNS = List.of("barcode", "title", "status");
    public static final List<String> OPTIONAL = List.of("epc", "uri", "due_date", "call_number", "home_library", "home_location", "bound_from");
    static final List<String> EXPORT = List.of("epc", "uri", "barcode", "title", "status", "due_date", "call_number", "home_library", "home_location");

    private record Row(LibraryItem item, RawEpc epc, Instant boundFrom) {
    }

    private final LibraryItems items;
    private final TagBinder binder;
    private final TagBindings bindings;
    private final CsvImport<Row> imports;
    private final Clock clock;

    public LibraryItemCsv(LibraryItems items, TagBinder binder, TagBindings bindings, TransactionTemplate tx, Clock clock) {
        this.items = items;
        this.binder = binder;
        this.bindings = bindings;
        this.imports = new CsvImport<>("library item", COLUMNS, OPTIONAL, tx);
        this.clock = clock;
    }

    public ImportCounts importFile(Reader in) {
        return importFile(in, CsvProgress.NONE);
    }

    /** As {@link #importFile(Reader)}, telling {@code progress} how many rows are checked and written. */
    public ImportCounts importFile(Reader in, CsvProgress progress) {
        Instant now = clock.instant();
        long[] counts = new long[3];
        Set<String> ids = new HashSet<>();
        Set<String> epcs = new HashSet<>();
        long rows = imports.run(in, row -> parse(row, ids, epcs), batch -> write(batch, now, counts), progress);
        return new ImportCounts(rows, counts[0], counts[1], counts[2]);
    }

    private static Row parse(CsvRow row, Set<String> ids, Set<String> epcs) {
        String id = row.field("barcode", LibraryItem::itemId);
        String title = row.field("title", v -> LibraryItem.text(v, 500, true));
        String status = row.field("status", LibraryItem::status);
        LocalDate due = row.field("due_date", GoodsFields::date);
        String callNumber = row.field("call_number", v -> LibraryItem.text(v, 64, false));
        String home = row.field("home_library", v -> LibraryItem.text(v, 64, false));
        String homeLocation = row.field("home_location", v -> LibraryItem.text(v, 64, false));
        RawEpc epc = row.field("epc", v -> v == null ? null : EpcInput.parse(v));
        Instant boundFrom = row.field("bound_from", TagBinder::instant);
        if (due != null && status != null && !status.equals("on_loan")) {
            row.problem("due_date", "a due date is only for items on_loan, this one is " + status);
        }
        if (id != null && !ids.add(id)) {
            row.problem("barcode", "item " + id + " appears on an earlier line");
        }
        if (epc != null && !epcs.add(epc.toHex())) {
            row.problem("epc", "EPC " + epc.toHex() + " appears on an earlier line");
        }
        return row.failed() ? null : new Row(new LibraryItem(id, title, callNumber, home, status, due, homeLocation), epc, boundFrom);
    }

    private void write(List<Row> batch, Instant now, long[] counts) {
        Set<String> existing = items.existing(batch.stream().map(r -> r.item().itemId()).toList());
        List<TagBinder.Request> requests = new ArrayList<>(batch.size());
        for (Row r : batch) {
            boolean known = existing.contains(r.item().itemId());
            counts[known ? 1 : 0]++;
            requests.add(new TagBinder.Request(ObjectKind.LIBRARY_ITEM, r.item().itemId(), r.epc(), r.boundFrom(), !known));
        }
        items.save(batch.stream().map(Row::item).toList());
        counts[2] += binder.bind(requests, now);
    }

    public long exportFile(Writer out) {
        return CsvExport.write(out, EXPORT, (LibraryItem last) -> items.page(last == null ? null : last.itemId(), null, CsvExport.PAGE),
                (page, records) -> {
                    Map<String, TagBinding> open = bindings.openOf(ObjectKind.LIBRARY_ITEM, page.stream().map(LibraryItem::itemId).toList());
                    for (LibraryItem i : page) {
                        TagBinding b = open.get(i.itemId());
                        String uri = b == null ? null : Gs1Epcs.uri(b.epcHex());
                        records.print(b == null ? "" : b.epcHex(), uri == null ? "" : uri, i.itemId(), i.title(), i.loanStatus(),
                                i.dueDate() == null ? "" : i.dueDate().toString(), nz(i.callNumber()), nz(i.homeLibrary()), nz(i.homeLocation()));
                    }
                });
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
