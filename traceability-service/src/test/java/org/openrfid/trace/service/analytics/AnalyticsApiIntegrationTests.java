package org.openrfid.trace.service.analytics;

import org.openrfid.trace.service.testsupport.RegistryStoreSlice;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageId;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.analytics.jdbc.AnalyticsStoreConfiguration;
import org.openrfid.trace.service.passage.PassageStore;
import org.openrfid.trace.service.testsupport.H2StoreSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The analytics API over a real H2GIS database with the application's security rules: no answer
 * without login, and every bad parameter a 400 problem detail that names it.
 */
@WebMvcTest(properties = "RFID_ADMIN_PASSWORD=" + AnalyticsApiIntegrationTests.PASSWORD)
class AnalyticsApiIntegrationTests {

    static final String PASSWORD = "analytics-secret";
    static final Instant T0 = Instant.parse("2025-06-02T08:00:00Z");
    static final String FROM = T0.toString();
    static final String TO = T0.plusSeconds(3600).toString();
    /** An SGTIN-96 written with filter 1; asked for by pure identity, which has no filter. */
    static final String SUBJECT_FILTER_1 = "3034257BF7194E4000001A85";
    static final String COMPANION = "AA0000000000000000000003";

    @Configuration
    @ComponentScan(basePackages = {"org.openrfid.trace.service.platform.web", "org.openrfid.trace.service.analytics", "org.openrfid.trace.service.platform.security"})
    @Import({RegistryStoreSlice.class, AnalyticsStoreConfiguration.class, H2StoreSlice.class})
    static class Slice {

        @Bean
        Clock clock() {
            return Clock.fixed(T0.plusSeconds(86_400), ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    PassageStore passageStore;
    @Autowired
    Locations locations;
    @Autowired
    DataSource dataSource;

    @BeforeEach
    void twoPassagesTogether() {
        new JdbcTemplate(dataSource).update("DELETE FROM passage");
        locations.save(List.of(new Location("CP-1", "Checkpoint 1", "checkpoint", 29.56, 106.55, null),
                new Location("CP-2", "Checkpoint 2", "checkpoint", 29.57, 106.56, null)));
        passageStore.saveAll(List.of(
                passage(SUBJECT_FILTER_1, "CP-1", T0),
                passage(COMPANION, "CP-1", T0.plusSeconds(30)),
                passage(SUBJECT_FILTER_1, "CP-2", T0.plusSeconds(600)),
                passage(COMPANION, "CP-2", T0.plusSeconds(620))));
    }

    @Test
    void everyAnalyticsQuestionNeedsLogin() throws Exception {
        for (String path : List.of("/api/v1/analytics/companions?epc=" + COMPANION, "/api/v1/analytics/flows",
                "/api/v1/analytics/travel-times?a=CP-1&b=CP-2", "/api/v1/analytics/od-matrix")) {
            mvc.perform(get(path).param("from", FROM).param("to", TO)).andExpect(status().isUnauthorized());
            mvc.perform(get(path).param("from", FROM).param("to", TO).with(httpBasic("admin", "wrong-password")))
                    .andExpect(status().isUnauthorized());
        }
    }

    @Test
    void companionsOfATagAskedForByPureIdentityWhateverItsFilter() throws Exception {
        mvc.perform(authorized("/api/v1/analytics/companions").param("epc", "urn:epc:id:sgtin:0614141.812345.6789").param("delta", "PT1M"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].kind").value("TAG"))
                .andExpect(jsonPath("$.items[0].id").value(COMPANION))
                .andExpect(jsonPath("$.items[0].shared").value(2))
                .andExpect(jsonPath("$.items[0].sightings", hasSize(2)))
                .andExpect(jsonPath("$.items[0].sightings[1].companionTime").value(T0.plusSeconds(620).toString()))
                .andExpect(jsonPath("$.nextCursor").doesNotExist())
                .andExpect(jsonPath("$.limit").value(100));
        // Twenty seconds apart at CP-2 but thirty at CP-1: with ±20 s only one shared sighting, below minShared 2.
        mvc.perform(authorized("/api/v1/analytics/companions").param("epc", COMPANION).param("delta", "PT20S"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(0)));
    }

    @Test
    void flowsTravelTimesAndMatrixAnswerAsJson() throws Exception {
        mvc.perform(authorized("/api/v1/analytics/flows").param("interval", "PT15M").param("location", "CP-2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows", hasSize(1)))
                .andExpect(jsonPath("$.rows[0].passages").value(2))
                .andExpect(jsonPath("$.rows[0].objects").value(2))
                .andExpect(jsonPath("$.rows[0].kind").value("TAG"));
        mvc.perform(authorized("/api/v1/analytics/travel-times").param("a", "CP-1").param("b", "CP-2").param("bucketWidth", "PT1M"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.times.count").value(2))
                .andExpect(jsonPath("$.times.minSeconds").value(590.0))
                .andExpect(jsonPath("$.times.maxSeconds").value(600.0))
                .andExpect(jsonPath("$.times.histogram", hasSize(2)));
        mvc.perform(authorized("/api/v1/analytics/od-matrix"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].origin").value("CP-1"))
                .andExpect(jsonPath("$.rows[0].destination").value("CP-2"))
                .andExpect(jsonPath("$.trips").value(2))
                .andExpect(jsonPath("$.objects").value(2));
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() throws Exception {
        Map<String, MockHttpServletRequestBuilder> cases = new java.util.LinkedHashMap<>();
        String companions = "/api/v1/analytics/companions";
        cases.put("from", get(companions).with(httpBasic("admin", PASSWORD)).param("epc", COMPANION).param("from", TO).param("to", FROM));
        cases.put("to", get(companions).with(httpBasic("admin", PASSWORD)).param("epc", COMPANION).param("from", FROM)
                .param("to", T0.plusSeconds(32L * 86_400).toString()));
        cases.put("delta", authorized(companions).param("epc", COMPANION).param("delta", "5 minutes"));
        cases.put("level", authorized(companions).param("epc", COMPANION).param("level", "lane"));
        cases.put("limit", authorized(companions).param("epc", COMPANION).param("limit", "0"));
        cases.put("minShared", authorized(companions).param("epc", COMPANION).param("minShared", "0"));
        cases.put("maxSightings", authorized(companions).param("epc", COMPANION).param("maxSightings", "101"));
        cases.put("cursor", authorized(companions).param("epc", COMPANION).param("cursor", "not-a-cursor"));
        cases.put("epc", authorized(companions).param("epc", COMPANION).param("kind", "VEHICLE").param("id", UUID.randomUUID().toString())
                .param("purpose", "case 1"));
        cases.put("id", authorized(companions).param("kind", "VEHICLE").param("id", "car-1").param("purpose", "case 1"));
        cases.put("interval", authorized("/api/v1/analytics/flows").param("interval", "PT0.1S"));
        cases.put("by", authorized("/api/v1/analytics/flows").param("by", "colour"));
        cases.put("location", authorized("/api/v1/analytics/flows").param("location", "CP 1!"));
        cases.put("a", authorized("/api/v1/analytics/travel-times").param("a", "").param("b", "CP-2"));
        cases.put("maxGap", authorized("/api/v1/analytics/travel-times").param("a", "CP-1").param("b", "CP-2").param("maxGap", "P60D"));
        cases.put("bucketWidth", authorized("/api/v1/analytics/travel-times").param("a", "CP-1").param("b", "CP-2").param("bucketWidth", "PT0.1S"));
        cases.put("kind", authorized("/api/v1/analytics/od-matrix").param("kind", "SHIP"));
        cases.put("tripGap", authorized("/api/v1/analytics/od-matrix").param("tripGap", "-PT1M"));
        for (Map.Entry<String, MockHttpServletRequestBuilder> c : cases.entrySet()) {
            mvc.perform(c.getValue())
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.detail", startsWith(c.getKey() + ":")));
        }
        mvc.perform(get(companions).param("epc", COMPANION).param("to", TO).with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("'from'")));
        mvc.perform(get(companions).param("epc", COMPANION).param("from", "yesterday").param("to", TO).with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", startsWith("from:")));
    }

    @Test
    void anObjectWithNoTagEverBoundIsNotFound() throws Exception {
        mvc.perform(authorized("/api/v1/analytics/companions").param("kind", "VEHICLE").param("id", UUID.randomUUID().toString())
                        .param("purpose", "case 1"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("No tag bound"));
    }

    /** A GET with login and the one-hour range, unless the case overrides from or to. */
    private static MockHttpServletRequestBuilder authorized(String path) {
        return get(path).with(httpBasic("admin", PASSWORD)).param("from", FROM).param("to", TO);
    }

    private static Passage passage(String hex, String location, Instant firstSeen) {
        RawEpc epc = RawEpc.ofHex(hex);
        return new Passage(PassageId.of(epc, location, Instants.toMicros(firstSeen)), epc, null, location, "rdr-" + location, 1,
                firstSeen, firstSeen.plusMillis(1500), 2, -58, Direction.IN);
    }
}
