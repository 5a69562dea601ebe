package org.openrfid.trace.service.user.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.user.ApiToken;
import org.openrfid.trace.service.user.ApiTokens;
import org.openrfid.trace.service.user.Role;
import org.openrfid.trace.service.user.TokenSecrets;
import org.openrfid.trace.service.user.UserAccount;
import org.openrfid.trace.service.user.Users;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What the user and token stores must do on every database. Subclasses supply a fresh, empty database per test. */
abstract class UserStoreContractTests {

    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    protected Users users;
    protected ApiTokens tokens;

    protected abstract DataSource freshDatabase();

    protected abstract Flyway flyway(DataSource dataSource);

    @BeforeEach
    void migrateFreshDatabase() {
        DataSource dataSource = freshDatabase();
        flyway(dataSource).migrate();
        users = UserStoreConfiguration.createUsers(dataSource, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        tokens = UserStoreConfiguration.createApiTokens(dataSource);
    }

    static UserAccount account(String name, Set<Role> roles, boolean enabled) {
        return new UserAccount(name, "Officer " + name, roles, enabled, T0);
    }

    @Test
    void aCreatedUserIsFoundWithItsRolesAndHashAndADuplicateIsRefused() {
        assertThat(users.create(account("traffic1", EnumSet.of(Role.TRAFFIC, Role.AUDITOR), true), "{bcrypt}h1")).isTrue();
        assertThat(users.create(account("traffic1", EnumSet.of(Role.ADMIN), true), "{bcrypt}h2")).isFalse();
        assertThat(users.find("traffic1")).contains(account("traffic1", EnumSet.of(Role.TRAFFIC, Role.AUDITOR), true));
        assertThat(users.passwordHash("traffic1")).contains("{bcrypt}h1");
        assertThat(users.find("nobody")).isEmpty();
        assertThat(users.passwordHash("nobody")).isEmpty();
    }

    @Test
    void allListsUsersInNameOrderWithEmptyRoleSetsToo() {
        users.create(account("zed", EnumSet.of(Role.METRICS), true), "h");
        users.create(account("abe", EnumSet.noneOf(Role.class), false), "h");
        users.create(account("Mia", EnumSet.of(Role.LIBRARIAN, Role.LOGISTICS), true), "h");
        assertThat(users.all()).extracting(UserAccount::username).containsExactly("Mia", "abe", "zed");
        assertThat(users.all().get(1).roles()).isEmpty();
        assertThat(users.all().get(1).enabled()).isFalse();
    }

    @Test
    void updateReplacesRolesAndFlagsAndKeepsThePasswordUnlessGiven() {
        users.create(account("lib1", EnumSet.of(Role.LIBRARIAN), true), "old");
        assertThat(users.update(account("lib1", EnumSet.of(Role.CUSTOMS, Role.INGEST), false), null)).isTrue();
        assertThat(users.find("lib1")).contains(account("lib1", EnumSet.of(Role.CUSTOMS, Role.INGEST), false));
        assertThat(users.passwordHash("lib1")).contains("old");
        assertThat(users.update(account("lib1", EnumSet.of(Role.CUSTOMS), true), "new")).isTrue();
        assertThat(users.passwordHash("lib1")).contains("new");
        assertThat(users.update(account("ghost", EnumSet.of(Role.CUSTOMS), true), "x")).isFalse();
        assertThat(users.find("ghost")).isEmpty();
    }

    @Test
    void deleteRemovesTheUserItsRolesAndItsTokens() {
        users.create(account("gone", EnumSet.of(Role.TRAFFIC), true), "h");
        tokens.create("gone", "t", TokenSecrets.hash("s1"), T0, T0.plus(1, ChronoUnit.DAYS));
        assertThat(users.delete("gone")).isTrue();
        assertThat(users.delete("gone")).isFalse();
        assertThat(users.find("gone")).isEmpty();
        assertThat(tokens.findByHash(TokenSecrets.hash("s1"))).isEmpty();
        // the name can be taken again, without the old roles
        users.create(account("gone", EnumSet.of(Role.METRICS), true), "h");
        assertThat(users.find("gone").orElseThrow().roles()).containsExactly(Role.METRICS);
    }

    @Test
    void tokensAreFoundByHashListedPerUserAndRevokedOnlyByTheirOwner() {
        users.create(account("ingest1", EnumSet.of(Role.INGEST), true), "h");
        Instant expires = T0.plus(90, ChronoUnit.DAYS);
        ApiToken a = tokens.create("ingest1", "gantry-7", TokenSecrets.hash("secret-a"), T0, expires);
        ApiToken b = tokens.create("ingest1", null, TokenSecrets.hash("secret-b"), T0.plusSeconds(1), expires);
        ApiToken c = tokens.create("admin", "admin's", TokenSecrets.hash("secret-c"), T0, expires);
        assertThat(a.id()).isNotEqualTo(b.id());
        assertThat(tokens.findByHash(TokenSecrets.hash("secret-a")))
                .contains(new ApiToken(a.id(), "ingest1", "gantry-7", T0, expires, false));
        assertThat(tokens.findByHash(TokenSecrets.hash("secret-x"))).isEmpty();
        assertThat(tokens.ofUser("ingest1")).extracting(ApiToken::id).containsExactly(b.id(), a.id());
        assertThat(tokens.ofUser("admin")).containsExactly(c);

        assertThat(tokens.revoke("admin", a.id())).isFalse();
        assertThat(tokens.findByHash(TokenSecrets.hash("secret-a")).orElseThrow().revoked()).isFalse();
        assertThat(tokens.revoke("ingest1", a.id())).isTrue();
        ApiToken revoked = tokens.findByHash(TokenSecrets.hash("secret-a")).orElseThrow();
        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.activeAt(T0)).isFalse();
        ApiToken other = tokens.findByHash(TokenSecrets.hash("secret-b")).orElseThrow();
        assertThat(other.activeAt(T0.plusSeconds(5))).isTrue();
        assertThat(other.activeAt(expires)).isFalse();
    }
}
