package org.openrfid.trace.service.platform.security;

import org.openrfid.trace.service.platform.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles logins ahead of Spring Security: a request carrying credentials (HTTP Basic, a bearer
 * token, the login form) from a user name or address that failed too often gets 429 with
 * {@code Retry-After} and is not checked at all, so guessing costs no password hash either. A failure
 * is what Spring Security answers: 401 to credentials, or the login form's redirect to {@code ?error}.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean formLogin = "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
        String authorization = request.getHeader("Authorization");
        if (!formLogin && authorization == null) {
            chain.doFilter(request, response);
            return;
        }
        String username = formLogin ? request.getParameter("username") : basicUsername(authorization);
        String address = request.getRemoteAddr();
        Optional<Duration> refusal = throttle.refusal(username, address);
        if (refusal.isPresent()) {
            long seconds = Math.max(1, (refusal.get().toMillis() + 999) / 1000);
            response.setHeader("Retry-After", Long.toString(seconds));
            ProblemResponses.write(response, 429, "Too Many Requests", "too many failed logins; try again in " + seconds + " s");
            return;
        }
        chain.doFilter(request, response);
        String location = response.getHeader("Location");
        boolean failed = formLogin ? location != null && location.contains("error") : response.getStatus() == 401;
        if (failed) {
            throttle.failed(username, address);
        }
    }

    /** The user name of HTTP Basic credentials; null for other schemes (a bearer token names no user). */
    static String basicUsername(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
