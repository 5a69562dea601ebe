package org.openrfid.trace.service.library;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The library API's refusals as RFC 9457 problem details with a title that says which rule was broken. */
public final class LibraryProblems {

    private LibraryProblems() {
    }

    public static ErrorResponseException badRequest(String title, String detail) {
        return problem(HttpStatus.BAD_REQUEST, title, detail);
    }

    public static ErrorResponseException notFound(String title, String detail) {
        return problem(HttpStatus.NOT_FOUND, title, detail);
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ErrorResponseException e = new ErrorResponseException(status);
        e.getBody().setTitle(title);
        e.getBody().setDetail(detail);
        return e;
    }
}
