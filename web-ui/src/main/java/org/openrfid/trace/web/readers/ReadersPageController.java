package org.openrfid.trace.web.readers;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;
import org.openrfid.trace.service.audit.AuditOutcome;
import org.openrfid.trace.service.audit.Auditor;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.readerfleet.DuplicateReaderException;
import org.openrfid.trace.service.readerfleet.ReaderConnections;
import org.openrfid.trace.service.readerfleet.ReaderDefinition;
import org.openrfid.trace.service.readerfleet.ReaderProbe;
import org.openrfid.trace.service.readerfleet.ReaderProbeResult;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code /readers} and {@code /readers/{id}} (ADMIN): every reader with the place names of its antennas and
 * its connection as this member knows it (state, since, last keepalive, reads/s, last error, flapping,
 * holding member), a form to add one, and "Test connection" (the LLRP greeting and capabilities, nothing
 * configured) for an address in the form or a defined reader; a reader's page edits its address and antennas,
 * disables and enables it (defined but not dialled) and removes it. The same {@link ReaderConnections} as the
 * readers API: a reader added here is dialled by the member that takes its lease, exactly as one added by
 * {@code POST /api/v1/readers}. Every change is audited.
 */
@Controller
class ReadersPageController {

    /** A readers page is meant to stay open; the browser reconnects after this anyway. */
    private static final long STREAM_TIMEOUT_MS = 30 * 60_000L;

    private final ReaderConnections readers;
    private final Locations locations;
    private final Auditor auditor;
    private final ReaderProbe probe;
    private final ReaderRows rows;
    private final ReaderStateFeed feed;

    ReadersPageController(ReaderConnections readers, Locations locations, Auditor auditor, ReaderProbe probe, ReaderRows rows,
                          ReaderStateFeed feed) {
        this.readers = readers;
        this.locations = locations;
        this.auditor = auditor;
        this.probe = probe;
        this.rows = rows;
        this.feed = feed;
    }

    @GetMapping("/readers")
    String list(@RequestParam(required = false) String removed, Model model) {
        // shown only for a reader that is gone indeed: the notice cannot be made to claim anything else
        model.addAttribute("removed", removed != null && readers.find(removed).isEmpty() && removed.length() <= 64 ? removed : null);
        return listPage(model, ReaderForm.empty(), Map.of());
    }

    @PostMapping("/readers")
    String add(@RequestParam(required = false) String id, @RequestParam(required = false) String host,
               @RequestParam(required = false) String port, @RequestParam(required = false) String connection,
               @RequestParam(required = false) List<String> antenna, @RequestParam(required = false) List<String> location,
               @RequestParam(required = false) List<String> direction, @RequestParam(required = false) List<String> lane,
               @RequestParam(required = false) List<String> role, Model model, HttpServletResponse response) {
        ReaderForm form = new ReaderForm(id, host, port, connection, antenna, location, direction, lane, role);
        Set<String> known = locations.all().stream().map(Location::id).collect(Collectors.toSet());
        Map<String, String> problems = form.problems(known);
        if (problems.isEmpty()) {
            try {
                ReaderDefinition reader = form.toDefinition();
                readers.create(reader);
                auditor.record("READER_CREATED", "reader " + reader.id() + " " + reader.host() + ":" + reader.port(), null, 1L, AuditOutcome.OK);
                return "redirect:/readers/" + reader.id() + "?done=created";
            } catch (DuplicateReaderException e) {
                problems = Map.of("id", "readers.problem.taken");
            } catch (IllegalArgumentException e) {
                problems = Map.of("antennas", "readers.problem.invalid");
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return listPage(model, form, problems);
    }

    /** "Test connection" from the add form: the address as typed, the rest of the form kept for "Add reader". */
    @PostMapping("/readers/test")
    String testAddress(@RequestParam(required = false) String id, @RequestParam(required = false) String host,
                       @RequestParam(required = false) String port, @RequestParam(required = false) String connection,
                       @RequestParam(required = false) List<String> antenna, @RequestParam(required = false) List<String> location,
                       @RequestParam(required = false) List<String> direction, @RequestParam(required = false) List<String> lane,
                       @RequestParam(required = false) List<String> role, Model model, HttpServletResponse response) {
        ReaderForm form = new ReaderForm(id, host, port, connection, antenna, location, direction, lane, role);
        Map<String, String> problems = form.addressProblems();
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return listPage(model, form, problems);
        }
        ReaderProbeResult result = "READER_INITIATED".equals(form.connection())
                ? ReaderProbeResult.failed(form.host(), ReaderProbeResult.READER_DIALS_IN, "the reader dials in")
                : probe.probe(form.host(), form.portNumber(), false);
        audited(form.host() + ":" + form.port(), result);
        model.addAttribute("probe", result);
        return listPage(model, form, Map.of());
    }

    /**
     * {@code event: readers}: the live cells of every reader ({@code id} given: of that one) as JSON, every few
     * seconds when they changed; the readers pages put them in place of the cells they were rendered with.
     */
    @GetMapping(path = "/readers/stream", produces = "text/event-stream")
    SseEmitter stream(@RequestParam(required = false) String id, Locale locale) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MS);
        try {
            feed.open(new ReaderStateFeed.Page(emitter, locale, id == null || id.isBlank() ? null : id.strip()));
        } catch (IOException e) {
            emitter.completeWithError(e);
        }
        return emitter;
    }

    @GetMapping("/readers/{id}")
    String reader(@PathVariable String id, @RequestParam(required = false) String done, @RequestParam(required = false) String confirm,
                  Model model) {
        model.addAttribute("r", row(defined(id)));
        model.addAttribute("done", done != null && DONE.contains(done) ? done : null); // Set.of refuses to look up null
        model.addAttribute("confirmRemove", "remove".equals(confirm));
        return "readers/show";
    }

    private static final Set<String> DONE = Set.of("created", "updated", "disabled", "enabled");

    @GetMapping("/readers/{id}/edit")
    String edit(@PathVariable String id, Model model) {
        return editPage(model, defined(id), ReaderForm.of(defined(id)), Map.of());
    }

    @PostMapping("/readers/{id}/edit")
    String save(@PathVariable String id, @RequestParam(required = false) String host, @RequestParam(required = false) String port,
                @RequestParam(required = false) String connection, @RequestParam(required = false) List<String> antenna,
                @RequestParam(required = false) List<String> location, @RequestParam(required = false) List<String> direction,
                @RequestParam(required = false) List<String> lane, @RequestParam(required = false) List<String> role, Model model,
                HttpServletResponse response) {
        ReaderDefinition before = defined(id);
        ReaderForm form = new ReaderForm(id, host, port, connection, antenna, location, direction, lane, role);
        Set<String> known = locations.all().stream().map(Location::id).collect(Collectors.toSet());
        Map<String, String> problems = form.problems(known);
        if (problems.isEmpty()) {
            try {
                ReaderDefinition after = form.applyTo(before);
                readers.replace(after);
                auditor.record("READER_UPDATED", "reader " + id + " " + after.host() + ":" + after.port() + ", "
                        + after.antennas().size() + " antenna mapping(s)", null, 1L, AuditOutcome.OK);
                return "redirect:/readers/" + id + "?done=updated";
            } catch (IllegalArgumentException e) {
                problems = Map.of("antennas", "readers.problem.invalid");
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return editPage(model, before, form, problems);
    }

    /** Disabled: still defined (antennas, places, its passages), but no member dials it; the holder hangs up now. */
    @PostMapping("/readers/{id}/disable")
    String disable(@PathVariable String id) {
        return switchTo(id, true);
    }

    @PostMapping("/readers/{id}/enable")
    String enable(@PathVariable String id) {
        return switchTo(id, false);
    }

    private String switchTo(String id, boolean off) {
        ReaderDefinition d = defined(id);
        if (d.disabled() != off) {
            readers.replace(d.withDisabled(off));
            auditor.record(off ? "READER_DISABLED" : "READER_ENABLED", "reader " + id, null, 1L, AuditOutcome.OK);
        }
        return "redirect:/readers/" + id + "?done=" + (off ? "disabled" : "enabled");
    }

    /** Asked on the reader's page first ({@code ?confirm=remove}); its passages stay, its antennas map nowhere any more. */
    @PostMapping("/readers/{id}/remove")
    String remove(@PathVariable String id) {
        ReaderDefinition d = defined(id);
        readers.remove(id);
        auditor.record("READER_REMOVED", "reader " + id + " " + d.host() + ":" + d.port(), null, 1L, AuditOutcome.OK);
        return "redirect:/readers?removed=" + id;
    }

    private String editPage(Model model, ReaderDefinition d, ReaderForm form, Map<String, String> problems) {
        model.addAttribute("r", row(d));
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("rowIndexes", java.util.stream.IntStream.range(0, form.rowCount()).boxed().toList());
        model.addAttribute("places", locations.all().stream().sorted(Comparator.comparing(Location::name)).toList());
        return "readers/edit";
    }

    @PostMapping("/readers/{id}/test")
    String testReader(@PathVariable String id, Model model) {
        ReaderDefinition d = defined(id);
        ReaderProbeResult result = probe.probe(d);
        audited("reader " + d.id() + " " + d.host() + ":" + d.port(), result);
        model.addAttribute("r", row(d));
        model.addAttribute("probe", result);
        return "readers/show";
    }

    private ReaderDefinition defined(String id) {
        return readers.find(id).orElseThrow(() -> new NoSuchElementException("no reader '" + id + "'"));
    }

    /** A test dials an address an administrator chose: the audit trail says who dialled where, and what came back. */
    private void audited(String subject, ReaderProbeResult result) {
        auditor.record("READER_TESTED", subject + (result.ok() ? " answered" : " " + result.reason()), null, 1L, AuditOutcome.OK);
    }

    private String listPage(Model model, ReaderForm form, Map<String, String> problems) {
        List<ReaderPageRow> all = rows.all();
        model.addAttribute("rows", all);
        model.addAttribute("connected", all.stream().filter(ReaderPageRow::connected).count());
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("rowIndexes", java.util.stream.IntStream.range(0, form.rowCount()).boxed().toList());
        model.addAttribute("places", locations.all().stream().sorted(Comparator.comparing(Location::name)).toList());
        return "readers/index";
    }

    private ReaderPageRow row(ReaderDefinition d) {
        return rows.row(d);
    }
}
