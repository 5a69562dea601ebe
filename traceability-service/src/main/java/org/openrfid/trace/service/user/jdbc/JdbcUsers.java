package org.openrfid.trace.service.user.jdbc;

import static org.openrfid.trace.service.platform.sql.Sql.instant;
import static org.openrfid.trace.service.platform.sql.Sql.ts;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openrfid.trace.service.platform.sql.SqlColumn;
import org.openrfid.trace.service.platform.sql.SqlDialect;
import org.openrfid.trace.service.user.Role;
import org.openrfid.trace.service.user.UserAccount;
import org.openrfid.trace.service.user.Users;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Users over JDBC: {@code app_user} and its {@code app_user_role} rows, written in one transaction. */
class JdbcUsers implements Users {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final String insertIfAbsent;

    JdbcUsers(JdbcTemplate jdbc, TransactionTemplate tx, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.insertIfAbsent = dialect.insertIfAbsent("app_user", List.of("username"), List.of(
                col("username", "VARCHAR(64)"), col("display_name", "VARCHAR(200)"), col("password_hash", "VARCHAR(500)"),
                col("enabled", "BOOLEAN"), col("created_at", "TIMESTAMP WITH TIME ZONE")));
    }

    private static SqlColumn col(String name, String h2Cast) {
        return SqlColumn.bound(name, h2Cast);
    }

    @Override
    public boolean create(UserAccount a, String passwordHash) {
        try {
            Boolean created = tx.execute(status -> {
                int n = jdbc.update(insertIfAbsent, a.username(), a.displayName(), passwordHash, a.enabled(), ts(a.createdAt()));
                if (n == 0) {
                    return false;
                }
                insertRoles(a.username(), a.roles());
                return true;
            });
            return Boolean.TRUE.equals(created);
        } catch (DuplicateKeyException e) {
            return false; // a concurrent create of the same name won the race
        }
    }

    @Override
    public Optional<UserAccount> find(String username) {
        List<UserAccount> found = select(" WHERE u.username = ?", username);
        return found.stream().findFirst();
    }

    @Override
    public Optional<String> passwordHash(String username) {
        return jdbc.queryForList("SELECT password_hash FROM app_user WHERE username = ?", String.class, username).stream().findFirst();
    }

    @Override
    public List<UserAccount> all() {
        return select("");
    }

    @Override
    public boolean update(UserAccount a, String newPasswordHash) {
        Boolean updated = tx.execute(status -> {
            int n = newPasswordHash == null
                    ? jdbc.update("UPDATE app_user SET display_name = ?, enabled = ? WHERE username = ?", a.displayName(), a.enabled(), a.username())
                    : jdbc.update("UPDATE app_user SET display_name = ?, enabled = ?, password_hash = ? WHERE username = ?",
                            a.displayName(), a.enabled(), newPasswordHash, a.username());
            if (n == 0) {
                return false;
            }
            jdbc.update("DELETE FROM app_user_role WHERE username = ?", a.username());
            insertRoles(a.username(), a.roles());
            return true;
        });
        return Boolean.TRUE.equals(updated);
    }

    @Override
    public boolean delete(String username) {
        Boolean deleted = tx.execute(status -> {
            jdbc.update("DELETE FROM api_token WHERE username = ?", username);
            jdbc.update("DELETE FROM app_user_role WHERE username = ?", username);
            return jdbc.update("DELETE FROM app_user WHERE username = ?", username) == 1;
        });
        return Boolean.TRUE.equals(deleted);
    }

    private void insertRoles(String username, Set<Role> roles) {
        List<Role> sorted = roles.stream().sorted().toList();
        jdbc.batchUpdate("INSERT INTO app_user_role (username, role) VALUES (?, ?)", sorted, 100, (ps, r) -> {
            ps.setString(1, username);
            ps.setString(2, r.name());
        });
    }

    private List<UserAccount> select(String where, Object... args) {
        record Row(String username, String displayName, boolean enabled, java.time.Instant createdAt, String role) {
        }
        List<Row> rows = jdbc.query("SELECT u.username, u.display_name, u.enabled, u.created_at, r.role FROM app_user u"
                        + " LEFT JOIN app_user_role r ON r.username = u.username" + where + " ORDER BY u.username, r.role",
                (rs, i) -> new Row(rs.getString("username"), rs.getString("display_name"), rs.getBoolean("enabled"),
                        instant(rs, "created_at"), rs.getString("role")), args);
        Map<String, List<Row>> byUser = new LinkedHashMap<>();
        for (Row r : rows) {
            byUser.computeIfAbsent(r.username(), k -> new ArrayList<>()).add(r);
        }
        List<UserAccount> out = new ArrayList<>();
        byUser.forEach((name, rs) -> {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            rs.stream().map(Row::role).filter(java.util.Objects::nonNull).map(Role::valueOf).forEach(roles::add);
            Row first = rs.get(0);
            out.add(new UserAccount(name, first.displayName(), roles, first.enabled(), first.createdAt()));
        });
        return out;
    }
}
