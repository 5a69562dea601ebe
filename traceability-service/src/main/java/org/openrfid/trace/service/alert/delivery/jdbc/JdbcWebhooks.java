package org.openrfid.trace.service.alert.delivery.jdbc;

import static org.openrfid.trace.service.platform.sql.Sql.instant;
import static org.openrfid.trace.service.platform.sql.Sql.ts;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.delivery.Webhook;
import org.openrfid.trace.service.alert.delivery.Webhooks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** Webhooks over JDBC (same SQL on both stores); a failure is counted in one UPDATE, so members failing at once add up. */
class JdbcWebhooks implements Webhooks {

    private static final String SELECT = "SELECT id, url, secret, alert_types, enabled, consecutive_failures, last_error,"
            + " last_delivered_at, last_attempt_at FROM webhook";
    private static final int ERROR_MAX = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    JdbcWebhooks(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public Webhook create(String url, String secret, Set<AlertType> types, boolean enabled) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("INSERT INTO webhook (url, secret, alert_types, enabled) VALUES (?, ?, ?, ?)",
                    new String[] {"id"});
            ps.setString(1, url);
            ps.setString(2, secret);
            ps.setString(3, join(types));
            ps.setBoolean(4, enabled);
            return ps;
        }, keys);
        Number id = keys.getKey();
        if (id == null) {
            throw new IllegalStateException("no id generated for the new webhook");
        }
        return find(id.longValue()).orElseThrow();
    }

    @Override
    public Optional<Webhook> find(long id) {
        return jdbc.query(SELECT + " WHERE id = ?", ROW, id).stream().findFirst();
    }

    @Override
    public List<Webhook> all() {
        return jdbc.query(SELECT + " ORDER BY id", ROW);
    }

    @Override
    public Optional<Webhook> update(long id, String url, String secret, Set<AlertType> types, boolean enabled, boolean resetFailures) {
        return tx.execute(status -> {
            int n = jdbc.update("UPDATE webhook SET url = ?, secret = COALESCE(?, secret), alert_types = ?, enabled = ?,"
                            + " consecutive_failures = CASE WHEN ? THEN 0 ELSE consecutive_failures END WHERE id = ?",
                    url, secret, join(types), enabled, resetFailures, id);
            return n == 0 ? Optional.<Webhook>empty() : find(id);
        });
    }

    @Override
    public boolean delete(long id) {
        return jdbc.update("DELETE FROM webhook WHERE id = ?", id) > 0;
    }

    @Override
    public void delivered(long id, Instant at) {
        jdbc.update("UPDATE webhook SET consecutive_failures = 0, last_delivered_at = ?, last_attempt_at = ? WHERE id = ?",
                ts(at), ts(at), id);
    }

    @Override
    public Optional<Webhook> failed(long id, Instant at, String error, int disableAfter) {
        String text = error == null ? null : error.length() > ERROR_MAX ? error.substring(0, ERROR_MAX) : error;
        return tx.execute(status -> {
            int n = jdbc.update("UPDATE webhook SET consecutive_failures = consecutive_failures + 1, last_error = ?, last_attempt_at = ?,"
                    + " enabled = CASE WHEN consecutive_failures + 1 >= ? THEN FALSE ELSE enabled END WHERE id = ?", text, ts(at),
                    disableAfter, id);
            return n == 0 ? Optional.<Webhook>empty() : find(id);
        });
    }

    private static String join(Set<AlertType> types) {
        return types == null ? "" : types.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<AlertType> split(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        EnumSet<AlertType> types = EnumSet.noneOf(AlertType.class);
        // A type a newer version wrote and this one does not know is skipped, not fatal.
        Arrays.stream(text.split(",")).map(String::trim).forEach(t -> {
            try {
                types.add(AlertType.valueOf(t));
            } catch (IllegalArgumentException ignored) {
                // unknown here
            }
        });
        return types;
    }

    private static final RowMapper<Webhook> ROW = (rs, i) -> new Webhook(rs.getLong("id"), rs.getString("url"), rs.getString("secret"),
            split(rs.getString("alert_types")), rs.getBoolean("enabled"), rs.getInt("consecutive_failures"), rs.getString("last_error"),
            instant(rs, "last_delivered_at"), instant(rs, "last_attempt_at"));
}
