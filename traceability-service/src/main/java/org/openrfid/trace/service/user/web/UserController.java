package org.openrfid.trace.service.user.web;

import org.openrfid.trace.service.audit.Auditor;
import org.openrfid.trace.service.audit.AuditOutcome;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openrfid.trace.service.user.ApiToken;
import org.openrfid.trace.service.user.Role;
import org.openrfid.trace.service.user.UserAccount;
import org.openrfid.trace.service.user.UserAdministration;
import org.openrfid.trace.service.user.UserAdministration.Outcome;
import org.openrfid.trace.service.user.UserAdministration.UserInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Users (ADMIN), the caller ({@code /api/v1/me}) and API tokens (ADMIN or the user themself); passwords are never returned. */
@RestController
class UserController {

    private final UserAdministration admin;
    private final Auditor auditor;

    UserController(UserAdministration admin, Auditor auditor) {
        this.auditor = auditor;
        this.admin = admin;
    }

    /** What a client sends; {@code password} is write-only. */
    record UserRequest(String username, String displayName, List<String> roles, Boolean enabled, String password) {
    }

    record UserView(String username, String displayName, List<Role> roles, boolean enabled, Instant createdAt) {
        static UserView of(UserAccount a) {
            return new UserView(a.username(), a.displayName(), a.roles().stream().sorted().toList(), a.enabled(), a.createdAt());
        }
    }

    record MeView(String username, String displayName, List<String> roles) {
    }

    record TokenRequest(String name, Integer expiresInDays) {
    }

    record TokenCreated(long id, String token, Instant expiresAt) {
    }

    record TokenView(long id, String name, Instant createdAt, Instant expiresAt, boolean revoked) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.id(), t.name(), t.createdAt(), t.expiresAt(), t.revoked());
        }
    }

    @GetMapping("/api/v1/users")
    List<UserView> list() {
        return admin.all().stream().map(UserView::of).toList();
    }

    @PostMapping("/api/v1/users")
    ResponseEntity<UserView> create(@RequestBody UserRequest r) {
        UserAdministration.checkUsername(r.username());
        Outcome outcome = admin.create(r.username(), input(r));
        if (outcome == Outcome.EXISTS) {
            throw problem(HttpStatus.CONFLICT, "User exists", "username: '" + r.username() + "' is taken");
        }
        UserView created = one(r.username());
        auditor.record("USER_CREATED", describe(created), null, 1L, AuditOutcome.OK);
        return ResponseEntity.created(URI.create("/api/v1/users/" + r.username())).body(created);
    }

    @GetMapping("/api/v1/users/{username}")
    UserView one(@PathVariable String username) {
        return admin.find(username).map(UserView::of).orElseThrow(() -> notFound(username));
    }

    @PutMapping("/api/v1/users/{username}")
    UserView replace(@PathVariable String username, @RequestBody UserRequest r) {
        if (r.username() != null && !r.username().equals(username)) {
            throw new IllegalArgumentException("username: a user cannot be renamed ('" + r.username() + "' in the body, '" + username + "' in the path)");
        }
        if (admin.update(username, input(r)) == Outcome.NOT_FOUND) {
            throw notFound(username);
        }
        UserView changed = one(username);
        auditor.record("USER_CHANGED", describe(changed) + (r.password() != null ? " password set" : ""), null, 1L, AuditOutcome.OK);
        return changed;
    }

    @DeleteMapping("/api/v1/users/{username}")
    ResponseEntity<Void> delete(@PathVariable String username) {
        if (admin.delete(username) == Outcome.NOT_FOUND) {
            throw notFound(username);
        }
        auditor.record("USER_DELETED", "user " + username, null, 1L, AuditOutcome.OK);
        return ResponseEntity.noContent().build();
    }

    /** How the trail names a user change: who, with which roles, enabled or not (never the password). */
    private static String describe(UserView u) {
        return "user " + u.username() + " roles " + u.roles() + (u.enabled() ? " enabled" : " disabled");
    }

    @GetMapping("/api/v1/me")
    MeView me(Authentication caller) {
        List<String> roles = caller.getAuthorities().stream().map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList();
        String displayName = admin.find(caller.getName()).map(UserAccount::displayName)
                .orElse(UserAdministration.BOOTSTRAP_ADMIN.equals(caller.getName()) ? "Administrator" : caller.getName());
        return new MeView(caller.getName(), displayName, roles);
    }

    @PostMapping("/api/v1/users/{username}/tokens")
    ResponseEntity<TokenCreated> createToken(@PathVariable String username, @RequestBody(required = false) TokenRequest r,
                                             Authentication caller) {
        checkAdminOrSelf(username, caller);
        TokenRequest body = r == null ? new TokenRequest(null, null) : r;
        UserAdministration.NewToken created = admin.createToken(username, body.name(), body.expiresInDays())
                .orElseThrow(() -> notFound(username));
        auditor.record("TOKEN_CREATED", "user " + username + " token " + created.token().id(), null, 1L, AuditOutcome.OK);
        return ResponseEntity.created(URI.create("/api/v1/users/" + username + "/tokens/" + created.token().id()))
                .body(new TokenCreated(created.token().id(), created.secret(), created.token().expiresAt()));
    }

    @GetMapping("/api/v1/users/{username}/tokens")
    List<TokenView> tokens(@PathVariable String username, Authentication caller) {
        checkAdminOrSelf(username, caller);
        return admin.tokens(username).stream().map(TokenView::of).toList();
    }

    @DeleteMapping("/api/v1/users/{username}/tokens/{id}")
    ResponseEntity<Void> revoke(@PathVariable String username, @PathVariable long id, Authentication caller) {
        checkAdminOrSelf(username, caller);
        if (!admin.revokeToken(username, id)) {
            throw problem(HttpStatus.NOT_FOUND, "Token not found", "user '" + username + "' has no token " + id);
        }
        auditor.record("TOKEN_REVOKED", "user " + username + " token " + id, null, 1L, AuditOutcome.OK);
        return ResponseEntity.noContent().build();
    }

    /** The security rules say so already; checked again here so a changed rule cannot open it. */
    private static void checkAdminOrSelf(String username, Authentication caller) {
        boolean isAdmin = caller.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        if (!isAdmin && !caller.getName().equals(username)) {
            throw problem(HttpStatus.FORBIDDEN, "Forbidden", "only ADMIN or the user themself may manage these tokens");
        }
    }

    private static UserInput input(UserRequest r) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (r.roles() != null) {
            r.roles().forEach(name -> roles.add(Role.parse(name)));
        }
        return new UserInput(r.displayName(), roles, r.enabled(), r.password());
    }

    private static ErrorResponseException notFound(String username) {
        return problem(HttpStatus.NOT_FOUND, "User not found", "no user '" + username + "'"
                + (UserAdministration.BOOTSTRAP_ADMIN.equals(username) ? " in the database (the bootstrap admin is not managed here)" : ""));
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ErrorResponseException e = new ErrorResponseException(status);
        e.getBody().setTitle(title);
        e.getBody().setDetail(detail);
        return e;
    }
}
