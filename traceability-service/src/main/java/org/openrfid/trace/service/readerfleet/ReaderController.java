package org.openrfid.trace.service.readerfleet;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.openrfid.trace.service.location.Locations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Readers at run time: {@code /api/v1/readers}. Changes take effect at once on every member (the member
 * holding a reader's connection adds, replaces or removes its Camel route); they last while any member of
 * the cluster runs, configuration ({@code rfid.readers}) being the permanent source.
 */
@RestController
@RequestMapping("/api/v1/readers")
class ReaderController {

    private final ReaderConnections connections;
    private final ObjectProvider<Locations> locations;
    private final ObjectProvider<ReaderProperties> properties;
    private final ObjectProvider<ReaderProbe> probe;

    ReaderController(ReaderConnections connections, ObjectProvider<Locations> locations, ObjectProvider<ReaderProperties> properties,
                     ObjectProvider<ReaderProbe> probe) {
        this.connections = connections;
        this.locations = locations;
        this.properties = properties;
        this.probe = probe;
    }

    @GetMapping
    List<ReaderView> all() {
        return connections.all().stream()
                .sorted(Comparator.comparing(ReaderDefinition::id))
                .map(this::view)
                .toList();
    }

    @GetMapping("/{id}")
    ReaderView one(@PathVariable String id) {
        return view(connections.find(id).orElseThrow(() -> new UnknownReaderException(id)));
    }

    @PostMapping
    ResponseEntity<ReaderView> create(@RequestBody ReaderRequest request) {
        ReaderDefinition reader = checked(request.toDefinition(null));
        connections.create(reader);
        return ResponseEntity.created(URI.create("/api/v1/readers/" + reader.id())).body(view(reader));
    }

    @PutMapping("/{id}")
    ReaderView replace(@PathVariable String id, @RequestBody ReaderRequest request) {
        if (connections.find(id).isEmpty()) {
            throw new UnknownReaderException(id);
        }
        ReaderDefinition reader = checked(request.toDefinition(id));
        connections.replace(reader);
        return view(reader);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        if (!connections.remove(id)) {
            throw new UnknownReaderException(id);
        }
        return ResponseEntity.noContent().build();
    }

    /**
     * Runs the LLRP greeting and capability questions against a defined reader and says what it reported or
     * why it failed (200 either way: the test ran). A reader that another client drives (this cluster's
     * session included) answers BUSY: LLRP allows one client.
     */
    @PostMapping("/{id}/test-connection")
    ReaderProbeResult testConnection(@PathVariable String id) {
        ReaderDefinition reader = connections.find(id).orElseThrow(() -> new UnknownReaderException(id));
        return probe.getObject().probe(reader);
    }

    /** The same test for an address not added yet: {@code {"host": "10.1.2.3", "port": 5084, "tls": false}}. */
    @PostMapping("/test-connection")
    ReaderProbeResult testAddress(@RequestBody ProbeRequest request) {
        return probe.getObject().probe(request.checkedHost(), request.checkedPort(), Boolean.TRUE.equals(request.tls()));
    }

    /** An address to test; port 5084 when absent. */
    record ProbeRequest(String host, Integer port, Boolean tls) {

        private static final java.util.regex.Pattern HOST = java.util.regex.Pattern.compile("[A-Za-z0-9.:_-]{1,253}");

        String checkedHost() {
            if (host == null || !HOST.matcher(host).matches()) {
                throw new IllegalArgumentException("host: a host name or IP address is required (letters, digits, '.', ':', '-', '_')");
            }
            return host;
        }

        int checkedPort() {
            int p = port == null ? 5084 : port;
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("port: must be 1-65535, was " + p);
            }
            return p;
        }
    }

    /** TLS readers need the server's trust store; antennas reference locations by id, which must exist when a registry is present. */
    private ReaderDefinition checked(ReaderDefinition reader) {
        ReaderProperties settings = properties.getIfAvailable();
        if (reader.tls() && (settings == null || !settings.llrp().hasTrustStore())) {
            throw new IllegalArgumentException("tls: this server has no reader trust store (rfid.llrp.tls.trust-store),"
                    + " so no reader certificate can be trusted");
        }
        Locations registry = locations.getIfAvailable();
        if (registry != null) {
            for (int i = 0; i < reader.antennas().size(); i++) {
                String location = reader.antennas().get(i).location();
                if (registry.find(location).isEmpty()) {
                    throw new IllegalArgumentException("antennas[" + i + "].location: unknown location '" + location
                            + "' (create it with POST /api/v1/locations first)");
                }
            }
        }
        return reader;
    }

    private ReaderView view(ReaderDefinition d) {
        boolean here = connections.heldHere().contains(d.id());
        return ReaderView.of(d, here ? connections.status(d.id()).orElse(null) : null, here, connections.heldBy(d.id()).orElse(null));
    }

    @ExceptionHandler(DuplicateReaderException.class)
    ProblemDetail duplicate(DuplicateReaderException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("Reader exists");
        return p;
    }

    @ExceptionHandler(UnknownReaderException.class)
    ProblemDetail unknown(UnknownReaderException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setTitle("Unknown reader");
        return p;
    }

    /** Unreadable JSON or a value of the wrong type (e.g. connection "TCP"): name the field. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        String detail = "request body is not valid reader JSON";
        if (e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining()).substring(1);
            detail = field + ": " + m.getOriginalMessage().lines().findFirst().orElse("invalid value");
        }
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        p.setTitle("Invalid input");
        return p;
    }
}
