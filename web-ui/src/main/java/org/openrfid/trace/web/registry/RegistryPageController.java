package org.openrfid.trace.web.registry;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.openrfid.trace.service.audit.AuditEntry;
import org.openrfid.trace.service.audit.AuditOutcome;
import org.openrfid.trace.service.audit.Auditor;
import org.openrfid.trace.service.registry.goods.CsvResponses;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code /admin/registry} (ADMIN): the object registries in the browser — a registry's objects in key order with a
 * key-prefix search and links to each object's page; a CSV file uploaded, previewed (first rows, row count), then
 * imported all or nothing by the registry's own importer while the page shows its progress by SSE, and a refused
 * file's problems by line; the registry exported in its import format. Imports and exports are audited with the
 * API's action names ({@code VEHICLE_IMPORT}, {@code VEHICLE_EXPORT}, …).
 */
@Controller
class RegistryPageController {

    private final RegistryRows rows;
    private final RegistryFiles files;
    private final ImportJobs jobs;
    private final ImportProgressStream progress;
    private final Auditor auditor;

    RegistryPageController(RegistryRows rows, RegistryFiles files, ImportJobs jobs, ImportProgressStream progress, Auditor auditor) {
        this.rows = rows;
        this.files = files;
        this.jobs = jobs;
        this.progress = progress;
        this.auditor = auditor;
    }

    @GetMapping("/admin/registry")
    String page(@RequestParam(defaultValue = "vehicles") String kind, @RequestParam(required = false) String q,
                @RequestParam(required = false) String cursor, @RequestParam(required = false) String job, Principal who, Model model) {
        RegistryKind registry = RegistryKind.of(kind);
        ImportJob shown = job == null ? null : jobs.find(job, who.getName()).filter(j -> j.kind() == registry).orElse(null);
        return render(model, registry, q, cursor, shown, Map.of());
    }

    @PostMapping("/admin/registry/{kind}/import")
    String upload(@PathVariable String kind, @RequestParam(required = false) MultipartFile file, Principal who, Model model,
                  HttpServletResponse response) throws IOException {
        RegistryKind registry = RegistryKind.of(kind);
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(model, registry, null, null, null, Map.of("file", "registry.problem.noFile"));
        }
        ImportJob job = jobs.stage(registry, file, who.getName());
        if (job.preview().header().isEmpty()) {
            jobs.discard(job);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(model, registry, null, null, null, Map.of("file", "registry.problem.noHeader"));
        }
        return "redirect:/admin/registry?kind=" + registry.slug() + "&job=" + job.id();
    }

    @PostMapping("/admin/registry/jobs/{id}/start")
    String start(@PathVariable String id, Authentication who) {
        ImportJob job = job(id, who);
        jobs.start(job, new AuditEntry(who.getName(), Auditor.roles(who), "IMPORT", null, null, null, Auditor.currentClientIp(), AuditOutcome.OK));
        return "redirect:/admin/registry?kind=" + job.kind().slug() + "&job=" + job.id();
    }

    @PostMapping("/admin/registry/jobs/{id}/discard")
    String discard(@PathVariable String id, Authentication who) {
        ImportJob job = job(id, who);
        jobs.discard(job);
        return "redirect:/admin/registry?kind=" + job.kind().slug();
    }

    @GetMapping(path = "/admin/registry/jobs/{id}/events", produces = "text/event-stream")
    SseEmitter events(@PathVariable String id, Authentication who, Locale locale) {
        return progress.follow(job(id, who), locale);
    }

    @GetMapping(path = "/admin/registry/{kind}/export", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String kind) {
        RegistryKind registry = RegistryKind.of(kind);
        auditor.record(registry.auditName() + "_EXPORT", registry.fileName(), null, null, AuditOutcome.OK);
        return CsvResponses.csv(registry.fileName(), out -> files.exportFile(registry, out));
    }

    private ImportJob job(String id, Authentication who) {
        return jobs.find(id, who.getName()).orElseThrow(() -> new NoSuchElementException("no import " + id));
    }

    private String render(Model model, RegistryKind registry, String q, String cursor, ImportJob job, Map<String, String> problems) {
        String prefix = RegistryRows.keyPrefix(q);
        model.addAttribute("kinds", Arrays.asList(RegistryKind.values()));
        model.addAttribute("kind", registry);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("searchable", registry != RegistryKind.WATCHLIST);
        model.addAttribute("page", rows.page(registry, registry == RegistryKind.WATCHLIST ? "" : prefix, cursor));
        model.addAttribute("job", job);
        model.addAttribute("snap", job == null ? null : job.snapshot());
        model.addAttribute("problems", problems);
        return "registry/index";
    }
}
