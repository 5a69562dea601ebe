package org.openrfid.trace.service.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.audit.AuditConfiguration;
import org.openrfid.trace.service.audit.AuditEntry;
import org.openrfid.trace.service.audit.AuditFilter;
import org.openrfid.trace.service.audit.AuditOutcome;
import org.openrfid.trace.service.audit.AuditRecord;
import org.openrfid.trace.service.audit.AuditTrail;
import org.openrfid.trace.service.audit.LoginFailureAuditor;
import org.openrfid.trace.service.audit.jdbc.AuditStoreConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

/** The audit API with the application's security rules on: who may read the trail, paging, verify, and failed logins recorded. */
@WebMvcTest
@TestPropertySource(properties = "RFID_ADMIN_PASSWORD=" + AuditApiIntegrationTests.PASSWORD)
class AuditApiIntegrationTests {

    static final String PASSWORD = "audit-test-pw";

    @Configuration
    @ComponentScan(basePackages = {"org.openrfid.trace.service.platform.web", "org.openrfid.trace.service.platform.security"},
            excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*Tests\\$.*"))
    @Import({AuditConfiguration.class, AuditStoreConfiguration.class, AuditController.class})
    static class Slice {

        @Bean
        DataSource dataSource() {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:mem:audit-api-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            Flyway.configure().dataSource(ds).locations("classpath:db/migration/h2").load().migrate();
            return ds;
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource ds) {
            return new DataSourceTransactionManager(ds);
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditTrail trail;

    static AuditEntry lookup(String user, String plate) {
        return new AuditEntry(user, List.of("TRAFFIC"), "VEHICLE_TRAJECTORY", plate, "case 17", 4L, "192.0.2.9", AuditOutcome.OK);
    }

    @Test
    void onlyAuditorsAndAdminsReadTheTrail() throws Exception {
        mvc.perform(get("/api/v1/audit")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/audit/verify")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/audit").with(user("operator").roles("OPERATOR"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit/verify").with(user("traffic1").roles("TRAFFIC"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit").with(user("auditor").roles("AUDITOR"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/audit/verify").with(user("auditor").roles("AUDITOR"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/audit").with(httpBasic("admin", PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/audit/verify").with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.firstBrokenId").doesNotExist())
                .andExpect(jsonPath("$.reason").doesNotExist());
    }

    @Test
    void anAuditorFiltersAndPagesNewestFirst() throws Exception {
        String plate = "渝B·" + UUID.randomUUID().toString().substring(0, 5);
        // subject matches records whose subject contains it: the plate finds "<plate> (vehicle <id>)" too
        AuditRecord d = trail.append(lookup("traffic3", plate + " (vehicle 7d1e)"));
        AuditRecord a = trail.append(lookup("traffic1", plate));
        AuditRecord b = trail.append(lookup("traffic2", plate));
        AuditRecord c = trail.append(lookup("traffic1", plate));
        trail.append(lookup("traffic1", "渝Z·" + UUID.randomUUID().toString().substring(0, 5)));

        String body = mvc.perform(get("/api/v1/audit").param("subject", plate).param("limit", "2").with(user("auditor").roles("AUDITOR")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.items[0].id").value(c.id()))
                .andExpect(jsonPath("$.items[0].username").value("traffic1"))
                .andExpect(jsonPath("$.items[0].roles[0]").value("TRAFFIC"))
                .andExpect(jsonPath("$.items[0].subject").value(plate))
                .andExpect(jsonPath("$.items[0].purpose").value("case 17"))
                .andExpect(jsonPath("$.items[0].resultCount").value(4))
                .andExpect(jsonPath("$.items[0].clientIp").value("192.0.2.9"))
                .andExpect(jsonPath("$.items[0].outcome").value("OK"))
                .andExpect(jsonPath("$.items[0].at").value(c.at().toString()))
                .andExpect(jsonPath("$.items[0].hash").value(c.hash()))
                .andExpect(jsonPath("$.items[0].prevHash").value(c.prevHash()))
                .andExpect(jsonPath("$.items[1].id").value(b.id()))
                .andExpect(jsonPath("$.limit").value(2))
                .andReturn().getResponse().getContentAsString();
        String cursor = JsonPath.read(body, "$.nextCursor");
        mvc.perform(get("/api/v1/audit").param("subject", plate).param("limit", "2").param("cursor", cursor)
                        .with(user("auditor").roles("AUDITOR")))
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.items[0].id").value(a.id()))
                .andExpect(jsonPath("$.items[1].id").value(d.id()))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());
        mvc.perform(get("/api/v1/audit").param("subject", plate).param("username", "traffic1").param("action", "VEHICLE_TRAJECTORY")
                        .param("from", a.at().toString()).param("to", c.at().plusNanos(1000).toString()).with(user("auditor").roles("AUDITOR")))
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.items[1].id").value(a.id()));
        mvc.perform(get("/api/v1/audit").param("cursor", "not-ours").with(user("auditor").roles("AUDITOR")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("cursor: not a cursor issued by this API"));
        mvc.perform(get("/api/v1/audit").param("from", "yesterday").with(user("auditor").roles("AUDITOR")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/audit").param("limit", "0").with(user("auditor").roles("AUDITOR")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/audit/verify").with(user("auditor").roles("AUDITOR")))
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.records").value(trail.page(AuditFilter.ALL, null, 1000).size()));
    }

    @Test
    void aFailedBasicLoginIsRecorded() throws Exception {
        String tried = "mallory-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(get("/api/v1/audit").with(httpBasic(tried, "guess"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/audit").with(httpBasic("admin", "wrong-" + PASSWORD))).andExpect(status().isUnauthorized());

        List<AuditRecord> records = trail.page(new AuditFilter(tried, null, LoginFailureAuditor.ACTION, null, null), null, 10);
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.subject()).isEqualTo(tried);
            assertThat(r.roles()).isEmpty();
            assertThat(r.outcome()).isEqualTo(AuditOutcome.REFUSED);
            assertThat(r.purpose()).isEqualTo("BadCredentialsException");
            assertThat(r.clientIp()).isEqualTo("127.0.0.1");
        });
        assertThat(trail.page(new AuditFilter("admin", null, LoginFailureAuditor.ACTION, null, null), null, 10)).hasSize(1);
        mvc.perform(get("/api/v1/audit").param("username", tried).with(httpBasic("admin", PASSWORD)))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].action").value("LOGIN_FAILED"));
    }
}
