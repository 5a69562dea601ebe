package org.openrfid.trace.service.epcis;

import org.openrfid.trace.service.privacy.Lookups;
import org.openrfid.trace.service.privacy.Scope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * EPCIS 2.0 REST binding (subset): asynchronous-style capture of EPCIS documents ({@code POST /epcis/capture},
 * 202 with the capture job's location; documents are validated against the official JSON Schema and
 * stored in one transaction before the answer) and the event query {@code GET /epcis/events} over captured
 * events, passages of GS1-identified tags (ObjectEvents) and the registry's aggregations (AggregationEvents).
 */
@RestController
@RequestMapping("/epcis")
public class EpcisController {

    static final String EPCIS_CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
    static final int DEFAULT_PER_PAGE = 100;
    static final int MAX_PER_PAGE = 1000;
    private static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");

    private final ObjectMapper json = new ObjectMapper();
    private final Lookups lookups;
    private final EpcisSchema schema;
    private final EpcisEventStore store;
    private final EpcisEvents events;
    private final Clock clock;

    public EpcisController(EpcisSchema schema, EpcisEventStore store, EpcisEvents events, ObjectProvider<Clock> clock, Lookups lookups) {
        this.lookups = lookups;
        this.schema = schema;
        this.store = store;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @PostMapping(path = "/capture", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/ld+json"})
    public ResponseEntity<Void> capture(@RequestBody String body) {
        JsonNode document;
        try {
            document = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidEpcisDocumentException(List.of("not JSON: " + e.getOriginalMessage()));
        }
        if (document == null || !document.isObject()) {
            throw new InvalidEpcisDocumentException(List.of("the body must be a JSON object"));
        }
        String type = document.path("type").asText();
        if (!"EPCISDocument".equals(type) && !"EPCISQueryDocument".equals(type)) {
            throw new InvalidEpcisDocumentException(List.of("type: must be EPCISDocument or EPCISQueryDocument, was '" + type + "'"));
        }
        List<String> errors = schema.validate(document);
        if (!errors.isEmpty()) {
            throw new InvalidEpcisDocumentException(errors);
        }
        EpcisEventStore.Job job = store.capture(document, clock.instant());
        return ResponseEntity.accepted().location(URI.create("/epcis/capture/" + job.id()))
                .header("GS1-EPCIS-Version", "2.0.0").header("GS1-CBV-Version", "2.0.0").build();
    }

    @GetMapping(path = "/capture/{captureId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ObjectNode> captureJob(@PathVariable String captureId) {
        return store.job(captureId).map(job -> {
            ObjectNode out = json.createObjectNode();
            out.put("captureID", job.id());
            out.put("createdAt", job.createdAt().toString());
            if (job.finishedAt() != null) {
                out.put("finishedAt", job.finishedAt().toString());
            }
            out.put("running", job.finishedAt() == null);
            out.put("success", "SUCCEEDED".equals(job.state()));
            out.put("captureErrorBehaviour", "rollback");
            out.put("eventCount", job.eventCount());
            out.putArray("errors");
            return ResponseEntity.ok(out);
        // a problem detail as for every other API error, not an empty 404 (HttpFuzzIntegrationTests)
        }).orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "captureId: no capture job '" + captureId + "'"), null));
    }

    @GetMapping(path = "/events", produces = {"application/ld+json", MediaType.APPLICATION_JSON_VALUE})
    public ResponseEntity<ObjectNode> events(
            @RequestParam(required = false) String eventType,
            @RequestParam(name = "GE_eventTime", required = false) String geEventTime,
            @RequestParam(name = "LT_eventTime", required = false) String ltEventTime,
            @RequestParam(name = "MATCH_epc", required = false) String matchEpc,
            @RequestParam(name = "MATCH_parentID", required = false) String matchParentId,
            @RequestParam(name = "MATCH_anyEPC", required = false) String matchAnyEpc,
            @RequestParam(name = "EQ_bizStep", required = false) String eqBizStep,
            @RequestParam(name = "EQ_readPoint", required = false) String eqReadPoint,
            @RequestParam(name = "EQ_bizLocation", required = false) String eqBizLocation,
            @RequestParam(required = false) Integer perPage,
            @RequestParam(required = false) String nextPageToken,
            HttpServletRequest request) {
        int size = perPage == null ? DEFAULT_PER_PAGE : perPage;
        if (size < 1 || size > MAX_PER_PAGE) {
            throw new IllegalArgumentException("perPage: must be between 1 and " + MAX_PER_PAGE + ", was " + size);
        }
        Set<String> types = new LinkedHashSet<>(values(eventType, "[,|]", Function.identity()));
        for (String t : types) {
            if (!Set.of("ObjectEvent", "AggregationEvent", "TransactionEvent", "TransformationEvent", "AssociationEvent").contains(t)) {
                throw new IllegalArgumentException("eventType: unknown event type '" + t + "'");
            }
        }
        EpcisQuery q = new EpcisQuery(types, time("GE_eventTime", geEventTime), time("LT_eventTime", ltEventTime),
                values(matchEpc, "\\|", Vocabulary::epc), values(matchParentId, "\\|", Vocabulary::epc), values(matchAnyEpc, "\\|", Vocabulary::epc),
                values(eqBizStep, "\\|", Vocabulary::bizStep), values(eqReadPoint, "\\|", Vocabulary::location),
                values(eqBizLocation, "\\|", Vocabulary::location));
        String about = request.getQueryString() == null ? "all events" : request.getQueryString();
        Scope scope = lookups.scope("EPCIS_QUERY", about);
        EpcisEvents.Page page = events.query(q, nextPageToken, size, scope);
        lookups.record("EPCIS_QUERY", about, null, page.events().size());
        ObjectNode doc = queryDocument(page);
        HttpHeaders headers = new HttpHeaders();
        headers.add("GS1-EPCIS-Version", "2.0.0");
        headers.add("GS1-CBV-Version", "2.0.0");
        if (page.nextPageToken() != null) {
            String next = nextPageUri(request, page.nextPageToken());
            headers.add(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
            headers.add("GS1-Next-Page-Token", page.nextPageToken());
        }
        return ResponseEntity.ok().headers(headers).contentType(JSON_LD).body(doc);
    }

    /** The same query with the next page's token (all query parameters kept, encoded). */
    private static String nextPageUri(HttpServletRequest request, String token) {
        UriComponentsBuilder b = ServletUriComponentsBuilder.fromRequestUri(request);
        request.getParameterMap().forEach((name, values) -> {
            if (!"nextPageToken".equals(name)) {
                for (String v : values) {
                    b.queryParam(name, v);
                }
            }
        });
        b.queryParam("nextPageToken", token);
        return b.encode().build().toUriString();
    }

    ObjectNode queryDocument(EpcisEvents.Page page) {
        ObjectNode doc = json.createObjectNode();
        ArrayNode context = doc.putArray("@context");
        context.add(EPCIS_CONTEXT);
        ObjectNode prefixes = json.createObjectNode();
        for (JsonNode c : page.contexts()) {
            for (JsonNode part : c.isArray() ? c : List.of(c)) {
                if (part.isObject()) {
                    part.fields().forEachRemaining(f -> {
                        if (!prefixes.has(f.getKey())) {
                            prefixes.set(f.getKey(), f.getValue());
                        }
                    });
                }
            }
        }
        if (!prefixes.isEmpty()) {
            context.add(prefixes);
        }
        doc.put("type", "EPCISQueryDocument");
        doc.put("schemaVersion", "2.0");
        doc.put("creationDate", EventHash.utcMillis(clock.instant().toString()));
        ObjectNode results = doc.putObject("epcisBody").putObject("queryResults");
        results.put("queryName", "SimpleEventQuery");
        results.putObject("resultsBody").putArray("eventList").addAll(page.events());
        return doc;
    }

    @ExceptionHandler(InvalidEpcisDocumentException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidEpcisDocumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.errors().size() + " error(s): the document is not a valid EPCIS 2.0 document; nothing was captured");
        problem.setTitle("Invalid EPCIS document");
        problem.setProperty("errors", e.errors());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static <T> List<T> values(String raw, String separator, Function<String, T> normalise) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        List<T> out = new ArrayList<>();
        Arrays.stream(raw.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).map(normalise).forEach(out::add);
        return out;
    }

    private static Instant time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not an ISO 8601 date-time with offset");
        }
    }
}
