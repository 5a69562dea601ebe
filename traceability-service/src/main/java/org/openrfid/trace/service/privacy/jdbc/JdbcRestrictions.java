package org.openrfid.trace.service.privacy.jdbc;

import static org.openrfid.trace.service.platform.sql.Sql.instant;
import static org.openrfid.trace.service.platform.sql.Sql.ts;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openrfid.trace.service.privacy.AccessGrant;
import org.openrfid.trace.service.privacy.RestrictedObject;
import org.openrfid.trace.service.privacy.Restrictions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** Restricted objects and grants over JDBC ({@code restricted_object}, {@code object_grant}); the same SQL on both stores. */
class JdbcRestrictions implements Restrictions {

    private static final String OBJECTS = "SELECT object_kind, object_id, reason, restricted_by, restricted_at FROM restricted_object";
    private static final String GRANTS = "SELECT id, object_kind, object_id, username, reason, granted_by, valid_from, valid_to FROM object_grant";

    private static final RowMapper<RestrictedObject> OBJECT = (rs, n) -> new RestrictedObject(rs.getString("object_kind"),
            rs.getString("object_id"), rs.getString("reason"), rs.getString("restricted_by"), instant(rs, "restricted_at"));
    private static final RowMapper<AccessGrant> GRANT = (rs, n) -> new AccessGrant(rs.getLong("id"), rs.getString("object_kind"),
            rs.getString("object_id"), rs.getString("username"), rs.getString("reason"), rs.getString("granted_by"),
            instant(rs, "valid_from"), instant(rs, "valid_to"));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    JdbcRestrictions(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public RestrictedObject restrict(String kind, String objectId, String reason, String by, Instant at) {
        tx.executeWithoutResult(s -> {
            jdbc.update("DELETE FROM restricted_object WHERE object_kind = ? AND object_id = ?", kind, objectId);
            jdbc.update("INSERT INTO restricted_object (object_kind, object_id, reason, restricted_by, restricted_at) VALUES (?, ?, ?, ?, ?)",
                    kind, objectId, reason, by, ts(at));
        });
        return new RestrictedObject(kind, objectId, reason, by, at);
    }

    @Override
    public boolean lift(String kind, String objectId) {
        return jdbc.update("DELETE FROM restricted_object WHERE object_kind = ? AND object_id = ?", kind, objectId) > 0;
    }

    @Override
    public Optional<RestrictedObject> find(String kind, String objectId) {
        return jdbc.query(OBJECTS + " WHERE object_kind = ? AND object_id = ?", OBJECT, kind, objectId).stream().findFirst();
    }

    @Override
    public List<RestrictedObject> all() {
        return jdbc.query(OBJECTS + " ORDER BY object_kind, object_id", OBJECT);
    }

    @Override
    public AccessGrant grant(String kind, String objectId, String username, String reason, String by, Instant from, Instant to) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("INSERT INTO object_grant (object_kind, object_id, username, reason, granted_by,"
                    + " valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, kind);
            ps.setString(2, objectId);
            ps.setString(3, username);
            ps.setString(4, reason);
            ps.setString(5, by);
            ps.setTimestamp(6, ts(from));
            ps.setTimestamp(7, to == null ? null : ts(to));
            return ps;
        }, keys);
        Number id = keys.getKey();
        if (id == null) {
            throw new IllegalStateException("no id generated for the new grant");
        }
        return new AccessGrant(id.longValue(), kind, objectId, username, reason, by, from, to);
    }

    @Override
    public boolean revoke(long grantId) {
        return jdbc.update("DELETE FROM object_grant WHERE id = ?", grantId) == 1;
    }

    @Override
    public List<AccessGrant> grants() {
        return jdbc.query(GRANTS + " ORDER BY id", GRANT);
    }

    @Override
    public boolean granted(String kind, String objectId, String username, Instant at) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM object_grant WHERE object_kind = ? AND object_id = ? AND username = ?"
                + " AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)", Integer.class, kind, objectId, username, ts(at), ts(at));
        return n != null && n > 0;
    }
}
