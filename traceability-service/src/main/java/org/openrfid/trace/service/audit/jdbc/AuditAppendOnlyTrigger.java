package org.openrfid.trace.service.audit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** The H2 trigger behind {@code V81__audit.sql}: every UPDATE or DELETE of an audit row fails. */
public final class AuditAppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_record is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused", "42501");
    }
}
