package org.openrfid.trace.service.passage.web;

import org.openrfid.trace.service.testsupport.RegistryStoreSlice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageId;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.registry.vehicle.Vehicles;
import org.openrfid.trace.service.passage.PassageStore;
import org.openrfid.trace.service.testsupport.H2StoreSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The registry and query API over a real H2GIS database, as a new user tries it: import the sample
 * city and fleet, feed passages, ask where a vehicle has been. (Security filters off: the rules are
 * the application's and tested there.)
 */
@WebMvcTest
@AutoConfigureMockMvc(addFilters = false)
@org.springframework.security.test.context.support.WithMockUser(username = "admin", roles = "ADMIN")
class RegistryAndQueryApiIntegrationTests {

    static final Path WORLD = Path.of("../sample-data/src/main/resources/sample-data/world");
    static final Instant T0 = Instant.parse("2025-06-02T08:00:00Z");

    @Configuration
    @ComponentScan(basePackages = {"org.openrfid.trace.service.platform.web", "org.openrfid.trace.service.registry", "org.openrfid.trace.service.location",
            "org.openrfid.trace.service.passage.web"},
            excludeFilters = {@ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*Tests\\$.*"),
                    // store adapters come from the slice's imports, not from the scan
                    @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.jdbc\\..*")})
    @Import({RegistryStoreSlice.class, H2StoreSlice.class})
    static class Slice {

        @Bean
        Clock clock() {
            return Clock.fixed(T0.plusSeconds(86_400), ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Vehicles vehicles;
    @Autowired
    PassageStore passageStore;
    @Autowired
    DataSource dataSource;

    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void empty() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String table : List.of("tag_binding", "tag", "vehicle", "passage", "location")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    @Test
    void aBrokenFleetFileIsRefusedWholeWithLineNumberedReasonsAndWritesNothing() throws Exception {
        String file = """
                plate,plate_type,plate_colour,vehicle_type,vin,status,epc,tid
                渝BD941W,02,blue,K33,LVSX16564HG669910,active,3416451DA400000005F5E100,E280689420004159351ECE60
                渝C81480,02,blue,K33,LVSMPG5S3MS271407,active,3416451DA400000005F5E101,E28011602000F10197D548E3
                XYZ,02,purple,K33,LFVJNERW3HJ253063,flying,3416451DA400000005F5E1ZZ,E2801160200007DBF1F2A705
                渝C81481,02,blue,K33,LVSX16564HG669910,active,3416451DA400000005F5E100
                """;

        mvc.perform(post("/api/v1/vehicles/import").contentType("text/csv").content(file.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.title").value("CSV file refused"))
                .andExpect(jsonPath("$.errorCount").value(6))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("vin"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("check digit")))
                .andExpect(jsonPath("$.errors[1].line").value(4))
                .andExpect(jsonPath("$.errors[1].field").value("plate"))
                .andExpect(jsonPath("$.errors[2].field").value("plate_colour"))
                .andExpect(jsonPath("$.errors[3].field").value("status"))
                .andExpect(jsonPath("$.errors[4].field").value("epc"))
                .andExpect(jsonPath("$.errors[5].line").value(5))
                .andExpect(jsonPath("$.errors[5].reason").value(containsString("fields")));

        assertThat(vehicles.count()).isZero();
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM tag", Long.class)).isZero();
    }

    @Test
    void aBadLineAfterManyGoodOnesStillWritesNothing() throws Exception {
        // Past the first written batch (1000 rows), so rows were already in the transaction.
        List<String> lines = new ArrayList<>(Files.readAllLines(WORLD.resolve("vehicles.csv")).subList(0, 1501));
        lines.set(1321, lines.get(1321).replaceFirst(",(active|stolen|inspection_expired),", ",lost,"));

        mvc.perform(post("/api/v1/vehicles/import").contentType("text/csv").content(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].line").value(1322))
                .andExpect(jsonPath("$.errors[0].field").value("status"));

        assertThat(vehicles.count()).isZero();
    }

    @Test
    void theSampleFleetImportsAndAVehicleTrajectoryIsGeoJson() throws Exception {
        mvc.perform(post("/api/v1/locations/import").contentType("text/csv").content(Files.readAllBytes(WORLD.resolve("locations.csv"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(275));
        mvc.perform(post("/api/v1/vehicles/import").contentType("text/csv").content(Files.readAllBytes(WORLD.resolve("vehicles.csv"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(6000))
                .andExpect(jsonPath("$.created").value(6000))
                .andExpect(jsonPath("$.bindingsOpened").value(6000));

        MvcResult found = mvc.perform(get("/api/v1/vehicles").param("plate", "渝BD941W").param("purpose", "case 2025-0601"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].plate").value("渝B·D941W"))
                .andExpect(jsonPath("$.items[0].epc").value("3416451DA400000005F5E100"))
                .andReturn();
        String id = json.readTree(found.getResponse().getContentAsString()).path("items").get(0).path("id").asText();

        RawEpc epc = RawEpc.ofHex("3416451DA400000005F5E100");
        passageStore.saveAll(List.of(
                passage(epc, "CQ-CP-001", T0),
                passage(epc, "CQ-CP-002", T0.plusSeconds(300)),
                passage(epc, "CQ-CP-016", T0.plusSeconds(900)),
                passage(RawEpc.ofHex("3416451DA400000005F5E101"), "CQ-CP-002", T0.plusSeconds(301))));

        MvcResult geo = mvc.perform(get("/api/v1/vehicles/" + id + "/trajectory").param("purpose", "case 2025-0601")
                        .param("from", "2025-06-02T07:00:00Z").param("to", "2025-06-02T09:00:00Z"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/geo+json"))
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.features", hasSize(4)))
                .andExpect(jsonPath("$.features[0].geometry.type").value("Point"))
                .andExpect(jsonPath("$.features[0].properties.locationId").value("CQ-CP-001"))
                .andExpect(jsonPath("$.features[3].geometry.type").value("LineString"))
                .andExpect(jsonPath("$.features[3].properties.plate").value("渝B·D941W"))
                .andReturn();
        JsonNode line = json.readTree(geo.getResponse().getContentAsString()).path("features").get(3).path("geometry").path("coordinates");
        // [lon, lat] of CQ-CP-001 (29.588 N, 106.594 E) first.
        assertThat(line.get(0).get(0).asDouble()).isEqualTo(106.594);
        assertThat(line.get(0).get(1).asDouble()).isEqualTo(29.588);

        mvc.perform(get("/api/v1/vehicles/" + id + "/history").param("limit", "2").header("X-Purpose", "case 2025-0601"))
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.nextCursor").isNotEmpty());
        mvc.perform(get("/api/v1/vehicles/" + id + "/last-seen").param("purpose", "case 2025-0601"))
                .andExpect(jsonPath("$.locationId").value("CQ-CP-016"));
        mvc.perform(get("/api/v1/tags/history").param("epc", "urn:epc:id:giai:9521001.100000000"))
                .andExpect(jsonPath("$.items", hasSize(3)));
        // The same asset as a GS1 Digital Link: found once the company prefix length is given.
        mvc.perform(get("/api/v1/tags/history").param("epc", "https://id.gs1.org/8004/9521001100000000").param("gcp", "7"))
                .andExpect(jsonPath("$.items", hasSize(3)));
        mvc.perform(get("/api/v1/tags/history").param("epc", "https://id.gs1.org/8004/9521001100000000"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/passages/at").param("location", "CQ-CP-002")
                        .param("from", "2025-06-02T07:00:00Z").param("to", "2025-06-02T09:00:00Z"))
                .andExpect(jsonPath("$.items", hasSize(2)));
        mvc.perform(get("/api/v1/passages/within").param("lat", "29.588").param("lon", "106.594").param("radius", "500")
                        .param("from", "2025-06-02T07:00:00Z").param("to", "2025-06-02T09:00:00Z"))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].locationId").value("CQ-CP-001"));
        mvc.perform(get("/api/v1/passages/within").param("polygon", "POLYGON((106 29, 107 29, 107 30, 106 30, 106 29))")
                        .param("from", "2025-06-02T07:00:00Z").param("to", "2025-06-02T09:00:00Z"))
                .andExpect(jsonPath("$.items", hasSize(4)));

        MvcResult exported = mvc.perform(get("/api/v1/vehicles/export")).andExpect(status().isOk()).andReturn();
        String csv = new String(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(exported))
                .andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv.split("\n")).hasSize(6001).contains("渝B·D941W,02,blue,K33,LVSX16564HG669910,active,3416451DA400000005F5E100,E280689420004159351ECE60");

        // Importing (part of) the same fleet again updates the vehicles and changes no binding.
        String again = String.join("\n", Files.readAllLines(WORLD.resolve("vehicles.csv")).subList(0, 1001));
        mvc.perform(post("/api/v1/vehicles/import").contentType("text/csv").content(again.getBytes(StandardCharsets.UTF_8)))
                .andExpect(jsonPath("$.updated").value(1000))
                .andExpect(jsonPath("$.bindingsOpened").value(0));
    }

    @Test
    void passagesCarryTheirTidAndTheConflictingOneOnlyWhenThereIsOne() throws Exception {
        passageStore.saveAll(List.of(
                passage(RawEpc.ofHex("3416451DA400000005F5E100"), "CQ-CP-002", T0).withTid("E280689420004159351ECE60", "E28011602000F10197D548E3"),
                passage(RawEpc.ofHex("3416451DA400000005F5E101"), "CQ-CP-002", T0.plusSeconds(1)).withTid("E28011602000F10197D548E3", null),
                passage(RawEpc.ofHex("3416451DA400000005F5E102"), "CQ-CP-002", T0.plusSeconds(2))));

        mvc.perform(get("/api/v1/passages").param("limit", "3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].tid").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.items[0].otherTid").doesNotExist())
                .andExpect(jsonPath("$.items[1].tid").value("E28011602000F10197D548E3"))
                .andExpect(jsonPath("$.items[1].otherTid").doesNotExist())
                .andExpect(jsonPath("$.items[2].tid").value("E280689420004159351ECE60"))
                .andExpect(jsonPath("$.items[2].otherTid").value("E28011602000F10197D548E3"));
        mvc.perform(get("/api/v1/passages/at").param("location", "CQ-CP-002")
                        .param("from", "2025-06-02T07:00:00Z").param("to", "2025-06-02T09:00:00Z"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(3)))
                .andExpect(jsonPath("$.items[?(@.epc == '3416451DA400000005F5E100')].otherTid").value(
                        org.hamcrest.Matchers.contains("E28011602000F10197D548E3")))
                .andExpect(jsonPath("$.items[?(@.epc == '3416451DA400000005F5E101')].tid").value(
                        org.hamcrest.Matchers.contains("E28011602000F10197D548E3")));
    }

    @Test
    void hostileQueriesGetProblemDetailsNotErrors() throws Exception {
        String id = UUID.randomUUID().toString();
        String[][] requests = {
                {"/api/v1/passages/within", "polygon", "'; DROP TABLE passage; --"},
                {"/api/v1/passages/within", "polygon", "{\"type\":\"Point\",\"coordinates\":[1,2]}"},
                {"/api/v1/passages/within", "bbox", "1,2,3"},
                {"/api/v1/passages/within", "bbox", "106,29,105,30"},
                {"/api/v1/tags/history", "epc", "' OR 1=1 --"},
                {"/api/v1/tags/history", "cursor", "not-a-cursor"},
                {"/api/v1/tags/history", "limit", "5000"},
                {"/api/v1/tags/history", "order", "sideways"},
                {"/api/v1/vehicles", "limit", "0"},
                {"/api/v1/vehicles", "plate", "x' OR '1'='1"},
                {"/api/v1/vehicles/not-a-uuid/history", "limit", "10"},
                {"/api/v1/passages/at", "location", "CQ'; --"},
        };
        for (String[] r : requests) {
            var request = get(r[0]).param(r[1], r[2]).param("from", "2025-06-02T07:00:00Z").param("to", "2025-06-02T09:00:00Z")
                    .param("purpose", "fuzz");
            if (!r[1].equals("epc") && r[0].startsWith("/api/v1/tags")) {
                request.param("epc", "3416451DA400000005F5E100");
            }
            mvc.perform(request)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        }
        mvc.perform(get("/api/v1/vehicles/" + id + "/trajectory").param("from", "2025-06-02T07:00:00Z").param("to", "2025-06-02T09:00:00Z")
                        .param("purpose", "case 1"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/passages/within").param("bbox", "106,29,107,30").param("from", "yesterday").param("to", "2025-06-02T09:00:00Z"))
                .andExpect(status().isBadRequest());
    }

    static Passage passage(RawEpc epc, String location, Instant at) {
        return new Passage(PassageId.of(epc, location, Instants.toMicros(at)), epc, null, location, "rdr-" + location, 1,
                at, at.plusSeconds(2), 3, -55, Direction.IN);
    }
}
