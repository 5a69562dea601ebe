package org.openrfid.trace.service.library.jdbc;

import static org.openrfid.trace.service.platform.sql.Sql.instant;
import static org.openrfid.trace.service.platform.sql.Sql.ts;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openrfid.trace.service.library.Loan;
import org.openrfid.trace.service.library.Loans;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** The loans history over JDBC (table {@code library_loan}); the same SQL on H2GIS and PostGIS. */
class JdbcLoans implements Loans {

    private static final String SELECT = "SELECT id, item_id, patron, lent_at, due_date, returned_at, lent_by, returned_by FROM library_loan";

    private final JdbcTemplate jdbc;

    JdbcLoans(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Loan open(String itemId, String patron, Instant lentAt, LocalDate due, String lentBy) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("INSERT INTO library_loan (item_id, patron, lent_at, due_date, lent_by)"
                    + " VALUES (?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, itemId);
            ps.setString(2, patron);
            ps.setTimestamp(3, ts(lentAt));
            ps.setObject(4, due);
            ps.setString(5, lentBy);
            return ps;
        }, keys);
        Number id = keys.getKey();
        if (id == null) {
            throw new IllegalStateException("no id generated for the new loan");
        }
        return new Loan(id.longValue(), itemId, patron, lentAt, due, null, lentBy, null);
    }

    @Override
    public Optional<Loan> current(String itemId) {
        return jdbc.query(SELECT + " WHERE item_id = ? AND returned_at IS NULL ORDER BY id DESC", ROW, itemId).stream().findFirst();
    }

    @Override
    public boolean close(long loanId, Instant returnedAt, String returnedBy) {
        return jdbc.update("UPDATE library_loan SET returned_at = ?, returned_by = ? WHERE id = ? AND returned_at IS NULL",
                ts(returnedAt), returnedBy, loanId) == 1;
    }

    @Override
    public List<Loan> openLoans(LocalDate dueBefore, long afterId, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE returned_at IS NULL AND id > ?");
        List<Object> args = new ArrayList<>(List.of(afterId));
        if (dueBefore != null) {
            sql.append(" AND due_date < ?");
            args.add(dueBefore);
        }
        sql.append(" ORDER BY id LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    @Override
    public List<Loan> history(String itemId) {
        return jdbc.query(SELECT + " WHERE item_id = ? ORDER BY lent_at, id", ROW, itemId);
    }

    private static final RowMapper<Loan> ROW = (rs, n) -> new Loan(rs.getLong("id"), rs.getString("item_id"), rs.getString("patron"),
            instant(rs, "lent_at"), rs.getObject("due_date", LocalDate.class), instant(rs, "returned_at"), rs.getString("lent_by"),
            rs.getString("returned_by"));
}
