package org.openrfid.trace.service.ingest;

import org.openrfid.trace.pipeline.ingest.ReaderJsonMapper;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP ingest for readers that push JSON (Impinj IoT device interface webhooks, Zebra IoT Connector
 * HTTP POST, gateways using the generic format; see {@link ReaderJsonMapper}).
 *
 * <p>202 when reads were taken (journalled to disk first, {@code rfid.ingest.journal}, so a crash after
 * the answer loses none) (with what was refused, if any, per message); 400 problem detail when
 * nothing in the payload could be used. Refused messages are in {@code GET /api/v1/ingest/dead-letters}.
 */
@RestController
@RequestMapping("/api/v1/ingest")
@Validated
class IngestController {

    private final ReadIngest ingest;
    private final DeadLetters deadLetters;

    IngestController(ReadIngest ingest, DeadLetters deadLetters) {
        this.ingest = ingest;
        this.deadLetters = deadLetters;
    }

    record Accepted(int messages, int reads, int batches, int rejected, List<ReadIngest.Refusal> errors) {
    }

    /**
     * Accepts one JSON message, a JSON array of messages, or newline-delimited JSON.
     *
     * @param readerId the reader, for formats whose messages do not name it (Zebra)
     */
    @PostMapping(path = "/reads", consumes = {"application/json", "application/x-ndjson", "application/*+json", "text/plain"})
    ResponseEntity<?> reads(@RequestBody(required = false) String body, @RequestParam(required = false) String readerId) {
        ReadIngest.Result result;
        try {
            result = ingest.ingest(body, "http", readerId);
        } catch (ReadJournal.FullException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
            problem.setTitle("Ingest journal full");
            problem.setType(URI.create("urn:rfid-trace:problem:ingest-journal-full"));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30").body(problem);
        }
        if (result.acceptedNothing()) {
            ReadIngest.Refusal first = result.refused().get(0);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    result.messages() == 1 ? first.detail() : result.refused().size() + " messages refused; first: " + first.detail());
            problem.setTitle("Reader message refused");
            problem.setType(URI.create("urn:rfid-trace:problem:ingest-" + first.reason().replace('_', '-')));
            problem.setProperty("reason", first.reason());
            problem.setProperty("errors", result.refused());
            return ResponseEntity.badRequest().body(problem);
        }
        return ResponseEntity.accepted().body(new Accepted(result.messages(), result.reads(), result.batches(),
                result.refused().size(), result.refused()));
    }

    /** The newest refused messages, newest first ({@code limit} 1..1000, default 100). */
    @GetMapping("/dead-letters")
    List<DeadLetters.DeadLetter> deadLetters(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return deadLetters.newest(limit);
    }
}
