package org.openrfid.trace.service.registry.watchlist;

import java.io.Reader;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openrfid.trace.identity.EpcInput;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.TagBinding;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.platform.web.csv.CsvExport;
import org.openrfid.trace.service.platform.web.csv.CsvImport;
import org.openrfid.trace.service.platform.web.csv.CsvProgress;
import org.openrfid.trace.service.platform.web.csv.CsvReading;
import org.openrfid.trace.service.platform.web.csv.CsvRow;
import org.openrfid.trace.service.registry.goods.ImportCounts;
import org.openrfid.trace.service.registry.binding.TagBinder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watchlist files in the sample-data format {@code list,epc,subject,reason,since} with optional
 * {@code until}, {@code object_kind} and {@code object_id}. The object is named by kind and id, or by
 * EPC: then it is the object the tag is bound to at import time (import the registries first).
 * {@code since}/{@code until} are ISO instants or dates (start of day, UTC).
 */
public class WatchlistCsv {

    public static final List<String> COLUMNS = List.of("list", "reason", "since");
    public static final List<String> OPTIONAL = List.of("epc", "subject", "until", "object_kind", "object_id");
    static final List<String> EXPORT = List.of("list", "epc", "subject", "reason", "since", "until", "object_kind", "object_id");

    private final Watchlist watchlist;
    private final TagBindings bindings;
    private final CsvImport<WatchlistEntry> imports;
    private final Clock clock;

    public WatchlistCsv(Watchlist watchlist, TagBindings bindings, TransactionTemplate tx, Clock clock) {
        this.watchlist = watchlist;
        this.bindings = bindings;
        this.imports = new CsvImport<>("watchlist", COLUMNS, OPTIONAL, tx);
        this.clock = clock;
    }

    public ImportCounts importFile(Reader in) {
        return importFile(in, CsvProgress.NONE);
    }

    /** As {@link #importFile(Reader)}, telling {@code progress} how many rows are checked and written. */
    public ImportCounts importFile(Reader in, CsvProgress progress) {
        Instant now = clock.instant();
        long[] counts = new long[2];
        Set<String> keys = new HashSet<>();
        long rows = imports.run(in, row -> parse(row, now, keys), batch -> {
            int created = watchlist.save(batch);
            counts[0] += created;
            counts[1] += batch.size() - created;
        }, progress);
        return new ImportCounts(rows, counts[0], counts[1], 0);
    }

    private WatchlistEntry parse(CsvRow row, Instant now, Set<String> keys) {
        String list = row.field("list", WatchlistEntry::listName);
        String reason = row.field("reason", CsvReading.text(500));
        String subject = row.field("subject", v -> v == null ? null : CsvReading.text(200).apply(v));
        Instant since = row.field("since", v -> {
            if (v == null) {
                throw new IllegalArgumentException("is required");
            }
            return TagBinder.instant(v);
        });
        Instant until = row.field("until", TagBinder::instant);
        String epc = row.field("epc", v -> v == null ? null : EpcInput.parse(v).toHex());
        ObjectKind kind = row.field("object_kind", v -> v == null ? null : ObjectKind.parse(v));
        String objectId = row.field("object_id", v -> v == null ? null : CsvReading.text(64).apply(v));
        if (row.failed()) {
            return null;
        }
        if ((kind == null) != (objectId == null)) {
            row.problem(kind == null ? "object_kind" : "object_id", "object_kind and object_id go together");
            return null;
        }
        if (kind == null) {
            if (epc == null) {
                row.problem("epc", "name the object by epc or by object_kind and object_id");
                return null;
            }
            Optional<TagBinding> b = bindings.at(epc, now);
            if (b.isEmpty()) {
                row.problem("epc", "EPC " + epc + " is not bound to any object; import the registry holding it first");
                return null;
            }
            kind = b.get().kind();
            objectId = b.get().objectId();
        }
        if (until != null && !until.isAfter(since)) {
            row.problem("until", "until " + until + " is not after since " + since);
            return null;
        }
        if (!keys.add(list + "/" + kind + "/" + objectId + "/" + since)) {
            row.problem(null, "the same object, list and since appear on an earlier line");
            return null;
        }
        return new WatchlistEntry(0, list, kind, objectId, epc, subject, reason, since, until);
    }

    public long exportFile(Writer out) {
        return CsvExport.write(out, EXPORT, (WatchlistEntry last) -> watchlist.page(last == null ? 0 : last.id(), null, CsvExport.PAGE),
                (page, records) -> {
                    for (WatchlistEntry e : page) {
                        records.print(e.list(), nz(e.epcHex()), nz(e.subject()), e.reason(), e.validFrom().toString(),
                                e.validTo() == null ? "" : e.validTo().toString(), e.kind().name(), e.objectId());
                    }
                });
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
