package org.openrfid.trace.service.registry.library;

import org.openrfid.trace.service.audit.Auditor;
import org.openrfid.trace.service.audit.AuditOutcome;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.openrfid.trace.service.platform.web.CsvBodies;
import org.openrfid.trace.service.platform.web.Cursors;
import org.openrfid.trace.service.platform.web.Limits;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.TagBinding;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.goods.CsvResponses;
import org.openrfid.trace.service.registry.goods.ImportCounts;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Library items over REST: list (item id order, cursor-paged, optional {@code status}), read, CSV import/export. */
@RestController
@RequestMapping("/api/v1/library-items")
class LibraryItemController {

    private final LibraryItems items;
    private final TagBindings bindings;
    private final LibraryItemCsv csv;
    private final Auditor auditor;

    LibraryItemController(LibraryItems items, TagBindings bindings, LibraryItemCsv csv, Auditor auditor) {
        this.auditor = auditor;
        this.items = items;
        this.bindings = bindings;
        this.csv = csv;
    }

    record LibraryItemView(String itemId, String title, String callNumber, String homeLibrary, String loanStatus,
                           LocalDate dueDate, String homeLocation, String epc) {
    }

    record LibraryItemPage(List<LibraryItemView> items, String nextCursor, int limit) {
    }

    @GetMapping
    LibraryItemPage list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "100") int limit,
                         @RequestParam(required = false) String cursor) {
        Limits.page(limit);
        String s = status == null ? null : LibraryItem.status(status);
        String after = cursor == null ? null : Cursors.decode(cursor, 1).get(0);
        List<LibraryItem> page = items.page(after, s, limit + 1);
        boolean more = page.size() > limit;
        List<LibraryItem> list = more ? page.subList(0, limit) : page;
        return new LibraryItemPage(views(list), more ? Cursors.encode(list.get(list.size() - 1).itemId()) : null, limit);
    }

    @GetMapping("/{itemId}")
    LibraryItemView one(@PathVariable String itemId) {
        String id = LibraryItem.itemId(itemId);
        return views(List.of(items.find(id).orElseThrow(() -> CsvResponses.notFound("Library item not found", "no library item " + id)))).get(0);
    }

    /** Imports a library file ({@code text/csv}, the sample-data {@code library-items.csv} columns); all or nothing. */
    @PostMapping(path = "/import", consumes = {"text/csv", "application/csv"})
    ImportCounts importCsv(HttpServletRequest request) throws IOException {
        return csv.importFile(CsvBodies.reader(request));
    }

    @GetMapping(path = "/export", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> exportCsv() {
        auditor.record("LIBRARY_EXPORT", "library-items.csv", null, null, AuditOutcome.OK);
        return CsvResponses.csv("library-items.csv", csv::exportFile);
    }

    private List<LibraryItemView> views(List<LibraryItem> list) {
        Map<String, TagBinding> open = bindings.openOf(ObjectKind.LIBRARY_ITEM, list.stream().map(LibraryItem::itemId).toList());
        return list.stream().map(i -> {
            TagBinding b = open.get(i.itemId());
            return new LibraryItemView(i.itemId(), i.title(), i.callNumber(), i.homeLibrary(), i.loanStatus(), i.dueDate(),
                    i.homeLocation(), b == null ? null : b.epcHex());
        }).toList();
    }
}
