package org.openrfid.trace.service.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies ({@link BodyLimits}): a declared length over the cap is refused before a byte is
 * read; a body without a length is counted as it is read and stops at the cap. Either way the answer is
 * 413 as a problem detail, and nothing of the body has been applied (a multipart body must declare its length:
 * the container reads it past the counter) (imports and captures validate
 * the whole body before they write).
 */
class BodyLimitFilter extends OncePerRequestFilter {

    private final BodyLimits limits;

    BodyLimitFilter(BodyLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limits.bytesFor(request.getRequestURI().substring(request.getContextPath().length()));
        if (request.getContentLengthLong() > limit) {
            tooLarge(response, limit);
            return;
        }
        // The container parses multipart bodies from its own stream, past the counting wrapper below: such a body
        // must declare its length (browsers always do) so the check above caps it.
        if (request.getContentLengthLong() < 0 && request.getContentType() != null
                && request.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            ProblemResponses.write(response, HttpStatus.LENGTH_REQUIRED.value(), "Length Required",
                    "a multipart request body must declare its Content-Length");
            return;
        }
        try {
            chain.doFilter(new Capped(request, limit), response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!causedByCap(e) || response.isCommitted()) {
                throw e;
            }
            response.reset();
            tooLarge(response, limit);
        }
    }

    private static boolean causedByCap(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    static void tooLarge(HttpServletResponse response, long limit) throws IOException {
        ProblemResponses.write(response, HttpStatus.PAYLOAD_TOO_LARGE.value(), "Payload Too Large",
                "request body exceeds the limit of " + limit + " bytes for this endpoint");
    }

    /** The request with its body stream counted against the cap. */
    private static final class Capped extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream counted;

        Capped(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new Counted(super.getInputStream(), limit);
            }
            return counted;
        }
    }

    private static final class Counted extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counted(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = in.read(buffer, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
