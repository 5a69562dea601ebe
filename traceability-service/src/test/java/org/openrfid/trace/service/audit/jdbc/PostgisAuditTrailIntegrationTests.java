package org.openrfid.trace.service.audit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.audit.AuditVerification;
import org.openrfid.trace.service.testsupport.PostgisTestDatabase;
import org.springframework.dao.DataAccessException;

/**
 * The audit trail contract on PostgreSQL with PostGIS. The tests connect as a superuser that owns the
 * tables, so what stops them is the trigger, not the REVOKE; going around it takes a superuser's
 * {@code session_replication_role = replica}, which disables ordinary triggers for that session.
 */
class PostgisAuditTrailIntegrationTests extends AuditTrailContractTests {

    private PostgisTestDatabase database;

    @Override
    protected DataSource freshDatabase() {
        database = PostgisTestDatabase.createSchema();
        return database.dataSource();
    }

    @Override
    protected String vendor() {
        return "postgresql";
    }

    @Override
    protected Flyway flyway(DataSource ds) {
        return Flyway.configure().dataSource(ds).schemas(database.schema()).locations("classpath:db/migration/postgresql").load();
    }

    @Override
    protected void behindTheApplicationsBack(String sql) {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refused twice over: by audit_head's reference to the newest record and by the TRUNCATE trigger. */
    @Test
    void truncateIsRefusedToo() {
        trail.append(entry("traffic1", "VEHICLE_LOOKUP", "plate"));
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit_record")).isInstanceOf(DataAccessException.class);
        behindTheApplicationsBack("ALTER TABLE audit_head DROP CONSTRAINT audit_head_last_id_fkey");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit_record")).isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("append-only");
        assertThat(trail.verify()).isEqualTo(AuditVerification.ok(1));
    }

    @AfterEach
    void dropSchema() {
        database.drop();
    }
}
