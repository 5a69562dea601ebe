package org.openrfid.trace.service.privacy;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A 403 problem detail from inside a controller: the caller may use the endpoint, not on this object or kind. */
public class AccessRefusedException extends ErrorResponseException {

    public AccessRefusedException(String detail) {
        super(HttpStatus.FORBIDDEN);
        getBody().setTitle("Forbidden");
        getBody().setDetail(detail);
    }
}
