package org.openrfid.trace.service.registry.goods;

import org.openrfid.trace.service.testsupport.RegistryStoreSlice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.openrfid.trace.service.registry.library.LibraryItems;
import org.openrfid.trace.service.registry.watchlist.Watchlist;
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
 * Goods, pallets, aggregation, library items and the watchlist over REST on a real H2GIS database,
 * as a new user tries them: import the sample world's files, page, export, ask where a case has been.
 */
@WebMvcTest
@AutoConfigureMockMvc(addFilters = false)
@org.springframework.security.test.context.support.WithMockUser(username = "admin", roles = "ADMIN")
class ObjectRegistryApiIntegrationTests {

    static final Path WORLD = Path.of("../sample-data/src/main/resources/sample-data/world");
    static final Instant T0 = Instant.parse("2025-06-02T08:00:00Z");
    static final String CASE_EPC = "3054024220AC67C0000F4241";
    static final String PALLET_EPC = "31D4257BF405F5E101000000";

    @Configuration
    @ComponentScan(basePackages = {"org.openrfid.trace.service.platform.web", "org.openrfid.trace.service.registry", "org.openrfid.trace.service.location",
            "org.openrfid.trace.service.passage.web"},
            // Other web slices' nested configurations live in those packages' tests.
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
    GoodsItems goods;
    @Autowired
    Pallets pallets;
    @Autowired
    LibraryItems libraryItems;
    @Autowired
    Watchlist watchlist;
    @Autowired
    PassageStore passageStore;
    @Autowired
    DataSource dataSource;

    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void empty() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String table : List.of("watchlist_entry", "aggregation", "library_item", "pallet", "goods_item", "tag_binding", "tag",
                "vehicle", "passage", "location")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    JsonNode importFile(String path, String file) throws Exception {
        MvcResult r = mvc.perform(post(path).contentType("text/csv").content(Files.readAllBytes(WORLD.resolve(file))))
                .andExpect(status().isOk()).andReturn();
        return json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    void importWorld() throws Exception {
        assertThat(importFile("/api/v1/goods/import", "goods.csv").get("created").asLong()).isEqualTo(817);
        assertThat(importFile("/api/v1/pallets/import", "pallets.csv").get("bindingsOpened").asLong()).isEqualTo(55);
        assertThat(importFile("/api/v1/pallets/aggregation/import", "aggregation.csv").get("rows").asLong()).isEqualTo(872);
        assertThat(importFile("/api/v1/library-items/import", "library-items.csv").get("created").asLong()).isEqualTo(2500);
        importFile("/api/v1/vehicles/import", "vehicles.csv");
        assertThat(importFile("/api/v1/watchlist/import", "watchlist.csv").get("created").asLong()).isEqualTo(438);
    }

    @Test
    void theSampleWorldImportsPagesAndExportsAndReimportsAsNoChange() throws Exception {
        importWorld();
        assertThat(goods.count()).isEqualTo(817);
        assertThat(pallets.count()).isEqualTo(55);
        assertThat(libraryItems.count()).isEqualTo(2500);
        assertThat(watchlist.count()).isEqualTo(438);

        JsonNode again = importFile("/api/v1/goods/import", "goods.csv");
        assertThat(again.get("created").asLong()).isZero();
        assertThat(again.get("updated").asLong()).isEqualTo(817);
        assertThat(again.get("bindingsOpened").asLong()).isZero();
        assertThat(importFile("/api/v1/pallets/aggregation/import", "aggregation.csv").get("bindingsOpened").asLong()).isZero();
        assertThat(importFile("/api/v1/watchlist/import", "watchlist.csv").get("created").asLong()).isZero();

        // Cursor pages cover everything once.
        MvcResult first = mvc.perform(get("/api/v1/goods").param("limit", "500")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(500))).andReturn();
        String cursor = json.readTree(first.getResponse().getContentAsString()).get("nextCursor").asText();
        mvc.perform(get("/api/v1/goods").param("limit", "500").param("cursor", cursor)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(317))).andExpect(jsonPath("$.nextCursor").isEmpty());
        mvc.perform(get("/api/v1/goods").param("gtin", "10037000765438").param("serial", "1000001")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].epc").value(CASE_EPC))
                .andExpect(jsonPath("$.items[0].pallet").value("006141411000000019"))
                .andExpect(jsonPath("$.items[0].consignment").value("CN-2025-0001"));
        mvc.perform(get("/api/v1/pallets/006141411000000019")).andExpect(status().isOk())
                .andExpect(jsonPath("$.epc").value(PALLET_EPC)).andExpect(jsonPath("$.container").value("DMOU1000014"));
        mvc.perform(get("/api/v1/pallets/006141411000000019/contents")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].kind").value("GOODS"));
        int onLoan = 0;
        String next = null;
        do {
            var req = get("/api/v1/library-items").param("status", "on_loan").param("limit", "300");
            if (next != null) {
                req.param("cursor", next);
            }
            JsonNode page = json.readTree(mvc.perform(req).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            onLoan += page.get("items").size();
            next = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (next != null);
        assertThat(onLoan).isEqualTo(488);
        mvc.perform(get("/api/v1/watchlist").param("list", "customs_hold").param("limit", "1000")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].kind").exists());

        // Exports are in the import format and re-import as no change.
        for (String[] registry : new String[][] {{"/api/v1/goods", "817"}, {"/api/v1/pallets", "55"}, {"/api/v1/library-items", "2500"},
                {"/api/v1/watchlist", "438"}, {"/api/v1/pallets/aggregation", "872"}}) {
            MvcResult exported = mvc.perform(get(registry[0] + "/export")).andExpect(status().isOk()).andReturn();
            byte[] body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(exported))
                    .andReturn().getResponse().getContentAsByteArray();
            long lines = new String(body, StandardCharsets.UTF_8).lines().count();
            assertThat(lines).as(registry[0]).isEqualTo(Long.parseLong(registry[1]) + 1);
            JsonNode counts = json.readTree(mvc.perform(post(registry[0] + "/import").contentType("text/csv").content(body))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            assertThat(counts.get("created").asLong()).as(registry[0]).isZero();
        }
    }

    @Test
    void aBrokenFileIsRefusedWholeWithLineNumbers() throws Exception {
        String file = "epc,uri,gtin,serial,product,consignment\n"
                + "3054024220AC67C0000F4241,,10037000765438,1000001,ok,CN-1\n"
                + ",,10037000765437,5,bad check digit,\n"
                + "3054024220AC67C0000F4242,,10037000765438,1000009,EPC of another serial,\n"
                + ",,10037000765438,1000001,duplicate,\n";
        mvc.perform(post("/api/v1/goods/import").contentType("text/csv").content(file))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errorCount").value(3))
                .andExpect(jsonPath("$.errors[0].line").value(3)).andExpect(jsonPath("$.errors[0].field").value("gtin"))
                .andExpect(jsonPath("$.errors[1].line").value(4)).andExpect(jsonPath("$.errors[1].field").value("epc"))
                .andExpect(jsonPath("$.errors[2].line").value(5));
        assertThat(goods.count()).isZero();

        mvc.perform(post("/api/v1/watchlist/import").contentType("text/csv")
                        .content("list,epc,subject,reason,since\nstolen_vehicle,3416451DA400000005F5E148,x,stolen,2025-05-24\n"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("epc"));
        assertThat(watchlist.count()).isZero();
    }

    @Test
    void aCaseHasBeenWhereverThePalletItWasOnHasBeen() throws Exception {
        importWorld();
        UUID id = GoodsItem.idOf("10037000765438", "1000001");
        Passage palletRead = passage(PALLET_EPC, "CQ-LOG-HUB-D01", T0.plusSeconds(20));
        Passage caseRead = passage(CASE_EPC, "CQ-BW-01-D02", T0.plusSeconds(300));
        Passage otherCase = passage("3054024220AC67C0000F4242", "CQ-BW-01-D02", T0.plusSeconds(301));
        passageStore.saveAll(List.of(palletRead, caseRead, otherCase));

        mvc.perform(get("/api/v1/goods/" + id + "/history")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.items[0].id").value(palletRead.id()))
                .andExpect(jsonPath("$.items[0].viaKind").value("PALLET"))
                .andExpect(jsonPath("$.items[0].viaId").value("006141411000000019"))
                .andExpect(jsonPath("$.items[1].id").value(caseRead.id()))
                .andExpect(jsonPath("$.items[1].viaKind").value("GOODS"));
        MvcResult page = mvc.perform(get("/api/v1/goods/" + id + "/history").param("limit", "1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1))).andReturn();
        String cursor = json.readTree(page.getResponse().getContentAsString()).get("nextCursor").asText();
        mvc.perform(get("/api/v1/goods/" + id + "/history").param("limit", "1").param("cursor", cursor))
                .andExpect(jsonPath("$.items[0].id").value(caseRead.id())).andExpect(jsonPath("$.nextCursor").isEmpty());
        mvc.perform(get("/api/v1/goods/" + UUID.randomUUID() + "/history")).andExpect(status().isNotFound());
    }

    static Passage passage(String epcHex, String location, Instant firstSeen) {
        RawEpc epc = RawEpc.ofHex(epcHex);
        return new Passage(PassageId.of(epc, location, Instants.toMicros(firstSeen)), epc, null, location, "rdr-" + location, 1,
                firstSeen, firstSeen.plusMillis(1500), 12, -55.5, Direction.NONE);
    }
}
