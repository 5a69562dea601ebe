package org.openrfid.trace.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.location.Location;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageId;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.store.TestStores;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The EPCIS event query on any store: captured events and passages of GS1-identified tags merged in one
 * order, with the standard filters and cursor paging. Subclasses supply a fresh H2GIS or PostGIS database.
 */
abstract class EpcisQueryContractTests {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant T0 = Instant.parse("2025-06-02T08:00:00Z");
    static final String SGLN_LOCATION = "urn:epc:id:sgln:0614141.00777.0";
    /** SGTIN-96 urn:epc:tag:sgtin-96:3.0614141.812345.6789 (TDS 1.13 E.3). */
    static final String SGTIN_HEX = "3074257BF7194E4000001A85";
    static final String SGTIN_PURE = "urn:epc:id:sgtin:0614141.812345.6789";

    static final String DOCUMENT = """
            {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", {"example": "https://ns.example.com/epcis/"}],
             "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2025-06-02T10:00:00Z",
             "epcisBody": {"eventList": [
               {"type": "ObjectEvent", "eventTime": "2025-06-02T10:00:30.000+02:00", "eventTimeZoneOffset": "+02:00",
                "epcList": ["urn:epc:id:sgtin:0614141.107346.2017", "urn:epc:id:sgtin:0614141.107346.2018"],
                "action": "OBSERVE", "bizStep": "shipping", "disposition": "in_transit",
                "readPoint": {"id": "urn:epc:id:sgln:0614141.00777.0"}, "example:note": "first"},
               {"type": "AggregationEvent", "eventTime": "2025-06-02T08:05:00Z", "eventTimeZoneOffset": "+00:00",
                "parentID": "urn:epc:id:sscc:0614141.1234567890", "childEPCs": ["urn:epc:id:sgtin:0614141.107346.2017"],
                "action": "ADD", "bizStep": "packing", "bizLocation": {"id": "urn:epc:id:sgln:0614141.00888.0"}}
             ]}}""";

    protected EpcisEventStore store;
    protected EpcisEvents events;
    protected TestStores stores;
    protected DataSource dataSource;

    protected abstract DataSource freshDatabase();

    protected abstract Flyway flyway(DataSource dataSource);

    @BeforeEach
    void setUp() throws Exception {
        DataSource ds = freshDatabase();
        dataSource = ds;
        flyway(ds).migrate();
        DataSourceTransactionManager tx = new DataSourceTransactionManager(ds);
        stores = new TestStores(ds, new TransactionTemplate(tx), Clock.systemUTC());
        store = new EpcisEventStore(ds, tx);
        events = new EpcisEvents(store, new PassageEvents(ds));
        stores.locations.save(List.of(new Location(SGLN_LOCATION, "Dock 7", "dock_door", 29.5, 106.5, null),
                new Location("CP-1", "Gate 1", "gate", 29.6, 106.6, null)));
        stores.passages.saveAll(List.of(
                passage(SGTIN_HEX, "urn:epc:tag:sgtin-96:3.0614141.812345.6789", SGLN_LOCATION, T0.plusSeconds(10), Direction.IN),
                passage(SGTIN_HEX, "urn:epc:tag:sgtin-96:3.0614141.812345.6789", "CP-1", T0.plusSeconds(600), Direction.OUT),
                // a GID-96 tag: not a GS1 key, so no EPCIS event
                passage("350000000000000000000001", "urn:epc:tag:gid-96:0.0.1", "CP-1", T0.plusSeconds(20), Direction.IN)));
        store.capture(JSON.readTree(DOCUMENT), T0.plusSeconds(3600));
    }

    static Passage passage(String hex, String tagUri, String location, Instant lastSeen, Direction direction) {
        RawEpc epc = RawEpc.ofHex(hex);
        Instant first = lastSeen.minusSeconds(2);
        return new Passage(PassageId.of(epc, location, Instants.toMicros(first)), epc, tagUri, location, "rdr", 1,
                first, lastSeen, 3, -55, direction);
    }

    List<JsonNode> all(EpcisQuery q) {
        return events.query(q, null, 1000).events();
    }

    static EpcisQuery query(Set<String> types, List<String> epc, List<String> anyEpc, List<String> bizSteps,
            List<String> readPoints, List<String> bizLocations) {
        return new EpcisQuery(types, null, null, epc, anyEpc, bizSteps, readPoints, bizLocations);
    }

    static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.path("type").asText() + "@" + e.path("eventTime").asText()).toList();
    }

    @Test
    void mergesCapturedEventsAndGs1PassagesInTimeOrder() {
        List<JsonNode> out = all(EpcisQuery.all());
        assertThat(types(out)).containsExactly("ObjectEvent@2025-06-02T08:00:10.000Z", "ObjectEvent@2025-06-02T10:00:30.000+02:00",
                "AggregationEvent@2025-06-02T08:05:00Z", "ObjectEvent@2025-06-02T08:10:00.000Z");
        JsonNode passageEvent = out.get(0);
        assertThat(passageEvent.path("epcList").get(0).asText()).isEqualTo(SGTIN_PURE);
        assertThat(passageEvent.path("action").asText()).isEqualTo("OBSERVE");
        assertThat(passageEvent.path("bizStep").asText()).isEqualTo("arriving");
        assertThat(passageEvent.path("readPoint").path("id").asText()).isEqualTo(SGLN_LOCATION);
        assertThat(out.get(3).path("bizStep").asText()).isEqualTo("departing");
        assertThat(out.get(3).path("readPoint").path("id").asText()).isEqualTo("urn:openrfid:location:CP-1");
        for (JsonNode e : out) {
            assertThat(e.path("eventID").asText()).matches("ni:///sha-256;[0-9a-f]{64}\\?ver=CBV2\\.0");
        }
        // the passage event id is the CBV 2.0 hash of the event itself
        JsonNode copy = passageEvent.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove("eventID");
        assertThat(EventHash.hash(copy, EventHash.namespaces(null))).isEqualTo(passageEvent.path("eventID").asText());
        // captured without an eventID: the hash is the id
        assertThat(out.get(1).path("eventID").asText()).isEqualTo(EventHash.hashes(readTree(DOCUMENT)).get(0));
    }

    @Test
    void filtersByEventTypeAndTime() {
        assertThat(types(all(query(Set.of("AggregationEvent"), List.of(), List.of(), List.of(), List.of(), List.of()))))
                .containsExactly("AggregationEvent@2025-06-02T08:05:00Z");
        EpcisQuery window = new EpcisQuery(Set.of(), T0.plusSeconds(10), T0.plusSeconds(300), List.of(), List.of(), List.of(),
                List.of(), List.of());
        assertThat(types(all(window))).containsExactly("ObjectEvent@2025-06-02T08:00:10.000Z",
                "ObjectEvent@2025-06-02T10:00:30.000+02:00");
    }

    @Test
    void matchesEpcsInAnyForm() {
        String passageDl = "https://id.gs1.org/01/80614141123458/21/6789";
        assertThat(types(all(query(Set.of(), List.of(Vocabulary.epc(passageDl)), List.of(), List.of(), List.of(), List.of()))))
                .containsExactly("ObjectEvent@2025-06-02T08:00:10.000Z", "ObjectEvent@2025-06-02T08:10:00.000Z");
        String captured = Vocabulary.epc("urn:epc:id:sgtin:0614141.107346.2017");
        assertThat(types(all(query(Set.of(), List.of(captured), List.of(), List.of(), List.of(), List.of()))))
                .containsExactly("ObjectEvent@2025-06-02T10:00:30.000+02:00", "AggregationEvent@2025-06-02T08:05:00Z");
        String parent = Vocabulary.epc("urn:epc:id:sscc:0614141.1234567890");
        assertThat(all(query(Set.of(), List.of(parent), List.of(), List.of(), List.of(), List.of()))).isEmpty();
        assertThat(types(all(query(Set.of(), List.of(), List.of(parent), List.of(), List.of(), List.of()))))
                .containsExactly("AggregationEvent@2025-06-02T08:05:00Z");
    }

    @Test
    void filtersByBizStepAndLocations() {
        assertThat(types(all(query(Set.of(), List.of(), List.of(), List.of(Vocabulary.bizStep("arriving")), List.of(), List.of()))))
                .containsExactly("ObjectEvent@2025-06-02T08:00:10.000Z");
        assertThat(types(all(query(Set.of(), List.of(), List.of(), List.of(Vocabulary.bizStep("urn:epcglobal:cbv:bizstep:shipping")),
                List.of(), List.of())))).containsExactly("ObjectEvent@2025-06-02T10:00:30.000+02:00");
        String dock = Vocabulary.location("https://id.gs1.org/414/0614141007776");
        assertThat(types(all(query(Set.of(), List.of(), List.of(), List.of(), List.of(dock), List.of()))))
                .containsExactly("ObjectEvent@2025-06-02T08:00:10.000Z", "ObjectEvent@2025-06-02T10:00:30.000+02:00");
        assertThat(types(all(query(Set.of(), List.of(), List.of(), List.of(), List.of(), List.of(Vocabulary.location("urn:openrfid:location:CP-1"))))))
                .containsExactly("ObjectEvent@2025-06-02T08:10:00.000Z");
        assertThat(types(all(query(Set.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(Vocabulary.location("urn:epc:id:sgln:0614141.00888.0")))))).containsExactly("AggregationEvent@2025-06-02T08:05:00Z");
    }

    @Test
    void pagesThroughEverythingWithoutGapsOrRepeats() {
        List<String> paged = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            EpcisEvents.Page page = events.query(EpcisQuery.all(), token, 1);
            page.events().forEach(e -> paged.add(e.path("eventID").asText()));
            token = page.nextPageToken();
            pages++;
        } while (token != null && pages < 10);
        assertThat(paged).containsExactlyElementsOf(all(EpcisQuery.all()).stream().map(e -> e.path("eventID").asText()).toList());
        assertThat(pages).isEqualTo(4);
    }

    @Test
    void locationConfigurationSetsBizStepAndDisposition() {
        new org.springframework.jdbc.core.JdbcTemplate(dataSource).update(
                "INSERT INTO epcis_location_config (location_id, biz_step, disposition) VALUES (?, ?, ?)",
                SGLN_LOCATION, "receiving", "in_progress");
        JsonNode event = all(query(Set.of(), List.of(), List.of(), List.of(Vocabulary.bizStep("receiving")), List.of(), List.of())).get(0);
        assertThat(event.path("readPoint").path("id").asText()).isEqualTo(SGLN_LOCATION);
        assertThat(event.path("disposition").asText()).isEqualTo("in_progress");
    }

    @Test
    void capturingTheSameEventTwiceStoresItOnce() throws Exception {
        assertThat(store.capture(JSON.readTree(DOCUMENT), T0.plusSeconds(7200)).eventCount()).isZero();
        assertThat(all(EpcisQuery.all())).hasSize(4);
    }

    static JsonNode readTree(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
