package org.openrfid.trace.service.ingest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.openrfid.trace.pipeline.ingest.ReaderJsonMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
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
 * nothing in the payload could be used; 503 problem detail with {@code Retry-After} when the reads could
 * not be kept (journal full) or the pipeline is held by a full spool, and then nothing of the request
 * was taken. Refused messages are in {@code GET /api/v1/ingest/dead-letters}.
 */
@RestController
@RequestMapping("/api/v1/ingest")
@Validated
class IngestController {

    private final ReadIngest ingest;
    private final DeadLetters deadLetters;
    private final PipelineHold hold;
    private final String retryAfterSeconds;

    IngestController(ReadIngest ingest, DeadLetters deadLetters, ObjectProvider<PipelineHold> hold, IngestProperties properties) {
        this.ingest = ingest;
        this.deadLetters = deadLetters;
        this.hold = hold.getIfAvailable(() -> PipelineHold.NONE);
        this.retryAfterSeconds = properties.retryAfterSeconds();
    }

    record Accepted(int messages, int reads, int batches, int rejected, List<ReadIngest.Refusal> errors) {
    }

    /**
     * Accepts one JSON message, a JSON array of messages, or newline-delimited JSON.
     *
     * @param readerId the reader, for formats whose messages do not name it (Zebra)
     */
    @PostMapping(path = "/reads", consumes = {"application/json", "application/x-ndjson", "application/*+json", "text/plain"})
    @Operation(summary = "Takes reader JSON: one message, an array of messages, or newline-delimited JSON")
    @ApiResponse(responseCode = "202", description = "reads taken, journalled to disk before this answer; refused messages listed")
    @ApiResponse(responseCode = "400", description = "nothing in the payload could be used (problem detail, per message)")
    @ApiResponse(responseCode = "503", description = "nothing of the request was taken: the ingest journal is full "
            + "(urn:rfid-trace:problem:ingest-journal-full) or the pipeline is held because the passage store is away and the "
            + "spool full or out of disk (urn:rfid-trace:problem:ingest-held). Send the same request again after Retry-After "
            + "seconds (rfid.ingest.retry-after, 30 s by default)",
            headers = @Header(name = "Retry-After", description = "seconds to wait before sending the request again",
                    schema = @Schema(type = "integer")),
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<?> reads(@RequestBody(required = false) String body, @RequestParam(required = false) String readerId) {
        // Checked before anything is parsed: a refused request leaves no journal record, read or dead letter.
        Optional<String> held = hold.reason();
        if (held.isPresent()) {
            return unavailable("Ingest held", "ingest-held", held.get() + "; nothing of this request was taken, send it again later");
        }
        ReadIngest.Result result;
        try {
            result = ingest.ingest(body, "http", readerId);
        } catch (ReadJournal.FullException e) {
            return unavailable("Ingest journal full", "ingest-journal-full", e.getMessage());
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

    /** 503 with {@code Retry-After}: the sender keeps the request and sends it again (nothing of it was taken). */
    private ResponseEntity<ProblemDetail> unavailable(String title, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle(title);
        problem.setType(URI.create("urn:rfid-trace:problem:" + type));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, retryAfterSeconds).body(problem);
    }

    /** The newest refused messages, newest first ({@code limit} 1..1000, default 100). */
    @GetMapping("/dead-letters")
    List<DeadLetters.DeadLetter> deadLetters(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return deadLetters.newest(limit);
    }
}
