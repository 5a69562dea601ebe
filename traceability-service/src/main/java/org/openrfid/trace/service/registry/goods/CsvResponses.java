package org.openrfid.trace.service.registry.goods;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.ToLongFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Shared shapes of the object registries' REST answers: streamed CSV exports and 404 problems. */
public final class CsvResponses {

    private CsvResponses() {
    }

    public static ResponseEntity<StreamingResponseBody> csv(String filename, ToLongFunction<Writer> export) {
        StreamingResponseBody body = out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            export.applyAsLong(w);
            w.flush();
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }

    public static ErrorResponseException notFound(String title, String detail) {
        ErrorResponseException e = new ErrorResponseException(HttpStatus.NOT_FOUND);
        e.getBody().setTitle(title);
        e.getBody().setDetail(detail);
        return e;
    }
}
