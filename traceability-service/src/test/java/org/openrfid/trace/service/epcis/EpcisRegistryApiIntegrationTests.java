package org.openrfid.trace.service.epcis;

import org.openrfid.trace.service.testsupport.RegistryStoreSlice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.identity.EpcInput;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageId;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.registry.goods.Aggregations;
import org.openrfid.trace.service.registry.goods.GoodsItem;
import org.openrfid.trace.service.registry.goods.GoodsItems;
import org.openrfid.trace.service.registry.goods.NewAggregation;
import org.openrfid.trace.service.registry.goods.Pallet;
import org.openrfid.trace.service.registry.goods.Pallets;
import org.openrfid.trace.service.registry.goods.UnitKind;
import org.openrfid.trace.service.testsupport.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.webmvc.core.configuration.MultipleOpenApiSupportConfiguration;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.openrfid.trace.service.registry.goods.GoodsConfiguration;
import org.openrfid.trace.service.registry.library.LibraryConfiguration;
import org.openrfid.trace.service.registry.vehicle.VehicleConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The EPCIS location configuration, the registry's AggregationEvents and the tag binding API over HTTP,
 * with the application's security rules on and a real H2GIS database.
 */
@WebMvcTest
@AutoConfigureMockMvc
class EpcisRegistryApiIntegrationTests {

    static final Instant T0 = Instant.parse("2025-06-02T08:00:00Z");
    static final String SGTIN_HEX = "3074257BF7194E4000001A85";
    static final String SGTIN_TAG_URI = "urn:epc:tag:sgtin-96:3.0614141.812345.6789";
    static final String PALLET_EPC = "31D4257BF405F5E101000000";
    static final String PALLET_SSCC = "006141411000000019";
    static final String OTHER_SSCC = "006141411000000026";
    static final String SGLN = "urn:epc:id:sgln:0614141.00777.0";

    @Configuration
    @ComponentScan(basePackages = {"org.openrfid.trace.service.platform.web", "org.openrfid.trace.service.epcis", "org.openrfid.trace.service.registry.binding",
            "org.openrfid.trace.service.platform.security"},
            excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*Tests\\$.*"))
    // the registries tell the binding API which objects exist
    @Import({RegistryStoreSlice.class, VehicleConfiguration.class, GoodsConfiguration.class, LibraryConfiguration.class})
    @ImportAutoConfiguration({SpringDocConfiguration.class, SpringDocConfigProperties.class, SpringDocWebMvcConfiguration.class,
            MultipleOpenApiSupportConfiguration.class})
    static class Slice {

        @Bean
        DataSource dataSource() {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:mem:epcis-registry-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            Flyway.configure().dataSource(ds).locations("classpath:db/migration/h2").load().migrate();
            return ds;
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource ds) {
            return new DataSourceTransactionManager(ds);
        }

        @Bean
        Clock clock() {
            return Clock.fixed(T0.plusSeconds(86_400), ZoneOffset.UTC);
        }

        @Bean
        TestStores stores(DataSource ds, PlatformTransactionManager tx, Clock clock) {
            return new TestStores(ds, new TransactionTemplate(tx), clock);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TestStores stores;
    @Autowired
    GoodsItems goods;
    @Autowired
    Pallets pallets;
    @Autowired
    Aggregations aggregations;
    @Autowired
    EpcisSchema schema;

    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void empty() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String table : List.of("epcis_event_epc", "epcis_event", "epcis_capture_job", "epcis_location_config", "aggregation",
                "pallet", "goods_item", "tag_binding", "tag", "passage", "location")) {
            jdbc.update("DELETE FROM " + table);
        }
        stores.locations.save(List.of(new Location("CP-1", "Gate 1", "gate", 29.6, 106.6, null),
                new Location("CP-2", "Gate 2", "gate", 29.6, 106.6, null), new Location("CP-10", "Gate 10", "gate", 29.6, 106.6, null)));
    }

    static RequestPostProcessor admin() {
        return user("admin").roles("ADMIN", "OPERATOR");
    }

    MvcResult send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(admin()).with(csrf())).andReturn();
    }

    static MockHttpServletRequestBuilder putJson(String path, String body) {
        return put(path).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    static MockHttpServletRequestBuilder postJson(String path, String body) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    JsonNode body(MvcResult r) throws Exception {
        return json.readTree(r.getResponse().getContentAsString());
    }

    void expectProblem(MockHttpServletRequestBuilder request, String field) throws Exception {
        MvcResult r = send(request);
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(400);
        assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(body(r).path("detail").asText()).as(field).startsWith(field + ":");
    }

    @Test
    void withoutLoginTheApisAnswer401() throws Exception {
        mvc.perform(get("/api/v1/epcis/location-config")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/epcis/location-config/CP-1")).andExpect(status().isUnauthorized());
        mvc.perform(putJson("/api/v1/epcis/location-config/CP-1", "{\"bizStep\":\"receiving\"}").with(csrf()))
                .andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/v1/epcis/location-config/CP-1").with(csrf())).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/tags/" + PALLET_EPC + "/bindings")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/objects/pallet/" + PALLET_SSCC + "/bindings")).andExpect(status().isUnauthorized());
        mvc.perform(postJson("/api/v1/tags/" + PALLET_EPC + "/bindings", "{}").with(csrf())).andExpect(status().isUnauthorized());
        mvc.perform(postJson("/api/v1/tags/" + PALLET_EPC + "/bindings/close", "{}").with(csrf())).andExpect(status().isUnauthorized());
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM epcis_location_config", Integer.class)).isZero();
    }

    @Test
    void locationConfigurationIsCreatedReplacedListedAndDeleted() throws Exception {
        MvcResult created = send(putJson("/api/v1/epcis/location-config/CP-1",
                "{\"bizStep\":\"urn:epcglobal:cbv:bizstep:receiving\",\"disposition\":\"https://ref.gs1.org/cbv/Disp-in_progress\","
                        + "\"sgln\":\"" + SGLN + "\"}"));
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/v1/epcis/location-config/CP-1");
        JsonNode view = body(created);
        assertThat(view.path("bizStep").asText()).isEqualTo("receiving");
        assertThat(view.path("disposition").asText()).isEqualTo("in_progress");
        assertThat(view.path("effectiveReadPoint").asText()).isEqualTo(SGLN);
        assertThat(send(putJson("/api/v1/epcis/location-config/CP-1", "{\"bizStep\":\"storing\",\"bizLocation\":\"https://example.com/loc/1\"}"))
                .getResponse().getStatus()).isEqualTo(200);
        send(putJson("/api/v1/epcis/location-config/CP-2", "{\"bizStep\":\"http://example.com/steps/weighing\"}"));
        send(putJson("/api/v1/epcis/location-config/CP-10", "{}"));
        mvc.perform(get("/api/v1/epcis/location-config/CP-1").with(admin())).andExpect(status().isOk())
                .andExpect(jsonPath("$.bizStep").value("storing")).andExpect(jsonPath("$.sgln").isEmpty())
                .andExpect(jsonPath("$.effectiveReadPoint").value("urn:openrfid:location:CP-1"))
                .andExpect(jsonPath("$.effectiveBizLocation").value("https://example.com/loc/1"));

        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            MockHttpServletRequestBuilder page = get("/api/v1/epcis/location-config").param("limit", "2");
            if (cursor != null) {
                page.param("cursor", cursor);
            }
            JsonNode p = body(send(page));
            p.path("items").forEach(i -> ids.add(i.path("locationId").asText()));
            cursor = p.path("nextCursor").isNull() ? null : p.path("nextCursor").asText();
        } while (cursor != null);
        assertThat(ids).containsExactly("CP-1", "CP-10", "CP-2");

        assertThat(send(delete("/api/v1/epcis/location-config/CP-2")).getResponse().getStatus()).isEqualTo(204);
        assertThat(send(delete("/api/v1/epcis/location-config/CP-2")).getResponse().getStatus()).isEqualTo(404);
        mvc.perform(get("/api/v1/epcis/location-config/CP-2").with(admin())).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void badLocationConfigurationsAre400sNamingTheFieldAndChangeNothing() throws Exception {
        send(putJson("/api/v1/epcis/location-config/CP-1", "{\"bizStep\":\"receiving\"}"));
        String path = "/api/v1/epcis/location-config/CP-1";
        expectProblem(putJson(path, "{\"bizStep\":\"flying\"}"), "bizStep");
        expectProblem(putJson(path, "{\"bizStep\":\"urn:epcglobal:cbv:bizstep:flying\"}"), "bizStep");
        expectProblem(putJson(path, "{\"disposition\":\"urn:epcglobal:cbv:disp:gone\"}"), "disposition");
        expectProblem(putJson(path, "{\"disposition\":\"not a uri\"}"), "disposition");
        expectProblem(putJson(path, "{\"readPoint\":\"gate one\"}"), "readPoint");
        expectProblem(putJson(path, "{\"bizLocation\":\"::\"}"), "bizLocation");
        expectProblem(putJson(path, "{\"sgln\":\"urn:epc:id:sgtin:0614141.812345.6789\"}"), "sgln");
        expectProblem(putJson("/api/v1/epcis/location-config/nowhere", "{\"bizStep\":\"receiving\"}"), "locationId");
        expectProblem(get("/api/v1/epcis/location-config").param("limit", "0"), "limit");
        expectProblem(get("/api/v1/epcis/location-config").param("cursor", "garbage!"), "cursor");
        mvc.perform(get(path).with(admin())).andExpect(jsonPath("$.bizStep").value("receiving"));
    }

    @Test
    void passageEventsCarryTheConfiguredContextAndValidate() throws Exception {
        send(putJson("/api/v1/epcis/location-config/CP-1", "{\"bizStep\":\"receiving\",\"disposition\":\"in_progress\",\"sgln\":\"" + SGLN + "\"}"));
        RawEpc epc = RawEpc.ofHex(SGTIN_HEX);
        Instant last = T0.plusSeconds(10);
        stores.passages.saveAll(List.of(new Passage(PassageId.of(epc, "CP-1", Instants.toMicros(last.minusSeconds(2))), epc, SGTIN_TAG_URI,
                "CP-1", "rdr", 1, last.minusSeconds(2), last, 3, -55, Direction.IN)));
        MvcResult r = send(get("/epcis/events").param("EQ_readPoint", "https://id.gs1.org/414/0614141007776"));
        JsonNode doc = body(r);
        assertThat(schema.validate(doc)).isEmpty();
        JsonNode event = doc.path("epcisBody").path("queryResults").path("resultsBody").path("eventList").get(0);
        assertThat(event.path("bizStep").asText()).isEqualTo("receiving");
        assertThat(event.path("disposition").asText()).isEqualTo("in_progress");
        assertThat(event.path("readPoint").path("id").asText()).isEqualTo(SGLN);
    }

    void palletStory() {
        GoodsItem a = GoodsItem.of("80614141123458", "6789", null, null, null, null);
        GoodsItem b = GoodsItem.of("80614141123458", "6790", null, null, null, null);
        goods.save(List.of(a, b));
        pallets.save(List.of(new Pallet(PALLET_SSCC, null)));
        aggregations.aggregate(List.of(new NewAggregation(UnitKind.PALLET, PALLET_SSCC, UnitKind.GOODS, a.id().toString(), T0.plusSeconds(100)),
                new NewAggregation(UnitKind.PALLET, PALLET_SSCC, UnitKind.GOODS, b.id().toString(), T0.plusSeconds(100))));
        aggregations.disaggregate(UnitKind.GOODS, b.id().toString(), T0.plusSeconds(200));
        aggregations.aggregate(List.of(new NewAggregation(UnitKind.CONTAINER, "CSQU3054383", UnitKind.PALLET, PALLET_SSCC, T0.plusSeconds(300))));
    }

    static final String CAPTURED_AGGREGATION = """
            {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
             "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2025-06-02T10:00:00Z",
             "epcisBody": {"eventList": [
               {"type": "AggregationEvent", "eventTime": "2025-06-02T08:02:00Z", "eventTimeZoneOffset": "+00:00",
                "parentID": "urn:epc:id:sscc:0614141.1234567890", "childEPCs": ["urn:epc:id:sgtin:0614141.107346.2017"],
                "action": "ADD", "bizStep": "packing"}]}}""";

    @Test
    void registryAggregationsAreQueriedAsSchemaValidAggregationEvents() throws Exception {
        palletStory();
        assertThat(send(post("/epcis/capture").contentType("application/ld+json").content(CAPTURED_AGGREGATION)).getResponse().getStatus())
                .isEqualTo(202);
        JsonNode doc = body(send(get("/epcis/events").param("eventType", "AggregationEvent")));
        assertThat(schema.validate(doc)).isEmpty();
        JsonNode list = doc.path("epcisBody").path("queryResults").path("resultsBody").path("eventList");
        List<String> seen = new ArrayList<>();
        list.forEach(e -> seen.add(e.path("action").asText() + " " + e.path("parentID").asText()));
        String palletPure = EpcInput.pureIdentity(PALLET_EPC);
        assertThat(seen).hasSize(4);
        assertThat(seen.get(0)).isEqualTo("ADD https://id.gs1.org/00/" + PALLET_SSCC);
        assertThat(seen.get(1)).isEqualTo("ADD urn:epc:id:sscc:0614141.1234567890");
        assertThat(list.get(3).path("parentID").asText()).isEqualTo("urn:epc:id:bic:CSQU3054383");

        String palletDl = "https://id.gs1.org/00/" + PALLET_SSCC;
        mvc.perform(get("/epcis/events").param("MATCH_parentID", palletDl).with(admin()))
                .andExpect(jsonPath("$.epcisBody.queryResults.resultsBody.eventList", hasSize(2)))
                .andExpect(jsonPath("$.epcisBody.queryResults.resultsBody.eventList[1].action").value("DELETE"))
                .andExpect(jsonPath("$.epcisBody.queryResults.resultsBody.eventList[1].bizStep").value("unpacking"));
        mvc.perform(get("/epcis/events").param("MATCH_parentID", "urn:epc:id:sscc:0614141.1234567890").with(admin()))
                .andExpect(jsonPath("$.epcisBody.queryResults.resultsBody.eventList", hasSize(1)));
        mvc.perform(get("/epcis/events").param("MATCH_epc", palletDl).with(admin()))
                .andExpect(jsonPath("$.epcisBody.queryResults.resultsBody.eventList", hasSize(1)))
                .andExpect(jsonPath("$.epcisBody.queryResults.resultsBody.eventList[0].parentID").value("urn:epc:id:bic:CSQU3054383"));
        mvc.perform(get("/epcis/events").param("MATCH_anyEPC", palletDl).with(admin()))
                .andExpect(jsonPath("$.epcisBody.queryResults.resultsBody.eventList", hasSize(3)));

        List<String> paged = new ArrayList<>();
        String token = null;
        do {
            MockHttpServletRequestBuilder page = get("/epcis/events").param("eventType", "AggregationEvent").param("perPage", "1");
            if (token != null) {
                page.param("nextPageToken", token);
            }
            MvcResult r = send(page);
            JsonNode p = body(r);
            assertThat(schema.validate(p)).isEmpty();
            p.path("epcisBody").path("queryResults").path("resultsBody").path("eventList").forEach(e -> paged.add(e.path("eventID").asText()));
            token = r.getResponse().getHeader("GS1-Next-Page-Token");
        } while (token != null && paged.size() < 10);
        List<String> ids = new ArrayList<>();
        list.forEach(e -> ids.add(e.path("eventID").asText()));
        assertThat(paged).containsExactlyElementsOf(ids);
        // once the pallet's tag is bound, its SSCC is written as the tag's pure identity, under the same event id
        mvc.perform(postJson(bindingsPath(PALLET_EPC), "{\"kind\":\"PALLET\",\"objectId\":\"" + PALLET_SSCC
                + "\",\"from\":\"2025-06-03T00:00:00Z\"}").with(admin()).with(csrf())).andExpect(status().isCreated());
        JsonNode again = body(send(get("/epcis/events").param("eventType", "AggregationEvent")))
                .path("epcisBody").path("queryResults").path("resultsBody").path("eventList");
        assertThat(again.get(0).path("parentID").asText()).isEqualTo(palletPure).startsWith("urn:epc:id:sscc:");
        assertThat(again.get(0).path("eventID").asText()).isEqualTo(ids.get(0));
    }

    // --- bindings ---

    String bindingsPath(String epc) {
        return "/api/v1/tags/" + epc + "/bindings";
    }

    @Test
    void bindListRebindAndCloseATagsBindings() throws Exception {
        pallets.save(List.of(new Pallet(PALLET_SSCC, null), new Pallet(OTHER_SSCC, null)));
        MvcResult bound = send(postJson(bindingsPath(PALLET_EPC),
                "{\"kind\":\"pallet\",\"objectId\":\"" + PALLET_SSCC + "\",\"from\":\"2025-06-02T08:00:00Z\"}"));
        assertThat(bound.getResponse().getStatus()).as(bound.getResponse().getContentAsString()).isEqualTo(201);
        assertThat(body(bound).path("validTo").isNull()).isTrue();
        // the same binding again changes nothing
        assertThat(send(postJson(bindingsPath(PALLET_EPC),
                "{\"kind\":\"PALLET\",\"objectId\":\"" + PALLET_SSCC + "\",\"from\":\"2025-06-02T09:00:00Z\"}")).getResponse().getStatus())
                .isEqualTo(200);
        // re-binding the tag, named by its pure identity, closes the old interval
        String pure = EpcInput.pureIdentity(PALLET_EPC);
        assertThat(send(postJson(bindingsPath(pure),
                "{\"kind\":\"PALLET\",\"objectId\":\"" + OTHER_SSCC + "\",\"from\":\"2025-06-02T10:00:00Z\"}")).getResponse().getStatus())
                .isEqualTo(201);
        JsonNode history = body(send(get(bindingsPath(pure))));
        assertThat(history.path("items")).hasSize(2);
        assertThat(history.path("items").get(0).path("objectId").asText()).isEqualTo(PALLET_SSCC);
        assertThat(history.path("items").get(0).path("validTo").asText()).isEqualTo("2025-06-02T10:00:00Z");
        assertThat(history.path("items").get(1).path("objectId").asText()).isEqualTo(OTHER_SSCC);

        // a Digital Link (with its company prefix length) as a parameter; one page at a time
        JsonNode first = body(send(get("/api/v1/tags/bindings").param("epc", "https://id.gs1.org/00/" + PALLET_SSCC).param("gcp", "7")
                .param("limit", "1")));
        assertThat(first.path("items")).hasSize(1);
        JsonNode second = body(send(get("/api/v1/tags/bindings").param("epc", "https://id.gs1.org/00/" + PALLET_SSCC).param("gcp", "7")
                .param("limit", "1").param("cursor", first.path("nextCursor").asText())));
        assertThat(second.path("items").get(0).path("objectId").asText()).isEqualTo(OTHER_SSCC);
        assertThat(second.path("nextCursor").isNull()).isTrue();

        mvc.perform(get("/api/v1/objects/pallet/" + PALLET_SSCC + "/bindings").with(admin())).andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1))).andExpect(jsonPath("$.items[0].epc").value(PALLET_EPC));

        MvcResult closed = send(postJson(bindingsPath(PALLET_EPC) + "/close", "{\"at\":\"2025-06-02T11:00:00Z\"}"));
        assertThat(closed.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(closed).path("validTo").asText()).isEqualTo("2025-06-02T11:00:00Z");
        assertThat(send(postJson(bindingsPath(PALLET_EPC) + "/close", "{\"at\":\"2025-06-02T12:00:00Z\"}")).getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void badBindingRequestsAre400sNamingTheField() throws Exception {
        pallets.save(List.of(new Pallet(PALLET_SSCC, null)));
        send(postJson(bindingsPath(PALLET_EPC), "{\"kind\":\"PALLET\",\"objectId\":\"" + PALLET_SSCC + "\",\"from\":\"2025-06-02T08:00:00Z\"}"));
        expectProblem(postJson(bindingsPath(PALLET_EPC), "{\"kind\":\"SHIP\",\"objectId\":\"x\",\"from\":\"2025-06-02T09:00:00Z\"}"), "kind");
        expectProblem(postJson(bindingsPath(PALLET_EPC), "{\"kind\":\"PALLET\",\"objectId\":\"" + PALLET_SSCC + "1\",\"from\":\"2025-06-02T09:00:00Z\"}"),
                "objectId");
        expectProblem(postJson(bindingsPath(PALLET_EPC), "{\"kind\":\"PALLET\",\"objectId\":\"" + OTHER_SSCC + "\",\"from\":\"2025-06-02T09:00:00Z\"}"),
                "objectId");
        pallets.save(List.of(new Pallet(OTHER_SSCC, null)));
        expectProblem(postJson(bindingsPath(PALLET_EPC), "{\"kind\":\"PALLET\",\"objectId\":\"" + OTHER_SSCC + "\",\"from\":\"yesterday\"}"), "from");
        expectProblem(postJson(bindingsPath(PALLET_EPC), "{\"kind\":\"PALLET\",\"objectId\":\"" + OTHER_SSCC + "\"}"), "from");
        // before the open binding began: would rewrite history
        expectProblem(postJson(bindingsPath(PALLET_EPC), "{\"kind\":\"PALLET\",\"objectId\":\"" + OTHER_SSCC + "\",\"from\":\"2025-06-01T00:00:00Z\"}"),
                "from");
        expectProblem(postJson(bindingsPath("XYZ"), "{\"kind\":\"PALLET\",\"objectId\":\"" + OTHER_SSCC + "\",\"from\":\"2025-06-02T09:00:00Z\"}"), "epc");
        expectProblem(postJson("/api/v1/tags/bindings?epc=https://id.gs1.org/00/" + OTHER_SSCC + "&gcp=7",
                "{\"kind\":\"PALLET\",\"objectId\":\"" + OTHER_SSCC + "\",\"from\":\"2025-06-02T09:00:00Z\"}"), "epc");
        expectProblem(postJson(bindingsPath(PALLET_EPC) + "/close", "{\"at\":\"2025-06-01T00:00:00Z\"}"), "at");
        expectProblem(postJson(bindingsPath(PALLET_EPC) + "/close", "{}"), "at");
        expectProblem(get(bindingsPath(PALLET_EPC)).param("limit", "1001"), "limit");
        expectProblem(get(bindingsPath(PALLET_EPC)).param("cursor", "nope"), "cursor");
        expectProblem(get("/api/v1/tags/bindings").param("epc", "https://id.gs1.org/00/" + PALLET_SSCC).param("gcp", "3"), "gcp");
        mvc.perform(get("/api/v1/objects/pallet/" + OTHER_SSCC + "1/bindings").with(admin())).andExpect(status().isNotFound());
        expectProblem(get("/api/v1/objects/ship/1/bindings"), "kind");
        // nothing of that changed the one binding
        mvc.perform(get(bindingsPath(PALLET_EPC)).with(admin())).andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].validTo").isEmpty()).andExpect(jsonPath("$.items[0].objectId", containsString(PALLET_SSCC)));
    }

    @Test
    void theNewEndpointsAreInTheOpenApiDescription() throws Exception {
        JsonNode paths = body(send(get("/v3/api-docs"))).path("paths");
        assertThat(paths.path("/api/v1/epcis/location-config").has("get")).isTrue();
        JsonNode one = paths.path("/api/v1/epcis/location-config/{locationId}");
        assertThat(one.has("get") && one.has("put") && one.has("delete")).as(one.toString()).isTrue();
        assertThat(one.path("put").path("responses").has("400")).isTrue();
        assertThat(paths.path("/api/v1/tags/{epc}/bindings").has("post")).isTrue();
        assertThat(paths.path("/api/v1/tags/{epc}/bindings/close").has("post")).isTrue();
        assertThat(paths.path("/api/v1/objects/{kind}/{objectId}/bindings").has("get")).isTrue();
        assertThat(paths.path("/epcis/events").path("get").path("parameters").toString()).contains("MATCH_parentID");
    }
}
