package org.openrfid.trace.service.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The rules for database users and their tokens: names, password length, the reserved bootstrap
 * {@code admin}, hashing, token lifetimes, and ending a user's sessions when the user is disabled or deleted.
 * Invalid input is an {@link IllegalArgumentException} whose message starts with the field's name.
 */
public class UserAdministration {

    /** The bootstrap administrator: not in the database, its password from {@code RFID_ADMIN_PASSWORD}. */
    public static final String BOOTSTRAP_ADMIN = "admin";
    public static final int MIN_PASSWORD_LENGTH = 12;
    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than cut. */
    public static final int MAX_PASSWORD_BYTES = 72;
    public static final int DEFAULT_TOKEN_DAYS = 90;
    public static final int MAX_TOKEN_DAYS = 365;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");

    private final Users users;
    private final ApiTokens tokens;
    private final UserSessions sessions;
    private final PasswordEncoder encoder;
    private final Clock clock;

    public UserAdministration(Users users, ApiTokens tokens, UserSessions sessions, PasswordEncoder encoder, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.sessions = sessions;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** What a new or replaced user looks like; {@code password} may be null on update (kept). */
    public record UserInput(String displayName, Set<Role> roles, Boolean enabled, String password) {
    }

    public enum Outcome { DONE, NOT_FOUND, EXISTS }

    public static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("username: 3 to 64 characters of a-z, 0-9, '.', '_' and '-'");
        }
    }

    public Optional<UserAccount> find(String username) {
        return users.find(username);
    }

    public List<UserAccount> all() {
        return users.all();
    }

    /** Creates a user; {@link Outcome#EXISTS} when the name is taken (the bootstrap admin's included). */
    public Outcome create(String username, UserInput in) {
        checkUsername(username);
        checkPassword(in.password(), true);
        UserAccount account = account(username, in);
        if (BOOTSTRAP_ADMIN.equals(username)) {
            return Outcome.EXISTS;
        }
        return users.create(account, encoder.encode(in.password())) ? Outcome.DONE : Outcome.EXISTS;
    }

    /** Replaces a user's display name, roles and enabled flag (and password when given); a disabled user's sessions end. */
    public Outcome update(String username, UserInput in) {
        refuseBootstrapAdmin(username);
        checkPassword(in.password(), false);
        Optional<UserAccount> old = users.find(username);
        if (old.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        UserAccount account = account(username, in);
        account = new UserAccount(username, account.displayName(), account.roles(), account.enabled(), old.get().createdAt());
        if (!users.update(account, in.password() == null ? null : encoder.encode(in.password()))) {
            return Outcome.NOT_FOUND;
        }
        if (!account.enabled() || !account.roles().equals(old.get().roles())) {
            // a session holds the roles it logged in with: end it when they change, and always when disabled
            sessions.endAll(username);
        }
        return Outcome.DONE;
    }

    /** Deletes a user and its tokens and ends its sessions. */
    public Outcome delete(String username) {
        refuseBootstrapAdmin(username);
        if (!users.delete(username)) {
            return Outcome.NOT_FOUND;
        }
        sessions.endAll(username);
        return Outcome.DONE;
    }

    /** A new token and its secret, to be shown once. */
    public record NewToken(ApiToken token, String secret) {
    }

    /** Creates a token for an existing user (or the bootstrap admin); empty when there is no such user. */
    public Optional<NewToken> createToken(String username, String name, Integer expiresInDays) {
        int days = expiresInDays == null ? DEFAULT_TOKEN_DAYS : expiresInDays;
        if (days < 1 || days > MAX_TOKEN_DAYS) {
            throw new IllegalArgumentException("expiresInDays: between 1 and " + MAX_TOKEN_DAYS);
        }
        if (name != null && name.length() > 100) {
            throw new IllegalArgumentException("name: at most 100 characters");
        }
        if (!BOOTSTRAP_ADMIN.equals(username) && users.find(username).isEmpty()) {
            return Optional.empty();
        }
        String secret = TokenSecrets.generate();
        Instant now = clock.instant();
        ApiToken token = tokens.create(username, name == null || name.isBlank() ? null : name.strip(), TokenSecrets.hash(secret),
                now, now.plus(Duration.ofDays(days)));
        return Optional.of(new NewToken(token, secret));
    }

    public List<ApiToken> tokens(String username) {
        return tokens.ofUser(username);
    }

    public boolean revokeToken(String username, long id) {
        return tokens.revoke(username, id);
    }

    private static void refuseBootstrapAdmin(String username) {
        if (BOOTSTRAP_ADMIN.equals(username)) {
            throw new IllegalArgumentException("username: '" + BOOTSTRAP_ADMIN
                    + "' is the bootstrap administrator (password from RFID_ADMIN_PASSWORD) and cannot be changed through the API");
        }
    }

    private static void checkPassword(String password, boolean required) {
        if (password == null) {
            if (required) {
                throw new IllegalArgumentException("password: required, at least " + MIN_PASSWORD_LENGTH + " characters");
            }
            return;
        }
        if (password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password: at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("password: at most " + MAX_PASSWORD_BYTES + " bytes (UTF-8)");
        }
    }

    private UserAccount account(String username, UserInput in) {
        if (in.roles() == null || in.roles().isEmpty()) {
            throw new IllegalArgumentException("roles: at least one of " + List.of(Role.values()));
        }
        String displayName = in.displayName() == null || in.displayName().isBlank() ? username : in.displayName().strip();
        if (displayName.length() > 200) {
            throw new IllegalArgumentException("displayName: at most 200 characters");
        }
        return new UserAccount(username, displayName, in.roles(), in.enabled() == null || in.enabled(), clock.instant());
    }
}
