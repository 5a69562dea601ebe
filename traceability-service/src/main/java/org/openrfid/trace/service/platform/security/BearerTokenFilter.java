package org.openrfid.trace.service.platform.security;

import org.openrfid.trace.service.platform.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.openrfid.trace.service.user.ApiToken;
import org.openrfid.trace.service.user.ApiTokens;
import org.openrfid.trace.service.user.TokenSecrets;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>}: the token's SHA-256 is looked up (no password hash per request); an
 * unknown, expired or revoked token, or one of a disabled or deleted user, gets 401 at once. The
 * authentication lives for this request only (no session).
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "bearer ";

    private final Supplier<Optional<ApiTokens>> tokens;
    private final AccountDetailsService accounts;
    private final Clock clock;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerTokenFilter(Supplier<Optional<ApiTokens>> tokens, AccountDetailsService accounts, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() < PREFIX.length() || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            chain.doFilter(request, response);
            return;
        }
        String secret = header.substring(PREFIX.length()).trim();
        Optional<UserDetails> user = tokens.get()
                .flatMap(t -> secret.isEmpty() ? Optional.empty() : t.findByHash(TokenSecrets.hash(secret)))
                .filter(t -> t.activeAt(clock.instant()))
                .map(ApiToken::username)
                .flatMap(accounts::withoutPassword)
                .filter(UserDetails::isEnabled);
        if (user.isEmpty()) {
            contexts.clearContext();
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                    "The bearer token is unknown, expired or revoked, or its user is disabled");
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get(), null, user.get().getAuthorities()));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
