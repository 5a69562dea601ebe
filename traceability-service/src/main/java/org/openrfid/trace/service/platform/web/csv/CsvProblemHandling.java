package org.openrfid.trace.service.platform.web.csv;

import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused import as an RFC 9457 problem detail with the line-numbered reasons in {@code errors}. */
@RestControllerAdvice(basePackages = "org.openrfid.trace")
@Order(Ordered.HIGHEST_PRECEDENCE)
class CsvProblemHandling {

    @ExceptionHandler(CsvRejectedException.class)
    ProblemDetail refused(CsvRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("CSV file refused");
        List<Map<String, Object>> errors = e.problems().stream().map(p -> {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("line", p.line());
            m.put("field", p.field());
            m.put("reason", p.reason());
            return m;
        }).toList();
        problem.setProperty("errors", errors);
        problem.setProperty("errorCount", e.problemCount());
        problem.setProperty("errorsListed", errors.size());
        return problem;
    }
}
