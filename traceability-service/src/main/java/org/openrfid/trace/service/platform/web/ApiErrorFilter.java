package org.openrfid.trace.service.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Errors raised before a controller of ours was chosen (no handler for the media type or method, a URL
 * Spring Security's firewall refuses such as one with '%25' or ';') end in {@code sendError}, which Boot
 * renders as its own JSON, not as a problem detail: {@code ProblemHandling} only advises our controllers.
 * On the API this filter turns those {@code sendError} calls into problem details (found by
 * {@code HttpFuzzIntegrationTests}).
 */
class ApiErrorFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/epcis/")) {
            chain.doFilter(request, new ProblemOnError(response));
        } else {
            chain.doFilter(request, response);
        }
    }

    private static final class ProblemOnError extends HttpServletResponseWrapper {

        ProblemOnError(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (isCommitted()) {
                super.sendError(status, message);
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            resetBuffer();
            ProblemResponses.write((HttpServletResponse) getResponse(), status, title,
                    message == null || message.isBlank() ? title : message);
            flushBuffer();
        }
    }
}
