package org.openrfid.trace.service.privacy.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.privacy.AccessGrant;
import org.openrfid.trace.service.privacy.Restrictions;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What the restricted-object store must do on every database. Subclasses supply a fresh, empty database per test. */
abstract class RestrictionsContractTests {

    static final Instant T0 = Instant.parse("2026-02-01T08:00:00Z");
    static final String CAR = "7d1e4a52-0000-4000-8000-000000000001";

    protected Restrictions restrictions;

    protected abstract DataSource freshDatabase();

    protected abstract Flyway flyway(DataSource dataSource);

    @BeforeEach
    void migrateFreshDatabase() {
        DataSource dataSource = freshDatabase();
        flyway(dataSource).migrate();
        restrictions = PrivacyStoreConfiguration.createRestrictions(dataSource,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    @Test
    void aRestrictionIsFoundReplacedAndLifted() {
        assertThat(restrictions.find("VEHICLE", CAR)).isEmpty();
        restrictions.restrict("VEHICLE", CAR, "protected witness", "admin", T0);
        restrictions.restrict("VEHICLE", CAR, "minister's car", "admin2", T0.plusSeconds(60));
        assertThat(restrictions.find("VEHICLE", CAR)).hasValueSatisfying(r -> {
            assertThat(r.reason()).isEqualTo("minister's car");
            assertThat(r.restrictedBy()).isEqualTo("admin2");
            assertThat(r.restrictedAt()).isEqualTo(T0.plusSeconds(60));
        });
        assertThat(restrictions.find("LIBRARY_ITEM", CAR)).as("kind is part of the key").isEmpty();
        assertThat(restrictions.all()).hasSize(1);
        assertThat(restrictions.lift("VEHICLE", CAR)).isTrue();
        assertThat(restrictions.lift("VEHICLE", CAR)).isFalse();
        assertThat(restrictions.all()).isEmpty();
    }

    @Test
    void aGrantOpensTheObjectToItsUserWithinItsValidityOnly() {
        AccessGrant g = restrictions.grant("VEHICLE", CAR, "traffic1", "case 7", "admin", T0, T0.plusSeconds(3600));
        assertThat(g.id()).isPositive();
        assertThat(restrictions.granted("VEHICLE", CAR, "traffic1", T0)).isTrue();
        assertThat(restrictions.granted("VEHICLE", CAR, "traffic1", T0.plusSeconds(3599))).isTrue();
        assertThat(restrictions.granted("VEHICLE", CAR, "traffic1", T0.plusSeconds(3600))).as("validTo is exclusive").isFalse();
        assertThat(restrictions.granted("VEHICLE", CAR, "traffic1", T0.minusSeconds(1))).isFalse();
        assertThat(restrictions.granted("VEHICLE", CAR, "traffic2", T0)).as("grants name a user").isFalse();
        AccessGrant open = restrictions.grant("VEHICLE", CAR, "traffic2", "case 8", "admin", T0, null);
        assertThat(restrictions.granted("VEHICLE", CAR, "traffic2", T0.plusSeconds(86_400 * 365L))).isTrue();
        assertThat(restrictions.grants()).extracting(AccessGrant::id).containsExactly(g.id(), open.id());
        assertThat(restrictions.revoke(open.id())).isTrue();
        assertThat(restrictions.revoke(open.id())).isFalse();
        assertThat(restrictions.granted("VEHICLE", CAR, "traffic2", T0)).isFalse();
    }
}
