package org.openrfid.trace.service.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.user.UserAdministration.Outcome;
import org.openrfid.trace.service.user.UserAdministration.UserInput;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The rules of {@link UserAdministration} over in-memory ports. */
class UserAdministrationUnitTests {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    final Map<String, UserAccount> accounts = new HashMap<>();
    final Map<String, String> hashes = new HashMap<>();
    final List<ApiToken> tokens = new ArrayList<>();
    final List<String> hashesOfTokens = new ArrayList<>();
    final List<String> ended = new ArrayList<>();
    final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    final Users users = new Users() {
        public boolean create(UserAccount a, String h) {
            if (accounts.containsKey(a.username())) {
                return false;
            }
            accounts.put(a.username(), a);
            hashes.put(a.username(), h);
            return true;
        }
        public Optional<UserAccount> find(String u) {
            return Optional.ofNullable(accounts.get(u));
        }
        public Optional<String> passwordHash(String u) {
            return Optional.ofNullable(hashes.get(u));
        }
        public List<UserAccount> all() {
            return List.copyOf(accounts.values());
        }
        public boolean update(UserAccount a, String h) {
            if (!accounts.containsKey(a.username())) {
                return false;
            }
            accounts.put(a.username(), a);
            if (h != null) {
                hashes.put(a.username(), h);
            }
            return true;
        }
        public boolean delete(String u) {
            hashes.remove(u);
            return accounts.remove(u) != null;
        }
    };

    final ApiTokens apiTokens = new ApiTokens() {
        public ApiToken create(String u, String n, String h, Instant c, Instant e) {
            ApiToken t = new ApiToken(tokens.size() + 1, u, n, c, e, false);
            tokens.add(t);
            hashesOfTokens.add(h);
            return t;
        }
        public Optional<ApiToken> findByHash(String h) {
            int i = hashesOfTokens.indexOf(h);
            return i < 0 ? Optional.empty() : Optional.of(tokens.get(i));
        }
        public List<ApiToken> ofUser(String u) {
            return tokens.stream().filter(t -> t.username().equals(u)).toList();
        }
        public boolean revoke(String u, long id) {
            return false;
        }
    };

    final UserAdministration admin = new UserAdministration(users, apiTokens, u -> {
        ended.add(u);
        return 1;
    }, encoder, Clock.fixed(NOW, ZoneOffset.UTC));

    static UserInput input(String password, Role... roles) {
        return new UserInput(null, roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles), null, password);
    }

    @Test
    void passwordsAreHashedAndMustHaveTwelveCharacters() {
        assertThatThrownBy(() -> admin.create("traffic1", input("elevenchars", Role.TRAFFIC)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("password:");
        assertThatThrownBy(() -> admin.create("traffic1", input(null, Role.TRAFFIC))).hasMessageStartingWith("password:");
        assertThatThrownBy(() -> admin.create("traffic1", input("x".repeat(73), Role.TRAFFIC))).hasMessageStartingWith("password:");
        assertThat(admin.create("traffic1", input("twelve-chars", Role.TRAFFIC))).isEqualTo(Outcome.DONE);
        assertThat(hashes.get("traffic1")).startsWith("{bcrypt}").doesNotContain("twelve-chars");
        assertThat(encoder.matches("twelve-chars", hashes.get("traffic1"))).isTrue();
        UserAccount stored = accounts.get("traffic1");
        assertThat(stored.displayName()).isEqualTo("traffic1");
        assertThat(stored.enabled()).isTrue();
        assertThat(stored.createdAt()).isEqualTo(NOW);
    }

    @Test
    void usernamesFollowTheRulesAndAdminIsReserved() {
        for (String bad : new String[] {"ab", "Traffic1", "a b", "x".repeat(65), "日本語", null}) {
            assertThatThrownBy(() -> admin.create(bad, input("twelve-chars", Role.TRAFFIC))).hasMessageStartingWith("username:");
        }
        assertThat(admin.create("a.b_c-9", input("twelve-chars", Role.TRAFFIC))).isEqualTo(Outcome.DONE);
        assertThat(admin.create("a.b_c-9", input("twelve-chars", Role.TRAFFIC))).isEqualTo(Outcome.EXISTS);
        assertThat(admin.create("admin", input("twelve-chars", Role.ADMIN))).isEqualTo(Outcome.EXISTS);
        assertThat(accounts).doesNotContainKey("admin");
        assertThatThrownBy(() -> admin.delete("admin")).hasMessageStartingWith("username:");
        assertThatThrownBy(() -> admin.update("admin", input(null, Role.ADMIN))).hasMessageStartingWith("username:");
        assertThatThrownBy(() -> admin.create("norole", input("twelve-chars"))).hasMessageStartingWith("roles:");
    }

    @Test
    void disablingChangingRolesOrDeletingEndsSessionsButARenameOfTheDisplayNameDoesNot() {
        admin.create("lib1", input("twelve-chars", Role.LIBRARIAN));
        admin.update("lib1", new UserInput("Librarian One", EnumSet.of(Role.LIBRARIAN), true, null));
        assertThat(ended).isEmpty();
        assertThat(hashes.get("lib1")).isNotNull();
        admin.update("lib1", new UserInput("Librarian One", EnumSet.of(Role.LIBRARIAN), false, null));
        assertThat(ended).containsExactly("lib1");
        admin.update("lib1", new UserInput("Librarian One", EnumSet.of(Role.LIBRARIAN, Role.AUDITOR), true, null));
        assertThat(ended).containsExactly("lib1", "lib1");
        assertThat(admin.delete("lib1")).isEqualTo(Outcome.DONE);
        assertThat(ended).containsExactly("lib1", "lib1", "lib1");
        assertThat(admin.delete("lib1")).isEqualTo(Outcome.NOT_FOUND);
        assertThat(admin.update("lib1", input(null, Role.LIBRARIAN))).isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void tokensLastNinetyDaysByDefaultAtMostAYearAndAreStoredOnlyHashed() {
        admin.create("ingest1", input("twelve-chars", Role.INGEST));
        UserAdministration.NewToken t = admin.createToken("ingest1", " gantry ", null).orElseThrow();
        assertThat(t.token().expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(90)));
        assertThat(t.token().name()).isEqualTo("gantry");
        assertThat(t.secret()).matches("[A-Za-z0-9_-]{43}");
        assertThat(hashesOfTokens).containsExactly(TokenSecrets.hash(t.secret())).doesNotContain(t.secret());
        assertThat(admin.createToken("ingest1", null, 365).orElseThrow().token().expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(365)));
        assertThatThrownBy(() -> admin.createToken("ingest1", null, 366)).hasMessageStartingWith("expiresInDays:");
        assertThatThrownBy(() -> admin.createToken("ingest1", null, 0)).hasMessageStartingWith("expiresInDays:");
        assertThat(admin.createToken("nobody", null, null)).isEmpty();
        assertThat(admin.createToken("admin", null, null)).isPresent();
        assertThat(admin.createToken("ingest1", null, null).orElseThrow().secret()).isNotEqualTo(t.secret());
    }

    @Test
    void theTokenHashIsSha256Hex() {
        // SHA-256("abc"), FIPS 180-2 appendix B.1
        assertThat(TokenSecrets.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
