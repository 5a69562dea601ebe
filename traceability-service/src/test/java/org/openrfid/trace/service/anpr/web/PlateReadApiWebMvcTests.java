package org.openrfid.trace.service.anpr.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.anpr.PlateIngest;
import org.openrfid.trace.service.anpr.PlateRead;
import org.openrfid.trace.service.anpr.PlateReadFeed;
import org.openrfid.trace.service.anpr.PlateReadJson;
import org.openrfid.trace.service.anpr.PlateReads;
import org.openrfid.trace.service.anpr.jdbc.PlateReadStoreConfiguration;
import org.openrfid.trace.service.ingest.DeadLetters;
import org.openrfid.trace.service.testsupport.H2StoreSlice;
import org.openrfid.trace.service.testsupport.RegistryStoreSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Plate ingest and plate read queries over HTTP on a real H2GIS database (security filters off: the
 * URL rules are the application's; the purpose, scope and audit checks are the controllers' own).
 */
@WebMvcTest
@AutoConfigureMockMvc(addFilters = false)
@WithMockUser(username = "admin", roles = "ADMIN")
class PlateReadApiWebMvcTests {

    static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    static final List<List<PlateRead>> FED = new CopyOnWriteArrayList<>();

    @Configuration
    @ComponentScan(basePackages = {"org.openrfid.trace.service.platform.web", "org.openrfid.trace.service.anpr.web"},
            excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*Tests\\$.*"))
    @Import({RegistryStoreSlice.class, H2StoreSlice.class, PlateReadStoreConfiguration.class})
    static class Slice {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        @Bean
        DeadLetters deadLetters(Clock clock) {
            return new DeadLetters(20, clock, new SimpleMeterRegistry());
        }

        @Bean
        PlateReadFeed plateReadFeed() {
            PlateReadFeed feed = new PlateReadFeed();
            feed.subscribe(FED::add);
            return feed;
        }

        @Bean
        PlateIngest plateIngest(PlateReads reads, PlateReadFeed feed, DeadLetters deadLetters, Clock clock) {
            return new PlateIngest(new PlateReadJson(new ObjectMapper()), reads, feed, deadLetters, clock, 100, new SimpleMeterRegistry());
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    DataSource dataSource;

    @BeforeEach
    void empty() {
        new JdbcTemplate(dataSource).update("DELETE FROM plate_read");
        FED.clear();
    }

    @Test
    void storesAReadAnswers202WithCountsFeedsTheRulesOnceAndCountsAReSentReadAsADuplicate() throws Exception {
        String read = read("cam-7", "渝A·12345", "2026-11-24T08:00:00Z");
        mvc.perform(post("/api/v1/ingest/plates").contentType(MediaType.APPLICATION_JSON).content(read))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.reads").value(1))
                .andExpect(jsonPath("$.stored").value(1))
                .andExpect(jsonPath("$.duplicates").value(0))
                .andExpect(jsonPath("$.rejected").value(0));
        mvc.perform(post("/api/v1/ingest/plates").contentType(MediaType.APPLICATION_JSON).content(read))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.stored").value(0))
                .andExpect(jsonPath("$.duplicates").value(1));

        assertThat(FED).singleElement().satisfies(batch -> assertThat(batch).singleElement().satisfies(r -> {
            assertThat(r.plate()).isEqualTo("渝A12345");
            assertThat(r.id()).isNotZero();
        }));
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM plate_read", Long.class)).isEqualTo(1);
    }

    @Test
    void refusesABadReadWithAProblemNamingTheFieldAndKeepsItAsADeadLetter() throws Exception {
        mvc.perform(post("/api/v1/ingest/plates").contentType(MediaType.APPLICATION_JSON).content(read("cam-7", "渝A12345!", "2026-11-24T08:00:00Z")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.reason").value("invalid_field"))
                .andExpect(jsonPath("$.field").value("plate"))
                .andExpect(jsonPath("$.detail").value(startsWith("plate: ")));
        mvc.perform(post("/api/v1/ingest/plates").contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.reason").value("malformed_json"));

        assertThat(deadLetters.newest(2)).extracting(DeadLetters.DeadLetter::reason).containsExactly("malformed_json", "invalid_field");
        assertThat(deadLetters.newest(2).get(1).payload()).contains("渝A12345!");
        assertThat(FED).isEmpty();
    }

    @Test
    void keepsTheGoodReadsOfABatchAndListsTheRefusedOnes() throws Exception {
        String batch = "{\"reads\":[" + read(null, "渝B12345", "2026-11-24T08:00:01Z") + "," + read(null, "渝B12346", "not a time") + "]}";
        mvc.perform(post("/api/v1/ingest/plates").param("cameraId", "cam-3").contentType(MediaType.APPLICATION_JSON).content(batch))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.received").value(2))
                .andExpect(jsonPath("$.reads").value(1))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.errors[0].read").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("reads[1].timestamp"));
        assertThat(FED).singleElement().satisfies(b -> assertThat(b.get(0).cameraId()).isEqualTo("cam-3"));
        assertThat(deadLetters.newest(1).get(0).payload()).contains("not a time");
    }

    @Test
    void queriesNeedAPurposeAreAuditedAndPageNewestFirstByPlateInAnySpelling() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/api/v1/ingest/plates").contentType(MediaType.APPLICATION_JSON)
                    .content(read("cam-1", "渝A12345", "2026-11-24T08:00:0" + i + "Z"))).andExpect(status().isAccepted());
        }
        mvc.perform(post("/api/v1/ingest/plates").contentType(MediaType.APPLICATION_JSON).content(read("cam-1", "渝C99999", "2026-11-24T08:00:09Z")));

        mvc.perform(get("/api/v1/plate-reads").param("plate", "渝A12345"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(startsWith("purpose:")));

        String first = mvc.perform(get("/api/v1/plate-reads").param("plate", "渝ａ·12345").param("limit", "3").param("purpose", "case 42"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(3)))
                .andExpect(jsonPath("$.items[0].timestamp").value("2026-11-24T08:00:04Z"))
                .andExpect(jsonPath("$.items[0].plate").value("渝A12345"))
                .andExpect(jsonPath("$.items[0].confidence").value(0.93))
                .andReturn().getResponse().getContentAsString();
        String cursor = new ObjectMapper().readTree(first).get("nextCursor").asText();
        mvc.perform(get("/api/v1/plate-reads").param("plate", "渝A12345").param("limit", "3").param("cursor", cursor)
                        .header("X-Purpose", "case 42"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.items[1].timestamp").value("2026-11-24T08:00:00Z"))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());
        mvc.perform(get("/api/v1/plate-reads").param("location", "CQ-CP-001").param("from", "2026-11-24T08:00:04Z")
                        .param("to", "2026-11-24T08:00:10Z").param("purpose", "flow check"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.items[0].plate").value("渝C99999"));

        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForList("SELECT outcome FROM audit_record WHERE action = 'PLATE_READS' ORDER BY id", String.class))
                .containsExactly("REFUSED", "OK", "OK", "OK");
        assertThat(jdbc.queryForObject("SELECT purpose FROM audit_record WHERE action = 'PLATE_READS' AND outcome = 'OK' ORDER BY id LIMIT 1",
                String.class)).isEqualTo("case 42");
    }

    @Test
    void refusesBadParametersNamingThem() throws Exception {
        mvc.perform(get("/api/v1/plate-reads").param("plate", "!").param("purpose", "x"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(startsWith("plate:")));
        mvc.perform(get("/api/v1/plate-reads").param("from", "monday").param("purpose", "x"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(startsWith("from:")));
        mvc.perform(get("/api/v1/plate-reads").param("cursor", "garbage!").param("purpose", "x"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(startsWith("cursor:")));
        mvc.perform(get("/api/v1/plate-reads").param("limit", "0").param("purpose", "x"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(startsWith("limit:")));
    }

    @Test
    @WithMockUser(username = "lena", roles = "LOGISTICS")
    void rolesThatSeeNoVehiclesAreRefused() throws Exception {
        mvc.perform(get("/api/v1/plate-reads").param("plate", "渝A12345").param("purpose", "curious"))
                .andExpect(status().isForbidden());
        assertThat(new JdbcTemplate(dataSource).queryForList("SELECT outcome FROM audit_record WHERE action = 'PLATE_READS' AND username = 'lena'",
                String.class)).containsExactly("REFUSED");
    }

    @Test
    @WithMockUser(username = "tom", roles = "TRAFFIC")
    void trafficSeesPlateReads() throws Exception {
        mvc.perform(post("/api/v1/ingest/plates").contentType(MediaType.APPLICATION_JSON).content(read("cam-1", "渝A12345", "2026-11-24T08:00:00Z")));
        JsonNode page = new ObjectMapper().readTree(mvc.perform(get("/api/v1/plate-reads").param("plate", "渝A12345").param("purpose", "ticket 7"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.get("items")).hasSize(1);
    }

    static String read(String camera, String plate, String time) {
        return "{" + (camera == null ? "" : "\"cameraId\":\"" + camera + "\",") + "\"location\":\"CQ-CP-001\",\"plate\":\"" + plate
                + "\",\"plateColour\":\"blue\",\"confidence\":0.93,\"timestamp\":\"" + time + "\",\"direction\":\"IN\"}";
    }
}
