package org.openrfid.trace.service.anpr.web;

import java.net.URI;
import java.util.List;
import org.openrfid.trace.service.anpr.PlateIngest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP ingest for ANPR cameras: one plate read, {@code {"reads":[…]}} or an array (see
 * {@code PlateReadJson}). 202 with the counts once the reads are stored (and what was refused, per
 * read); 400 problem detail naming the field when nothing could be used. Refused reads are in
 * {@code GET /api/v1/ingest/dead-letters} with the tag readers' ones.
 */
@RestController
@RequestMapping("/api/v1/ingest")
class PlateIngestController {

    private final PlateIngest ingest;

    PlateIngestController(PlateIngest ingest) {
        this.ingest = ingest;
    }

    /**
     * @param reads      plate reads accepted (stored now, or earlier: re-sent reads are stored once)
     * @param stored     of which new
     * @param duplicates of which stored before
     */
    record Accepted(int received, int reads, int stored, int duplicates, int rejected, List<PlateIngest.Refusal> errors) {
    }

    /** @param cameraId the camera, for reads that do not name it */
    @PostMapping(path = "/plates", consumes = {"application/json", "application/*+json", "text/plain"})
    ResponseEntity<?> plates(@RequestBody(required = false) String body, @RequestParam(required = false) String cameraId) {
        PlateIngest.Result result = ingest.ingest(body, "http", cameraId);
        if (result.acceptedNothing()) {
            PlateIngest.Refusal first = result.refused().get(0);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    result.refused().size() == 1 ? first.detail() : result.refused().size() + " plate reads refused; first: " + first.detail());
            problem.setTitle("Plate read refused");
            problem.setType(URI.create("urn:rfid-trace:problem:ingest-" + first.reason().replace('_', '-')));
            problem.setProperty("reason", first.reason());
            if (first.field() != null) {
                problem.setProperty("field", first.field());
            }
            problem.setProperty("errors", result.refused());
            return ResponseEntity.badRequest().body(problem);
        }
        return ResponseEntity.accepted().body(new Accepted(result.received(), result.reads(), result.stored(), result.duplicates(),
                result.refused().size(), result.refused()));
    }
}
