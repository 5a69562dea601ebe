package org.openrfid.trace.service.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageId;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.retention.jdbc.JdbcPassageRetention;
import org.openrfid.trace.service.retention.jdbc.RetentionStoreConfiguration;
import org.openrfid.trace.service.passage.PassageStore;
import org.openrfid.trace.service.testsupport.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention as an administrator meets it, with the application's security rules on: settings from
 * properties, a run on demand with its report and metrics, and the endpoint closed to non-admins.
 */
@WebMvcTest
@TestPropertySource(properties = {
        "RFID_ADMIN_PASSWORD=" + RetentionApiIntegrationTests.PASSWORD,
        "rfid.retention.policies.vehicle.days=30",
        "rfid.retention.policies.vehicle.action=DROP",
        "rfid.retention.policies.unbound.days=30",
        "rfid.retention.policies.unbound.action=ANONYMISE",
        "rfid.retention.watchlist-extra-days=60",
})
class RetentionApiIntegrationTests {

    static final String PASSWORD = "retention-test-pw";
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final String VEHICLE_EPC = "3416451DA400000005F5E149";
    static final String UNBOUND_EPC = "3416451DA400000005F5E14A";

    @Configuration
    @ComponentScan(basePackages = {"org.openrfid.trace.service.platform.web", "org.openrfid.trace.service.platform.security"},
            excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*Tests\\$.*"))
    @Import({RetentionConfiguration.class, RetentionStoreConfiguration.class, RetentionController.class})
    static class Slice {

        @Bean
        DataSource dataSource() {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:mem:retention-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            Flyway.configure().dataSource(ds).locations("classpath:db/migration/h2").load().migrate();
            return ds;
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource ds) {
            return new DataSourceTransactionManager(ds);
        }

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        PassageStore passageStore(DataSource ds, PlatformTransactionManager tx, Clock clock) {
            return new TestStores(ds, new TransactionTemplate(tx), clock).passages;
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    PassageStore passages;
    @Autowired
    DataSource dataSource;
    @Autowired
    MeterRegistry meters;

    static Passage passage(String epcHex, Instant firstSeen) {
        RawEpc epc = RawEpc.ofHex(epcHex);
        return new Passage(PassageId.of(epc, "CP-1", Instants.toMicros(firstSeen)), epc, null, "CP-1", "rdr-1", 1,
                firstSeen, firstSeen.plusSeconds(1), 3, -50.0, Direction.NONE);
    }

    @Test
    void anAdminRunsRetentionNowAndSeesTheReportTheMetricsAndTheSettings() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO tag (epc_hex, epc_bits) VALUES (?, 96)", VEHICLE_EPC);
        jdbc.update("INSERT INTO tag_binding (epc_hex, object_kind, object_id, valid_from) VALUES (?, 'VEHICLE', 'v-1', ?)",
                VEHICLE_EPC, Timestamp.from(Instant.EPOCH));
        Passage oldVehicle = passage(VEHICLE_EPC, NOW.minus(Duration.ofDays(45)));
        Passage newVehicle = passage(VEHICLE_EPC, NOW.minus(Duration.ofDays(5)));
        Passage oldUnbound = passage(UNBOUND_EPC, NOW.minus(Duration.ofDays(31))).withTid("E2801160200000000000001F", "E2801160200000000000003E");
        passages.saveAll(List.of(oldVehicle, newVehicle, oldUnbound));

        mvc.perform(get("/api/v1/admin/retention").with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scheduled").value(false))
                .andExpect(jsonPath("$.schedule").value("0 30 2 * * * (UTC)"))
                .andExpect(jsonPath("$.policies").value(hasItem("vehicle: DROP after 30 days, watchlisted after 90 days")))
                .andExpect(jsonPath("$.policies").value(hasItem("unbound: ANONYMISE after 30 days")))
                .andExpect(jsonPath("$.lastRun").doesNotExist());

        mvc.perform(post("/api/v1/admin/retention/run").with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.trigger").value("MANUAL"))
                .andExpect(jsonPath("$.deleted").value(1))
                .andExpect(jsonPath("$.anonymised").value(1))
                .andExpect(jsonPath("$.partitionsDropped").value(0))
                .andExpect(jsonPath("$.error").doesNotExist());
        assertThat(passages.find(oldVehicle.id())).isEmpty();
        assertThat(passages.find(newVehicle.id())).isPresent();
        assertThat(passages.find(oldUnbound.id()).orElseThrow().epc().toHex()).isEqualTo(PassageRetention.ANONYMOUS_EPC);
        assertThat(passages.find(oldUnbound.id()).orElseThrow().tid()).as("a chip serial names the tag like its EPC").isNull();
        assertThat(passages.find(oldUnbound.id()).orElseThrow().otherTid()).isNull();

        mvc.perform(get("/api/v1/admin/retention").with(httpBasic("admin", PASSWORD)))
                .andExpect(jsonPath("$.lastRun.deleted").value(1))
                .andExpect(jsonPath("$.lastRun.startedAt").value(NOW.toString()));
        assertThat(meters.get("rfid.retention.passages.deleted").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("rfid.retention.passages.anonymised").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("rfid.retention.partitions.dropped").counter().count()).isZero();
        assertThat(meters.get("rfid.retention.last.success").gauge().value()).isEqualTo(NOW.getEpochSecond());
    }

    @Test
    void onlyAdminsMayTouchRetention() throws Exception {
        long runsBefore = meters.find("rfid.retention.run").timer().count();
        mvc.perform(get("/api/v1/admin/retention")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/admin/retention").with(httpBasic("admin", "wrong-password"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/admin/retention").with(user("operator").roles("OPERATOR"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/admin/retention/run").with(user("operator").roles("OPERATOR")).with(csrf())).andExpect(status().isForbidden());
        assertThat(meters.find("rfid.retention.run").timer().count()).isEqualTo(runsBefore);
    }

    @Test
    void badSettingsStopTheStartWithThePropertyNamed() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:retention-bad-" + UUID.randomUUID());
        new ApplicationContextRunner()
                .withUserConfiguration(RetentionConfiguration.class, RetentionStoreConfiguration.class)
                .withBean(DataSource.class, () -> ds)
                .withBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(ds))
                .withBean(Clock.class, Clock::systemUTC)
                .withPropertyValues("rfid.retention.enabled=true", "rfid.retention.policies.vehicle.days=30",
                        "rfid.retention.policies.vehicle.action=SHRED")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("rfid.retention.policies.vehicle.action: 'SHRED' is not DROP or ANONYMISE"));
    }
}
