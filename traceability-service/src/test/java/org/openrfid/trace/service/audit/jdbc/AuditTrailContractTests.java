package org.openrfid.trace.service.audit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.audit.AuditEntry;
import org.openrfid.trace.service.audit.AuditFilter;
import org.openrfid.trace.service.audit.AuditHash;
import org.openrfid.trace.service.audit.AuditOutcome;
import org.openrfid.trace.service.audit.AuditRecord;
import org.openrfid.trace.service.audit.AuditTrail;
import org.openrfid.trace.service.audit.AuditVerification;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the audit trail must do on every store: chain, filter and page, refuse changes through the
 * application's connection, and notice changes made behind its back. Subclasses supply a fresh
 * database and a way to change a row around the append-only guard.
 */
abstract class AuditTrailContractTests {

    static final Instant T0 = Instant.parse("2026-12-03T07:00:00.123456789Z");

    protected DataSource dataSource;
    protected JdbcTemplate jdbc;
    protected AuditTrail trail;
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);

    protected abstract DataSource freshDatabase();

    protected abstract String vendor();

    protected Flyway flyway(DataSource ds) {
        return Flyway.configure().dataSource(ds).locations("classpath:db/migration/" + vendor()).load();
    }

    /** Runs {@code sql} on audit_record the way a database administrator could, around the append-only guard. */
    protected abstract void behindTheApplicationsBack(String sql);

    @BeforeEach
    void migrateFreshDatabase() {
        dataSource = freshDatabase();
        flyway(dataSource).migrate();
        jdbc = new JdbcTemplate(dataSource);
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        trail = AuditStoreConfiguration.createAuditTrail(dataSource, new TransactionTemplate(new DataSourceTransactionManager(dataSource)), clock);
    }

    static AuditEntry entry(String user, String action, String subject) {
        return new AuditEntry(user, List.of("TRAFFIC", "ADMIN"), action, subject, "case 2026/17", 3L, "10.0.0.7", AuditOutcome.OK);
    }

    @Test
    void appendsFormOneChainAndKeepEveryField() {
        AuditRecord first = trail.append(new AuditEntry("traffic1", List.of("TRAFFIC"), "VEHICLE_TRAJECTORY", "渝B·D941W", "案件 2026/17",
                12L, "192.0.2.1", AuditOutcome.OK));
        now.set(T0.plusSeconds(1));
        AuditRecord second = trail.append(new AuditEntry("nobody", List.of(), "LOGIN_FAILED", null, null, null, null, AuditOutcome.REFUSED));
        now.set(T0.plusSeconds(2));
        AuditRecord third = trail.append(entry("admin", "AUDIT_QUERY", "traffic1"));

        assertThat(List.of(first.id(), second.id(), third.id())).containsExactly(1L, 2L, 3L);
        assertThat(first.prevHash()).isEqualTo(AuditHash.GENESIS);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(third.prevHash()).isEqualTo(second.hash());
        assertThat(first.hash()).matches("[0-9a-f]{64}").isNotEqualTo(second.hash());
        assertThat(first.at()).isEqualTo(Instant.parse("2026-12-03T07:00:00.123456Z"));

        List<AuditRecord> stored = trail.page(AuditFilter.ALL, null, 10);
        assertThat(stored).containsExactly(third, second, first);
        for (AuditRecord r : stored) {
            assertThat(AuditHash.of(r)).isEqualTo(r.hash());
        }
        assertThat(trail.verify()).isEqualTo(AuditVerification.ok(3));
    }

    @Test
    void anEmptyTrailIsValid() {
        assertThat(trail.verify()).isEqualTo(AuditVerification.ok(0));
        assertThat(trail.page(AuditFilter.ALL, null, 10)).isEmpty();
    }

    @Test
    void pagesAreFilteredNewestFirstAndFollowTheCursor() {
        for (int i = 0; i < 10; i++) {
            now.set(T0.plus(Duration.ofMinutes(i)));
            trail.append(entry(i % 2 == 0 ? "alice" : "bob", i < 5 ? "VEHICLE_LOOKUP" : "PASSAGE_LIST", "plate-" + (i % 3)));
        }
        assertThat(ids(trail.page(new AuditFilter("alice", null, null, null, null), null, 100))).containsExactly(9L, 7L, 5L, 3L, 1L);
        assertThat(ids(trail.page(new AuditFilter(null, "plate-0", null, null, null), null, 100))).containsExactly(10L, 7L, 4L, 1L);
        assertThat(ids(trail.page(new AuditFilter(null, null, "PASSAGE_LIST", null, null), null, 100))).containsExactly(10L, 9L, 8L, 7L, 6L);
        assertThat(ids(trail.page(new AuditFilter("bob", "plate-1", "VEHICLE_LOOKUP", null, null), null, 100))).containsExactly(2L);
        // from inclusive, to exclusive: minutes 2, 3, 4 are records 3, 4, 5
        assertThat(ids(trail.page(new AuditFilter(null, null, null, T0.plus(Duration.ofMinutes(2)).truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                T0.plus(Duration.ofMinutes(5)).truncatedTo(java.time.temporal.ChronoUnit.MICROS)), null, 100))).containsExactly(5L, 4L, 3L);

        List<AuditRecord> page1 = trail.page(AuditFilter.ALL, null, 4);
        List<AuditRecord> page2 = trail.page(AuditFilter.ALL, page1.get(3).id(), 4);
        List<AuditRecord> page3 = trail.page(AuditFilter.ALL, page2.get(3).id(), 4);
        assertThat(ids(page1)).containsExactly(10L, 9L, 8L, 7L);
        assertThat(ids(page2)).containsExactly(6L, 5L, 4L, 3L);
        assertThat(ids(page3)).containsExactly(2L, 1L);
        assertThat(ids(trail.page(new AuditFilter("alice", null, null, null, null), 5L, 100))).containsExactly(3L, 1L);
    }

    @Test
    void theApplicationsConnectionCanNeitherUpdateNorDeleteAuditRows() {
        AuditRecord r = trail.append(entry("traffic1", "VEHICLE_TRAJECTORY", "渝B·D941W"));
        trail.append(entry("traffic1", "VEHICLE_TRAJECTORY", "渝B·D941W"));

        assertThatThrownBy(() -> jdbc.update("UPDATE audit_record SET purpose = 'nothing to see' WHERE id = 1"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_record WHERE id = 2"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_record"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record", Long.class)).isEqualTo(2L);
        assertThat(trail.page(AuditFilter.ALL, null, 10).get(1)).isEqualTo(r);
        assertThat(trail.verify()).isEqualTo(AuditVerification.ok(2));
    }

    @Test
    void verifyFindsARowChangedBehindTheApplicationsBack() {
        for (int i = 0; i < 4; i++) {
            trail.append(entry("traffic1", "VEHICLE_TRAJECTORY", "plate-" + i));
        }
        assertThat(trail.verify().valid()).isTrue();

        behindTheApplicationsBack("UPDATE audit_record SET purpose = 'routine check' WHERE id = 3");

        AuditVerification v = trail.verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenId()).isEqualTo(3L);
        assertThat(v.records()).isEqualTo(2L);
        assertThat(v.reason()).contains("record 3").contains("hash");
    }

    @Test
    void verifyFindsADeletedRowAndACutTail() {
        for (int i = 0; i < 4; i++) {
            trail.append(entry("traffic1", "VEHICLE_TRAJECTORY", "plate-" + i));
        }
        behindTheApplicationsBack("DELETE FROM audit_record WHERE id = 4");
        assertThat(trail.verify()).isEqualTo(AuditVerification.broken(3, 4, "records 4..4 are missing (the head is at 4)"));

        behindTheApplicationsBack("DELETE FROM audit_record WHERE id = 2");
        AuditVerification v = trail.verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenId()).isEqualTo(2L);
        assertThat(v.records()).isEqualTo(1L);
    }

    @Test
    void concurrentAppendsStillFormOneValidChain() throws Exception {
        int threads = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<List<AuditRecord>>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String user = "user-" + t;
                tasks.add(() -> {
                    List<AuditRecord> mine = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        mine.add(trail.append(entry(user, "VEHICLE_LOOKUP", "plate-" + i)));
                    }
                    return mine;
                });
            }
            List<Long> ids = new ArrayList<>();
            for (Future<List<AuditRecord>> f : pool.invokeAll(tasks)) {
                ids.addAll(ids(f.get()));
            }
            assertThat(ids).hasSize(threads * each).doesNotHaveDuplicates().allMatch(id -> id >= 1 && id <= threads * each);
        } finally {
            pool.shutdownNow();
        }
        assertThat(trail.verify()).isEqualTo(AuditVerification.ok(threads * each));
    }

    @Test
    void twoTrailsOnOneDatabaseLikeTwoClusterMembersShareOneChain() throws Exception {
        AuditTrail other = AuditStoreConfiguration.createAuditTrail(dataSource,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                AuditTrail member = t % 2 == 0 ? trail : other;
                tasks.add(() -> {
                    for (int i = 0; i < 20; i++) {
                        member.append(entry("member", "VEHICLE_LOOKUP", "plate-" + i));
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(trail.verify()).isEqualTo(AuditVerification.ok(80));
    }

    static List<Long> ids(List<AuditRecord> records) {
        return records.stream().map(AuditRecord::id).toList();
    }
}
