package org.openrfid.trace.service.audit.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.openrfid.trace.service.audit.AuditFilter;
import org.openrfid.trace.service.audit.AuditRecord;
import org.openrfid.trace.service.audit.AuditTrail;
import org.openrfid.trace.service.audit.AuditVerification;
import org.openrfid.trace.service.platform.web.Cursors;
import org.openrfid.trace.service.platform.web.Limits;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for auditors (roles AUDITOR and ADMIN, see SecurityConfiguration): records newest
 * first, filtered and cursor-paged, and the chain check.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    record AuditPage(List<AuditRecord> items, String nextCursor, int limit) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VerifyView(boolean valid, long records, Long firstBrokenId, String reason) {
    }

    /**
     * Records newest first; {@code from} inclusive, {@code to} exclusive (ISO-8601 instants); {@code subject} matches
     * records whose subject contains it (a plate finds the lookups of that vehicle), the other filters are exact.
     */
    @GetMapping
    AuditPage list(@RequestParam(required = false) String username, @RequestParam(required = false) String subject,
                   @RequestParam(required = false) String action, @RequestParam(required = false) Instant from,
                   @RequestParam(required = false) Instant to, @RequestParam(defaultValue = "100") int limit,
                   @RequestParam(required = false) String cursor) {
        Limits.page(limit);
        Long before = null;
        if (cursor != null) {
            try {
                before = Long.parseLong(Cursors.decode(cursor, 1).get(0));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("cursor: not a cursor issued by this API");
            }
        }
        List<AuditRecord> page = trail.page(new AuditFilter(blankToNull(username), blankToNull(subject), blankToNull(action), from, to),
                before, limit + 1);
        boolean more = page.size() > limit;
        List<AuditRecord> items = more ? page.subList(0, limit) : page;
        return new AuditPage(items, more ? Cursors.encode(Long.toString(items.get(items.size() - 1).id())) : null, limit);
    }

    @GetMapping("/verify")
    VerifyView verify() {
        AuditVerification v = trail.verify();
        return new VerifyView(v.valid(), v.records(), v.firstBrokenId(), v.reason());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
