package org.openrfid.trace.web.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openrfid.trace.service.audit.AuditOutcome;
import org.openrfid.trace.service.audit.AuditRecord;
import org.openrfid.trace.service.audit.AuditTrail;
import org.openrfid.trace.service.audit.AuditVerification;
import org.openrfid.trace.service.audit.Auditor;
import org.openrfid.trace.web.console.ConsoleZone;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /audit} (AUDITOR, ADMIN): the trail newest first with filters, paged by the record id; the
 * chain check on request (it reads every record); CSV export of what the filter selects. An export is
 * itself recorded ({@code AUDIT_EXPORTED}): copies of who-looked-at-what leave the system that way.
 */
@Controller
class AuditPageController {

    private static final int PAGE = 50;
    private static final int EXPORT_CHUNK = 1000;
    /** An export is for a case or a period, not a copy of the database. */
    static final int MAX_EXPORT = 100_000;

    private final AuditTrail trail;
    private final Auditor auditor;
    private final ConsoleZone zone;

    AuditPageController(AuditTrail trail, Auditor auditor, ConsoleZone zone) {
        this.trail = trail;
        this.auditor = auditor;
        this.zone = zone;
    }

    @GetMapping("/audit")
    String trail(@RequestParam(required = false) String user, @RequestParam(required = false) String subject,
                 @RequestParam(required = false) String action, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, @RequestParam(required = false) Long before,
                 @RequestParam(required = false) String verify, Model model) {
        AuditPageFilter filter = new AuditPageFilter(user, subject, action, from, to, zone.zone());
        List<AuditRecord> page = trail.page(filter.toFilter(), before != null && before > 0 ? before : null, PAGE + 1);
        boolean more = page.size() > PAGE;
        List<AuditRecord> items = more ? page.subList(0, PAGE) : page;
        model.addAttribute("records", items);
        model.addAttribute("filter", filter);
        model.addAttribute("problems", filter.problems());
        model.addAttribute("older", more ? items.get(items.size() - 1).id() : null);
        model.addAttribute("firstPage", before == null);
        if (verify != null) {
            AuditVerification v = trail.verify();
            model.addAttribute("verification", v);
        }
        return "admin/audit";
    }

    @GetMapping("/audit/export.csv")
    void export(@RequestParam(required = false) String user, @RequestParam(required = false) String subject,
                @RequestParam(required = false) String action, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
        AuditPageFilter filter = new AuditPageFilter(user, subject, action, from, to, zone.zone());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit.csv\"");
        response.setHeader("Cache-Control", "no-store");
        Writer out = new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\ufeff'); // a byte-order mark, so that spreadsheet programs read the Chinese as UTF-8
        out.write("id,time_utc,user,roles,action,subject,purpose,result_count,client_ip,outcome,hash\r\n");
        long written = 0;
        Long before = null;
        while (written < MAX_EXPORT) {
            List<AuditRecord> chunk = trail.page(filter.toFilter(), before, (int) Math.min(EXPORT_CHUNK, MAX_EXPORT - written));
            for (AuditRecord r : chunk) {
                out.write(String.join(",", Long.toString(r.id()), r.at().toString(), csv(r.username()), csv(String.join(" ", r.roles())),
                        csv(r.action()), csv(r.subject()), csv(r.purpose()), r.resultCount() == null ? "" : r.resultCount().toString(),
                        csv(r.clientIp()), r.outcome() == null ? "" : r.outcome().name(), csv(r.hash())));
                out.write("\r\n");
            }
            written += chunk.size();
            if (chunk.size() < EXPORT_CHUNK) {
                break;
            }
            before = chunk.get(chunk.size() - 1).id();
        }
        out.flush();
        auditor.record("AUDIT_EXPORTED", filter.auditText(), null, written, AuditOutcome.OK);
    }

    /**
     * RFC 4180 quoting; a cell that a spreadsheet would run as a formula ({@code = + - @}) gets a leading
     * apostrophe, since subjects and purposes are typed by people.
     */
    static String csv(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
