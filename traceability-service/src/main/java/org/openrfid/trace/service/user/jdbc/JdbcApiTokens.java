package org.openrfid.trace.service.user.jdbc;

import static org.openrfid.trace.service.platform.sql.Sql.instant;
import static org.openrfid.trace.service.platform.sql.Sql.ts;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openrfid.trace.service.user.ApiToken;
import org.openrfid.trace.service.user.ApiTokens;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** API tokens over JDBC ({@code api_token}); the same SQL on both stores. */
class JdbcApiTokens implements ApiTokens {

    private static final String SELECT = "SELECT id, username, name, created_at, expires_at, revoked FROM api_token";

    private final JdbcTemplate jdbc;

    JdbcApiTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ApiToken create(String username, String name, String secretHash, Instant createdAt, Instant expiresAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("INSERT INTO api_token (username, name, token_hash, created_at, expires_at, revoked)"
                    + " VALUES (?, ?, ?, ?, ?, FALSE)", new String[] {"id"});
            ps.setString(1, username);
            ps.setString(2, name);
            ps.setString(3, secretHash);
            ps.setTimestamp(4, ts(createdAt));
            ps.setTimestamp(5, ts(expiresAt));
            return ps;
        }, keys);
        Number id = keys.getKey();
        if (id == null) {
            throw new IllegalStateException("no id generated for the new token");
        }
        return new ApiToken(id.longValue(), username, name, createdAt, expiresAt, false);
    }

    @Override
    public Optional<ApiToken> findByHash(String secretHash) {
        return jdbc.query(SELECT + " WHERE token_hash = ?", ROW, secretHash).stream().findFirst();
    }

    @Override
    public List<ApiToken> ofUser(String username) {
        return jdbc.query(SELECT + " WHERE username = ? ORDER BY created_at DESC, id DESC", ROW, username);
    }

    @Override
    public boolean revoke(String username, long id) {
        return jdbc.update("UPDATE api_token SET revoked = TRUE WHERE id = ? AND username = ?", id, username) == 1;
    }

    private static final RowMapper<ApiToken> ROW = (rs, i) -> new ApiToken(rs.getLong("id"), rs.getString("username"), rs.getString("name"),
            instant(rs, "created_at"), instant(rs, "expires_at"), rs.getBoolean("revoked"));
}
