package org.openrfid.trace.web.readers;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openrfid.trace.reader.ReaderStatus;
import org.openrfid.trace.service.audit.AuditOutcome;
import org.openrfid.trace.service.audit.Auditor;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.readerfleet.DuplicateReaderException;
import org.openrfid.trace.service.readerfleet.ReaderConnections;
import org.openrfid.trace.service.readerfleet.ReaderDefinition;
import org.openrfid.trace.web.console.DisplayNames;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /readers} and {@code /readers/{id}} (ADMIN): every reader with the place names of its antennas and
 * its connection as this member knows it (state, since, last keepalive, reads/s, last error, flapping,
 * holding member), and a form to add one. The same {@link ReaderConnections} as the readers API: a reader
 * added here is dialled by the member that takes its lease, exactly as one added by {@code POST /api/v1/readers}.
 */
@Controller
class ReadersPageController {

    private final ReaderConnections readers;
    private final Locations locations;
    private final DisplayNames names;
    private final Auditor auditor;

    ReadersPageController(ReaderConnections readers, Locations locations, DisplayNames names, Auditor auditor) {
        this.readers = readers;
        this.locations = locations;
        this.names = names;
        this.auditor = auditor;
    }

    @GetMapping("/readers")
    String list(Model model) {
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

    @GetMapping("/readers/{id}")
    String reader(@PathVariable String id, @RequestParam(required = false) String done, Model model) {
        ReaderDefinition d = readers.find(id).orElseThrow(() -> new NoSuchElementException("no reader '" + id + "'"));
        model.addAttribute("r", row(d));
        model.addAttribute("done", "created".equals(done) ? done : null);
        return "readers/show";
    }

    private String listPage(Model model, ReaderForm form, Map<String, String> problems) {
        List<ReaderPageRow> rows = readers.all().stream().sorted(Comparator.comparing(ReaderDefinition::id)).map(this::row).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("connected", rows.stream().filter(ReaderPageRow::connected).count());
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("rowIndexes", java.util.stream.IntStream.range(0, ReaderForm.ROWS).boxed().toList());
        model.addAttribute("places", locations.all().stream().sorted(Comparator.comparing(Location::name)).toList());
        return "readers/index";
    }

    private ReaderPageRow row(ReaderDefinition d) {
        List<ReaderPageRow.AntennaRow> antennas = d.antennas().stream()
                .map(a -> new ReaderPageRow.AntennaRow(a.antenna(), a.location(), names.locationName(a.location()),
                        a.direction(), a.lane(), a.role()))
                .toList();
        boolean here = readers.heldHere().contains(d.id());
        String heldBy = readers.heldBy(d.id()).orElse(null);
        Optional<ReaderStatus> status = here ? readers.status(d.id()) : Optional.empty();
        String address = d.host() + ":" + d.port();
        if (status.isPresent()) {
            ReaderStatus s = status.get();
            return new ReaderPageRow(d.id(), address, d.connection().name(), d.tls(), s.state().name(), s.since(), s.lastKeepalive(),
                    s.tagReportsReceived(), Math.round(s.readsPerSecond() * 10) / 10.0, s.lastError(), heldBy, true, s.flaps(),
                    s.flapping(), antennas);
        }
        String state = heldBy != null && !here ? null : "CONNECTING";
        return new ReaderPageRow(d.id(), address, d.connection().name(), d.tls(), state, null, null, 0, 0, null, heldBy, here, 0, false,
                antennas);
    }
}
