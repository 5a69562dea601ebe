package org.openrfid.trace.service.platform.web;

import jakarta.validation.ConstraintViolationException;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the REST API as RFC 9457 problem details that name the offending parameter. Spring's
 * own MVC exceptions are rendered by the base class (spring.mvc.problemdetails.enabled).
 */
@RestControllerAdvice(basePackages = "org.openrfid.trace")
class ProblemHandling extends ResponseEntityExceptionHandler {

    /** A body cut off at its cap while a controller read it; the filter answers when nothing handled it here. */
    @ExceptionHandler(BodyTooLargeException.class)
    ProblemDetail bodyTooLarge(BodyTooLargeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    }

    @Override
    protected org.springframework.http.ResponseEntity<Object> handleHttpMessageNotReadable(
            org.springframework.http.converter.HttpMessageNotReadableException ex, org.springframework.http.HttpHeaders headers,
            org.springframework.http.HttpStatusCode status, org.springframework.web.context.request.WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return org.springframework.http.ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(bodyTooLarge(tooLarge));
            }
        }
        return super.handleHttpMessageNotReadable(ex, headers, status, request);
    }

    /**
     * A path variable that is blank ('/api/v1/vehicles/%20') is bad input, not a server fault: Spring's
     * default answered 400 with a problem detail saying 500 "Internal Server Error" (HttpFuzzIntegrationTests).
     */
    @Override
    protected org.springframework.http.ResponseEntity<Object> handleMissingPathVariable(
            org.springframework.web.bind.MissingPathVariableException ex, org.springframework.http.HttpHeaders headers,
            org.springframework.http.HttpStatusCode status, org.springframework.web.context.request.WebRequest request) {
        if (!ex.isMissingAfterConversion()) {
            return super.handleMissingPathVariable(ex, headers, status, request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getVariableName() + ": must not be blank");
        problem.setTitle("Invalid request parameter");
        return org.springframework.http.ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail invalidParameter(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .map(v -> parameterName(v.getPropertyPath().toString()) + ": " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request parameter");
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail wrongType(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.getName() + ": '" + e.getValue() + "' is not a valid " + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName()));
        problem.setTitle("Invalid request parameter");
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badInput(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid input");
        return problem;
    }

    private static String parameterName(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

}
