package org.openrfid.trace.service.epcis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.openrfid.trace.service.registry.binding.jdbc.BindingStoreConfiguration;
import org.openrfid.trace.service.registry.goods.jdbc.GoodsStoreConfiguration;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * EPCIS capture and query over HTTP with a real H2GIS database: the official GS1 examples are accepted,
 * invalid documents are refused whole, query documents validate against the official JSON Schema.
 * (Security filters off: the rules are the application's and tested there.)
 */
@WebMvcTest
@AutoConfigureMockMvc(addFilters = false)
@org.springframework.security.test.context.support.WithMockUser(username = "admin", roles = "ADMIN")
class EpcisApiIntegrationTests {

    static final Instant NOW = Instant.parse("2025-06-03T08:00:00Z");

    @Configuration
    @ComponentScan(basePackages = {"org.openrfid.trace.service.platform.web", "org.openrfid.trace.service.epcis"},
            // other web slices' nested configurations live in the same test package
            excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*Tests\\$.*"))
    // registry aggregations are read through the goods and binding ports
    @Import({GoodsStoreConfiguration.class, BindingStoreConfiguration.class, org.openrfid.trace.service.testsupport.AccessSlice.class})
    static class Slice {

        @Bean
        DataSource dataSource() {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:mem:epcis-api-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
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
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    DataSource dataSource;
    @Autowired
    EpcisSchema schema;

    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void empty() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String table : List.of("epcis_event_epc", "epcis_event", "epcis_capture_job", "passage", "location")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    int storedEvents() {
        return new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM epcis_event", Integer.class);
    }

    static Path examples() {
        return SharedData.dir("data/epcis/gs1-EPCIS/JSON");
    }

    MvcResult capture(String body) throws Exception {
        return mvc.perform(post("/epcis/capture").contentType("application/ld+json").content(body)).andReturn();
    }

    @TestFactory
    Stream<DynamicTest> officialExampleDocumentsAreAccepted() throws Exception {
        List<Path> docs;
        try (Stream<Path> files = Files.walk(examples())) {
            docs = files.filter(p -> p.toString().endsWith(".jsonld")).sorted().toList();
        }
        assertThat(docs).hasSizeGreaterThanOrEqualTo(40);
        return docs.stream().map(doc -> DynamicTest.dynamicTest(examples().relativize(doc).toString(), () -> {
            String body = Files.readString(doc);
            MvcResult result = capture(body);
            assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(202);
            String location = result.getResponse().getHeader("Location");
            assertThat(location).startsWith("/epcis/capture/");
            mvc.perform(get(location)).andExpect(status().isOk()).andExpect(jsonPath("$.success").value(true))
                    .andExpect(jsonPath("$.running").value(false));
        }));
    }

    static final String VALID = """
            {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
             "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2025-06-02T10:00:00Z",
             "epcisBody": {"eventList": [
               {"type": "ObjectEvent", "eventTime": "2025-06-02T08:00:30.000Z", "eventTimeZoneOffset": "+00:00",
                "epcList": ["urn:epc:id:sgtin:0614141.107346.2017"], "action": "OBSERVE", "bizStep": "shipping",
                "readPoint": {"id": "urn:epc:id:sgln:0614141.00777.0"}},
               {"type": "ObjectEvent", "eventTime": "2025-06-02T08:01:30.000Z", "eventTimeZoneOffset": "+00:00",
                "quantityList": [{"epcClass": "urn:epc:class:lgtin:4012345.012345.998877", "quantity": 200, "uom": "KGM"}],
                "action": "OBSERVE", "bizStep": "receiving"}
             ]}}""";

    ObjectNode valid() throws Exception {
        return (ObjectNode) json.readTree(VALID);
    }

    ObjectNode secondEvent(ObjectNode doc) {
        return (ObjectNode) doc.path("epcisBody").path("eventList").get(1);
    }

    @TestFactory
    Stream<DynamicTest> invalidDocumentsAreRefusedWholeAndNothingIsStored() {
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] {"missing action", (Consumer<ObjectNode>) d -> secondEvent(d).remove("action")});
        cases.add(new Object[] {"missing eventTime", (Consumer<ObjectNode>) d -> secondEvent(d).remove("eventTime")});
        cases.add(new Object[] {"bad eventTime", (Consumer<ObjectNode>) d -> secondEvent(d).put("eventTime", "yesterday")});
        cases.add(new Object[] {"missing eventTimeZoneOffset", (Consumer<ObjectNode>) d -> secondEvent(d).remove("eventTimeZoneOffset")});
        cases.add(new Object[] {"quantity as text", (Consumer<ObjectNode>) d ->
                ((ObjectNode) secondEvent(d).path("quantityList").get(0)).put("quantity", "two hundred")});
        cases.add(new Object[] {"non-standard bizStep", (Consumer<ObjectNode>) d -> secondEvent(d).put("bizStep", "flying")});
        cases.add(new Object[] {"non-standard action", (Consumer<ObjectNode>) d -> secondEvent(d).put("action", "LOOK")});
        cases.add(new Object[] {"no @context", (Consumer<ObjectNode>) d -> d.remove("@context")});
        cases.add(new Object[] {"no schemaVersion", (Consumer<ObjectNode>) d -> d.remove("schemaVersion")});
        cases.add(new Object[] {"unknown event type", (Consumer<ObjectNode>) d -> secondEvent(d).put("type", "TeleportEvent")});
        cases.add(new Object[] {"epcList not a list", (Consumer<ObjectNode>) d ->
                ((ObjectNode) d.path("epcisBody").path("eventList").get(0)).put("epcList", "urn:epc:id:sgtin:0614141.107346.2017")});
        cases.add(new Object[] {"readPoint without id", (Consumer<ObjectNode>) d ->
                ((ObjectNode) d.path("epcisBody").path("eventList").get(0)).putObject("readPoint")});
        return cases.stream().map(c -> DynamicTest.dynamicTest((String) c[0], () -> {
            ObjectNode doc = valid();
            @SuppressWarnings("unchecked")
            Consumer<ObjectNode> breakIt = (Consumer<ObjectNode>) c[1];
            breakIt.accept(doc);
            int before = storedEvents();
            MvcResult result = capture(doc.toString());
            assertThat(result.getResponse().getStatus()).as(c[0] + ": " + result.getResponse().getContentAsString()).isEqualTo(400);
            assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
            JsonNode problem = json.readTree(result.getResponse().getContentAsString());
            assertThat(problem.path("errors").size()).as(problem.toString()).isPositive();
            assertThat(storedEvents()).isEqualTo(before);
        }));
    }

    @Test
    void notJsonIsAProblemToo() throws Exception {
        mvc.perform(post("/epcis/capture").contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors").isArray());
        assertThat(storedEvents()).isZero();
    }

    @Test
    void capturedEventsAreQueriedAsASchemaValidQueryDocument() throws Exception {
        MvcResult captured = capture(VALID);
        assertThat(captured.getResponse().getStatus()).isEqualTo(202);
        assertThat(captured.getResponse().getHeader("GS1-EPCIS-Version")).isEqualTo("2.0.0");
        assertThat(storedEvents()).isEqualTo(2);

        MvcResult all = mvc.perform(get("/epcis/events")).andExpect(status().isOk()).andReturn();
        JsonNode doc = json.readTree(all.getResponse().getContentAsString());
        assertThat(schema.validate(doc)).isEmpty();
        assertThat(doc.path("type").asText()).isEqualTo("EPCISQueryDocument");
        ArrayNode events = (ArrayNode) doc.path("epcisBody").path("queryResults").path("resultsBody").path("eventList");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).path("eventID").asText()).isEqualTo(EventHash.hashes(json.readTree(VALID)).get(0));
        assertThat(events.get(0).path("recordTime").asText()).isEqualTo(NOW.toString());

        mvc.perform(get("/epcis/events").param("MATCH_epc", "https://id.gs1.org/01/10614141073464/21/2017"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.epcisBody.queryResults.resultsBody.eventList.length()").value(1));
        mvc.perform(get("/epcis/events").param("EQ_bizStep", "urn:epcglobal:cbv:bizstep:receiving"))
                .andExpect(jsonPath("$.epcisBody.queryResults.resultsBody.eventList[0].bizStep").value("receiving"));
        mvc.perform(get("/epcis/events").param("EQ_readPoint", "urn:epc:id:sgln:0614141.00777.0").param("eventType", "ObjectEvent"))
                .andExpect(jsonPath("$.epcisBody.queryResults.resultsBody.eventList.length()").value(1));
        mvc.perform(get("/epcis/events").param("GE_eventTime", "2025-06-02T08:01:00Z").param("LT_eventTime", "2025-06-02T09:00:00Z"))
                .andExpect(jsonPath("$.epcisBody.queryResults.resultsBody.eventList.length()").value(1));

        MvcResult first = mvc.perform(get("/epcis/events").param("perPage", "1"))
                .andExpect(header().string("Link", startsWith("<http://localhost/epcis/events?perPage=1&nextPageToken=")))
                .andReturn();
        JsonNode firstDoc = json.readTree(first.getResponse().getContentAsString());
        assertThat(schema.validate(firstDoc)).isEmpty();
        String token = first.getResponse().getHeader("GS1-Next-Page-Token");
        MvcResult second = mvc.perform(get("/epcis/events").param("perPage", "1").param("nextPageToken", token))
                .andExpect(status().isOk()).andReturn();
        assertThat(second.getResponse().getHeader("Link")).isNull();
        assertThat(json.readTree(second.getResponse().getContentAsString()).path("epcisBody").path("queryResults")
                .path("resultsBody").path("eventList").get(0).path("eventID").asText()).isEqualTo(events.get(1).path("eventID").asText());
    }

    @Test
    void capturedEventsWithoutEventIdGetTheirCbv20Hash() throws Exception {
        Path dir = SharedData.dir("data/epcis/event-hash-generator-tests");
        assertThat(capture(Files.readString(dir.resolve("epcisDocWithSingleEvent.jsonld"))).getResponse().getStatus()).isEqualTo(202);
        String expected = Files.readString(dir.resolve("epcisDocWithSingleEvent.hashes")).strip();
        mvc.perform(get("/epcis/events").param("MATCH_epc", "urn:epc:id:sgtin:0614141.107346.2018"))
                .andExpect(jsonPath("$.epcisBody.queryResults.resultsBody.eventList[0].eventID").value(expected));
    }

    @Test
    void badQueryParametersAreProblems() throws Exception {
        mvc.perform(get("/epcis/events").param("GE_eventTime", "yesterday")).andExpect(status().isBadRequest());
        mvc.perform(get("/epcis/events").param("eventType", "TeleportEvent")).andExpect(status().isBadRequest());
        mvc.perform(get("/epcis/events").param("perPage", "0")).andExpect(status().isBadRequest());
        mvc.perform(get("/epcis/events").param("nextPageToken", "garbage!")).andExpect(status().isBadRequest());
        mvc.perform(get("/epcis/capture/" + UUID.randomUUID())).andExpect(status().isNotFound());
    }
}
