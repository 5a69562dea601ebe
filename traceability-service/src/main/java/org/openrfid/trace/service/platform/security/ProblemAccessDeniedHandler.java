package org.openrfid.trace.service.platform.security;

import org.openrfid.trace.service.platform.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/** A forbidden API call as an RFC 9457 problem detail, like every other API error. */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) throws IOException {
        ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "your roles do not allow this request");
    }
}
