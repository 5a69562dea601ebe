package org.openrfid.trace.service.registry.watchlist;

import org.openrfid.trace.identity.EpcInput;
import org.openrfid.trace.service.audit.Auditor;
import org.openrfid.trace.service.audit.AuditOutcome;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.openrfid.trace.service.platform.web.CsvBodies;
import org.openrfid.trace.service.platform.web.Cursors;
import org.openrfid.trace.service.platform.web.Limits;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.TagBinding;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.goods.CsvResponses;
import org.openrfid.trace.service.registry.goods.ImportCounts;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Watchlist entries over REST: list (id order, cursor-paged, optional {@code list}), by object, create, end, CSV import/export. */
@RestController
@RequestMapping("/api/v1/watchlist")
class WatchlistController {

    private final Watchlist watchlist;
    private final WatchlistCsv csv;
    private final Clock clock;
    private final Auditor auditor;

    private final TagBindings bindings;

    WatchlistController(Watchlist watchlist, WatchlistCsv csv, Clock clock, Auditor auditor, TagBindings bindings) {
        this.bindings = bindings;
        this.auditor = auditor;
        this.watchlist = watchlist;
        this.csv = csv;
        this.clock = clock;
    }

    record EntryPage(List<WatchlistEntry> items, String nextCursor, int limit) {
    }

    record EntryRequest(String list, String kind, String objectId, String epc, String subject, String reason, Instant since, Instant until) {
    }

    /** With {@code kind} and {@code objectId}: that object's entries (all, oldest first); otherwise a page of every entry. */
    @GetMapping
    EntryPage list(@RequestParam(required = false) String list, @RequestParam(required = false) String kind,
                   @RequestParam(required = false) String objectId, @RequestParam(defaultValue = "100") int limit,
                   @RequestParam(required = false) String cursor) {
        Limits.page(limit);
        if (kind != null || objectId != null) {
            if (kind == null || objectId == null) {
                throw new IllegalArgumentException("kind: kind and objectId go together");
            }
            return new EntryPage(watchlist.ofObject(ObjectKind.parse(kind), objectId), null, limit);
        }
        long after = 0;
        if (cursor != null) {
            try {
                after = Long.parseLong(Cursors.decode(cursor, 1).get(0));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("cursor: not a cursor issued by this API");
            }
        }
        List<WatchlistEntry> page = watchlist.page(after, list == null ? null : WatchlistEntry.listName(list), limit + 1);
        boolean more = page.size() > limit;
        List<WatchlistEntry> items = more ? page.subList(0, limit) : page;
        return new EntryPage(items, more ? Cursors.encode(Long.toString(items.get(items.size() - 1).id())) : null, limit);
    }

    @GetMapping("/{id}")
    WatchlistEntry one(@PathVariable long id) {
        return watchlist.find(id).orElseThrow(() -> CsvResponses.notFound("Watchlist entry not found", "no watchlist entry " + id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<WatchlistEntry> create(@RequestBody EntryRequest r) {
        if (r == null) {
            throw new IllegalArgumentException("list: give list, reason and epc (or kind and objectId)");
        }
        // Stores keep microseconds: an unrounded "now" would not find its own entry again.
        Instant since = (r.since() == null ? clock.instant() : r.since()).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        String epc = r.epc() == null || r.epc().isBlank() ? null : EpcInput.parse(r.epc()).toHex();
        ObjectKind kind;
        String objectId;
        if (r.kind() == null && r.objectId() == null) {
            // By tag alone, as an officer has it from a plate reader or a report: the object it is bound to now.
            if (epc == null) {
                throw new IllegalArgumentException("epc: name the object by epc or by kind and objectId");
            }
            TagBinding b = bindings.at(epc, clock.instant()).orElseThrow(() -> new IllegalArgumentException(
                    "epc: EPC " + epc + " is not bound to any object; register the object holding it first"));
            kind = b.kind();
            objectId = b.objectId();
        } else {
            if (r.kind() == null || r.objectId() == null) {
                throw new IllegalArgumentException((r.kind() == null ? "kind" : "objectId") + ": kind and objectId go together");
            }
            kind = ObjectKind.parse(r.kind());
            objectId = r.objectId();
        }
        WatchlistEntry e = new WatchlistEntry(0, r.list(), kind, objectId, epc, r.subject(), r.reason(), since, r.until());
        watchlist.save(List.of(e));
        WatchlistEntry stored = watchlist.ofObject(e.kind(), e.objectId()).stream()
                .filter(x -> x.list().equals(e.list()) && x.validFrom().equals(e.validFrom())).findFirst().orElseThrow();
        auditor.record("WATCHLIST_ADDED", stored.list() + " " + stored.kind() + ":" + stored.objectId() + " (entry " + stored.id() + ")",
                stored.reason(), 1L, AuditOutcome.OK);
        return ResponseEntity.created(URI.create("/api/v1/watchlist/" + stored.id())).body(stored);
    }

    /** Ends an open entry at {@code at} (default now). */
    @PostMapping("/{id}/end")
    WatchlistEntry end(@PathVariable long id, @RequestParam(required = false) Instant at) {
        one(id);
        if (!watchlist.end(id, at == null ? clock.instant() : at)) {
            throw new IllegalArgumentException("at: entry " + id + " is not open or starts after " + at);
        }
        WatchlistEntry ended = one(id);
        auditor.record("WATCHLIST_ENDED", ended.list() + " " + ended.kind() + ":" + ended.objectId() + " (entry " + id + ")", null, 1L,
                AuditOutcome.OK);
        return ended;
    }

    /** Imports a watchlist file ({@code text/csv}, the sample-data {@code watchlist.csv} columns) after the registries; all or nothing. */
    @PostMapping(path = "/import", consumes = {"text/csv", "application/csv"})
    ImportCounts importCsv(HttpServletRequest request) throws IOException {
        ImportCounts counts = csv.importFile(CsvBodies.reader(request));
        auditor.record("WATCHLIST_IMPORT", "watchlist.csv", null, (long) counts.created() + counts.updated(), AuditOutcome.OK);
        return counts;
    }

    @GetMapping(path = "/export", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> exportCsv() {
        auditor.record("WATCHLIST_EXPORT", "watchlist.csv", null, null, AuditOutcome.OK);
        return CsvResponses.csv("watchlist.csv", csv::exportFile);
    }
}
