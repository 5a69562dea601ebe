package org.openrfid.trace.service.location;

import org.openrfid.trace.service.testsupport.RegistryStoreSlice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageId;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.passage.PassageStore;
import org.openrfid.trace.service.testsupport.H2StoreSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Area locations over the API on a real H2GIS database: a warehouse given as a GeoJSON polygon or a
 * WKT column, found by a "who was here" box that only touches its edge, drawn at its representative
 * point, and bad shapes refused with the field (or CSV line) named. (Security filters off.)
 */
@WebMvcTest
@AutoConfigureMockMvc(addFilters = false)
@org.springframework.security.test.context.support.WithMockUser(username = "admin", roles = "ADMIN")
class LocationAreaApiIntegrationTests {

    static final Instant T0 = Instant.parse("2025-06-02T08:00:00Z");
    static final String YARD = "{\"type\":\"Polygon\",\"coordinates\":[[[106.50,29.50],[106.51,29.50],[106.51,29.51],[106.50,29.51],[106.50,29.50]]]}";

    @Configuration
    @ComponentScan(basePackages = {"org.openrfid.trace.service.platform.web", "org.openrfid.trace.service.registry", "org.openrfid.trace.service.location",
            "org.openrfid.trace.service.passage.web"},
            // Other web tests' slices live in these packages too.
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
    Locations locations;
    @Autowired
    PassageStore passages;
    @Autowired
    DataSource dataSource;

    @BeforeEach
    void empty() {
        new JdbcTemplate(dataSource).update("DELETE FROM passage");
        new JdbcTemplate(dataSource).update("DELETE FROM location");
    }

    @Test
    void aWarehouseGivenAsGeoJsonIsFoundByABoxTouchingItsEdgeAndDrawnAtItsRepresentativePoint() throws Exception {
        mvc.perform(post("/api/v1/locations").contentType("application/json")
                        .content("{\"id\":\"WH-1\",\"name\":\"Bonded warehouse\",\"kind\":\"warehouse\",\"geometry\":" + YARD + "}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.geometry.type").value("Polygon"))
                .andExpect(jsonPath("$.geometry.coordinates[0]", hasSize(5)))
                .andExpect(jsonPath("$.shape").doesNotExist())
                .andExpect(jsonPath("$.area").doesNotExist())
                .andExpect(jsonPath("$.lat").value(closeTo(29.505, 1e-9)))
                .andExpect(jsonPath("$.lon").value(closeTo(106.505, 1e-9)));
        // A point location by lat/lon still works and shows its geometry as a GeoJSON Point.
        mvc.perform(post("/api/v1/locations").contentType("application/json")
                        .content("{\"id\":\"CP-9\",\"kind\":\"checkpoint\",\"lat\":29.7,\"lon\":106.7}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.geometry.type").value("Point"))
                .andExpect(jsonPath("$.geometry.coordinates[0]").value(106.7));
        // What GET returns can be sent back unchanged (lat/lon are the representative point).
        String read = mvc.perform(get("/api/v1/locations/WH-1")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        mvc.perform(post("/api/v1/locations").contentType("application/json").content(read)).andExpect(status().isCreated());

        RawEpc epc = RawEpc.ofHex("3416451DA400000005F5E100");
        passages.saveAll(List.of(new Passage(PassageId.of(epc, "WH-1", Instants.toMicros(T0)), epc, null, "WH-1", "rdr-WH-1", 1,
                T0, T0.plusSeconds(2), 4, -50.0, Direction.NONE)));
        // The box overlaps the yard's eastern strip only: no point of the yard's is inside, the yard is.
        mvc.perform(get("/api/v1/passages/within").param("bbox", "106.509,29.502,106.52,29.503")
                        .param("from", "2025-06-02T07:00:00Z").param("to", "2025-06-02T09:00:00Z"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].locationId").value("WH-1"))
                .andExpect(jsonPath("$.items[0].lat").value(closeTo(29.505, 1e-9)));
        mvc.perform(get("/api/v1/passages/within").param("polygon", "POLYGON((106.52 29.52, 106.53 29.52, 106.53 29.53, 106.52 29.52))")
                        .param("from", "2025-06-02T07:00:00Z").param("to", "2025-06-02T09:00:00Z"))
                .andExpect(jsonPath("$.items", hasSize(0)));
    }

    @Test
    void badShapesAndPositionsAreRefusedNamingTheField() throws Exception {
        String[][] bad = {
                // self-intersecting (a bow tie)
                {"\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}", "geometry: not a valid Polygon"},
                // outside WGS84
                {"\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[200,0],[200,1],[0,1],[0,0]]]}", "geometry: position 200.0, 0.0"},
                {"\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}", "geometry: GeoJSON type 'LineString'"},
                {"\"geometry\":\"POLYGON((0 0, 1 0, 1 1))\"", "geometry: not WKT or GeoJSON"},
                {"\"geometry\":" + YARD + ",\"lat\":10,\"lon\":10", "lat: 10.0, 10.0 is not the representative point"},
                {"\"lat\":95,\"lon\":10", "lat: 95.0 is outside -90..90"},
                {"\"lat\":10,\"lon\":-181", "lon: -181.0 is outside -180..180"},
                {"\"lat\":10", "lon: is required"},
        };
        for (String[] b : bad) {
            mvc.perform(post("/api/v1/locations").contentType("application/json").content("{\"id\":\"X-1\"," + b[0] + "}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail", containsString(b[1])));
        }
        assertThat(locations.all()).isEmpty();
    }

    @Test
    void csvTakesAWktColumnAndRefusesAFileWithABadPolygonWholeWithItsLine() throws Exception {
        String good = "id,name,kind,lat,lon,parent,wkt\n"
                + "GATE-1,Gate,gate,29.5,106.505,WH-1,\n"
                + "WH-1,Warehouse,warehouse,,,,\"POLYGON ((106.5 29.5, 106.51 29.5, 106.51 29.51, 106.5 29.51, 106.5 29.5))\"\n";
        mvc.perform(post("/api/v1/locations/import").contentType("text/csv").content(good))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rows").value(2));
        assertThat(locations.find("WH-1").orElseThrow().isArea()).isTrue();

        String bad = "id,name,kind,lat,lon,parent,wkt\n"
                + "CP-2,Checkpoint,checkpoint,29.6,106.6,,\n"
                + "PARK-1,Car park,car_park,,,,\"POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0))\"\n"
                + "PARK-2,Car park,car_park,,,,\"POLYGON ((0 0, 1 0, 1 95, 0 0))\"\n";
        mvc.perform(post("/api/v1/locations/import").contentType("text/csv").content(bad))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("wkt"))
                .andExpect(jsonPath("$.errors[0].reason", containsString("Self-intersection")))
                .andExpect(jsonPath("$.errors[1].line").value(4))
                .andExpect(jsonPath("$.errors[1].reason", containsString("not WGS84")));
        assertThat(locations.find("CP-2")).as("nothing of a refused file is written").isEmpty();

        // Export writes the area as WKT and its representative point; the file imports again unchanged.
        MvcResult exported = mvc.perform(get("/api/v1/locations/export")).andExpect(status().isOk()).andReturn();
        String csv = new String(mvc.perform(asyncDispatch(exported)).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).contains("WH-1,Warehouse,warehouse,29.505000,106.505000,,\"POLYGON ((106.5 29.5, 106.51 29.5");
        Location before = locations.find("WH-1").orElseThrow();
        mvc.perform(post("/api/v1/locations/import").contentType("text/csv").content(csv)).andExpect(status().isOk());
        assertThat(locations.find("WH-1").orElseThrow()).isEqualTo(before);
    }
}
