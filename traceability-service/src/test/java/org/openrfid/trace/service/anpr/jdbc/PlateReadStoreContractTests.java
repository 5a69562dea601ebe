package org.openrfid.trace.service.anpr.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.anpr.PlateRead;
import org.openrfid.trace.service.anpr.PlateReadIds;
import org.openrfid.trace.service.anpr.PlateReadQuery;
import org.openrfid.trace.service.anpr.PlateReads;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.privacy.AccessRules;
import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.service.testsupport.Stores;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every plate read store does, whatever the database; subclasses supply a fresh one (H2GIS in
 * memory, a PostGIS schema of its own).
 */
public abstract class PlateReadStoreContractTests {

    static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

    protected PlateReads reads;
    protected JdbcTemplate jdbc;
    protected Stores stores;

    protected abstract DataSource freshDatabase();

    protected abstract String vendor();

    protected Flyway flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + vendor()).load();
    }

    @BeforeEach
    void migrateFreshDatabase() {
        DataSource dataSource = freshDatabase();
        flyway(dataSource).migrate();
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        reads = PlateReadStoreConfiguration.createPlateReads(dataSource, tx);
        stores = Stores.create(dataSource, tx, Clock.systemUTC());
        jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void storesEveryFieldOnceAndReadsItBack() {
        PlateRead full = read("cam-7", "CQ-CP-001", "渝A12345", T0.plusNanos(123_456_000), 0.93);
        PlateRead sparse = PlateReadIds.identify(new PlateRead(0, "cam-8", "CQ-CP-001", "AB123CD", null, Double.NaN, T0, null, T0));

        assertThat(reads.saveAll(List.of(full, sparse, full))).containsExactly(full, sparse);
        assertThat(reads.saveAll(List.of(full))).as("a re-sent read is stored once").isEmpty();

        List<PlateRead> found = reads.find(new PlateReadQuery(null, "CQ-CP-001", null, null), Scope.SYSTEM, null, 10);
        assertThat(found).hasSize(2);
        assertThat(found.get(0)).isEqualTo(full);
        assertThat(found.get(1)).satisfies(r -> {
            assertThat(r.confidence()).isNaN();
            assertThat(r.plateColour()).isNull();
            assertThat(r.direction()).isNull();
            assertThat(r.plate()).isEqualTo("AB123CD");
        });
    }

    @Test
    void findsByPlateAndByPlaceAndTimeNewestFirstInPagesThatNeitherRepeatNorSkip() {
        List<PlateRead> all = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // pairs of reads at the same instant, so pages break inside equal times too
            all.add(read("cam-" + (i % 3), i % 2 == 0 ? "CP-1" : "CP-2", i % 5 == 0 ? "渝A12345" : "渝B" + (10000 + i), T0.plusSeconds(i / 2), 0.9));
        }
        reads.saveAll(all);

        assertThat(reads.find(new PlateReadQuery("渝A12345", null, null, null), Scope.SYSTEM, null, 100))
                .extracting(PlateRead::timestamp).containsExactly(T0.plusSeconds(10), T0.plusSeconds(7), T0.plusSeconds(5), T0.plusSeconds(2), T0);
        assertThat(reads.find(new PlateReadQuery(null, "CP-2", T0.plusSeconds(2), T0.plusSeconds(4)), Scope.SYSTEM, null, 100))
                .extracting(PlateRead::timestamp).containsExactly(T0.plusSeconds(3), T0.plusSeconds(2));

        List<PlateRead> paged = new ArrayList<>();
        PlateReads.PageKey after = null;
        for (int page = 0; page < 10; page++) {
            List<PlateRead> got = reads.find(new PlateReadQuery(null, null, null, null), Scope.SYSTEM, after, 4);
            paged.addAll(got);
            if (got.size() < 4) {
                break;
            }
            after = PlateReads.PageKey.of(got.get(got.size() - 1));
        }
        assertThat(paged).hasSize(25).doesNotHaveDuplicates();
        assertThat(paged).isSortedAccordingTo((a, b) -> a.timestamp().equals(b.timestamp())
                ? Long.compare(b.id(), a.id()) : b.timestamp().compareTo(a.timestamp()));
    }

    @Test
    void aScopeSeesVehiclesOnlyWhereItsRolesDoAndNoRestrictedVehicleWithoutAGrant() {
        stores.locations().save(List.of(new Location("GATE-1", "Port gate 1", AccessRules.PORT_GATE, 29.6, 106.5, null),
                new Location("CP-1", "Checkpoint 1", "checkpoint", 29.5, 106.4, null)));
        reads.saveAll(List.of(read("cam-1", "GATE-1", "渝A12345", T0, 0.9), read("cam-2", "CP-1", "渝A12345", T0.plusSeconds(1), 0.9),
                read("cam-2", "CP-1", "渝C77777", T0.plusSeconds(2), 0.9)));
        UUID restricted = vehicle("渝C·77777");
        jdbc.update("INSERT INTO restricted_object (object_kind, object_id, reason, restricted_by, restricted_at) VALUES ('VEHICLE', ?, 'case', 'admin', ?)",
                restricted.toString(), Timestamp.from(T0));
        PlateReadQuery everything = new PlateReadQuery(null, null, null, null);

        Scope customs = AccessRules.scopeOf("c", List.of("CUSTOMS"), T0);
        assertThat(reads.find(everything, customs, null, 10)).extracting(PlateRead::locationId).containsExactly("GATE-1");
        Scope traffic = AccessRules.scopeOf("t", List.of("TRAFFIC"), T0);
        assertThat(reads.find(everything, traffic, null, 10)).extracting(PlateRead::plate).containsExactly("渝A12345", "渝A12345");
        assertThat(reads.find(everything, Scope.everything("admin", T0), null, 10)).hasSize(3);
        assertThat(reads.find(everything, new Scope("x", false, Set.of(), Map.of(), T0), null, 10)).isEmpty();
    }

    @Test
    void retentionDeletesOldReadsAndKeepsWatchlistedVehiclesLonger() {
        Instant now = T0.plus(Duration.ofDays(100));
        UUID watched = vehicle("渝W·00001");
        jdbc.update("INSERT INTO watchlist_entry (list_name, object_kind, object_id, reason, valid_from) VALUES ('stolen', 'VEHICLE', ?, 'stolen', ?)",
                watched.toString(), Timestamp.from(T0));
        PlateRead old = read("cam-1", "CP-1", "渝A12345", now.minus(Duration.ofDays(40)), 0.9);
        PlateRead recent = read("cam-1", "CP-1", "渝A12345", now.minus(Duration.ofDays(10)), 0.9);
        PlateRead watchedOld = read("cam-1", "CP-1", "渝W00001", now.minus(Duration.ofDays(40)), 0.9);
        PlateRead watchedAncient = read("cam-1", "CP-1", "渝W00001", now.minus(Duration.ofDays(95)), 0.9);
        reads.saveAll(List.of(old, recent, watchedOld, watchedAncient));

        long deleted = reads.deleteOlderThan(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(90)), now);

        assertThat(deleted).isEqualTo(2);
        assertThat(reads.find(new PlateReadQuery(null, null, null, null), Scope.SYSTEM, null, 10)).containsExactlyInAnyOrder(recent, watchedOld);
    }

    private UUID vehicle(String plate) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO vehicle (id, plate, plate_type, plate_colour, vehicle_type, vin, status) VALUES (?, ?, '02', 'blue', 'K33', ?, 'active')",
                id, plate, String.format("V%016d", Math.floorMod(id.getLeastSignificantBits(), 10_000_000_000_000_000L)));
        return id;
    }

    static PlateRead read(String camera, String location, String plate, Instant at, double confidence) {
        Instant t = at.truncatedTo(ChronoUnit.MICROS);
        return PlateReadIds.identify(new PlateRead(0, camera, location, plate, "blue", confidence, t, "IN", t.plusMillis(300)));
    }
}
