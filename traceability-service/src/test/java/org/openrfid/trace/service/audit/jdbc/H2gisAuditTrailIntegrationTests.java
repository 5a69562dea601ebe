package org.openrfid.trace.service.audit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.audit.AuditVerification;
import org.springframework.dao.DataAccessException;

/** The audit trail contract on the embedded default: H2 with H2GIS; the guard is a Java trigger. */
class H2gisAuditTrailIntegrationTests extends AuditTrailContractTests {

    @Override
    protected DataSource freshDatabase() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    @Override
    protected String vendor() {
        return "h2";
    }

    /** Whoever may run DDL drops the triggers and the head's reference check, changes the row and puts them back. */
    @Override
    protected void behindTheApplicationsBack(String sql) {
        jdbc.execute("SET REFERENTIAL_INTEGRITY FALSE");
        jdbc.execute("DROP TRIGGER audit_record_no_update");
        jdbc.execute("DROP TRIGGER audit_record_no_delete");
        jdbc.execute(sql);
        jdbc.execute("CREATE TRIGGER audit_record_no_update BEFORE UPDATE ON audit_record FOR EACH ROW"
                + " CALL 'org.openrfid.trace.service.audit.jdbc.AuditAppendOnlyTrigger'");
        jdbc.execute("CREATE TRIGGER audit_record_no_delete BEFORE DELETE ON audit_record FOR EACH ROW"
                + " CALL 'org.openrfid.trace.service.audit.jdbc.AuditAppendOnlyTrigger'");
        jdbc.execute("SET REFERENTIAL_INTEGRITY TRUE");
    }

    /** H2 fires no trigger on TRUNCATE; what refuses it is audit_head's reference to the newest record. */
    @Test
    void truncateIsRefusedByTheHeadsReference() {
        trail.append(entry("traffic1", "VEHICLE_LOOKUP", "plate"));
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE TABLE audit_record")).isInstanceOf(DataAccessException.class);
        assertThat(trail.verify()).isEqualTo(AuditVerification.ok(1));
    }
}
