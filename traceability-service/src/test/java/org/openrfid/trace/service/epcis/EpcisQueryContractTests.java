package org.openrfid.trace.service.epcis;

import org.openrfid.trace.service.epcis.jdbc.EpcisStoreConfiguration;
import org.openrfid.trace.service.registry.goods.jdbc.GoodsStoreConfiguration;
import org.openrfid.trace.service.testsupport.RegistryStores;
import org.openrfid.trace.service.testsupport.ObjectRegistryStores;
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
import org.openrfid.trace.identity.EpcEncoder;
import org.openrfid.trace.identity.EpcInput;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageId;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.registry.binding.NewBinding;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.Tag;
import org.openrfid.trace.service.registry.goods.GoodsItem;
import org.openrfid.trace.service.registry.goods.NewAggregation;
import org.openrfid.trace.service.registry.goods.Pallet;
import org.openrfid.trace.service.registry.goods.UnitKind;
import org.openrfid.trace.service.testsupport.TestStores;
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
    protected ObjectRegistryStores objects;
    protected RegistryStores registry;

    protected abstract DataSource freshDatabase();

    protected abstract Flyway flyway(DataSource dataSource);

    @BeforeEach
    void setUp() throws Exception {
        DataSource ds = freshDatabase();
        dataSource = ds;
        flyway(ds).migrate();
        DataSourceTransactionManager tx = new DataSourceTransactionManager(ds);
        stores = new TestStores(ds, new TransactionTemplate(tx), Clock.systemUTC());
        store = EpcisStoreConfiguration.createEventStore(ds, tx);
        objects = ObjectRegistryStores.create(ds, new TransactionTemplate(tx));
        registry = RegistryStores.create(ds, new TransactionTemplate(tx));
        events = new EpcisEvents(store, new PassageEvents(EpcisStoreConfiguration.createPassages(ds),
                EpcisStoreConfiguration.createLocationConfigs(ds, tx)),
                new AggregationEvents(GoodsStoreConfiguration.createAggregationChanges(ds), objects.goods(), registry.bindings()));
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

    // --- registry aggregations as AggregationEvents ---

    static final String PALLET_EPC = "31D4257BF405F5E101000000";
    static final String PALLET_SSCC = "006141411000000019";
    static final String CONTAINER = "CSQU3054383";
    static final GoodsItem TAGGED_CASE = GoodsItem.of("80614141123458", "6789", null, null, null, null);
    static final GoodsItem UNTAGGED_CASE = GoodsItem.of("80614141123458", "6790", null, null, null, null);
    static final String UNTAGGED_DL = "https://id.gs1.org/01/80614141123458/21/6790";

    /**
     * Both cases go onto the pallet at +100 s, the untagged one comes off at +200 s, the pallet goes into
     * a container at +300 s (08:05:00, the instant of the captured AggregationEvent and of a passage).
     */
    void palletStory() {
        objects.goods().save(List.of(TAGGED_CASE, UNTAGGED_CASE));
        objects.pallets().save(List.of(new Pallet(PALLET_SSCC, null)));
        registry.tags().save(List.of(new Tag(RawEpc.ofHex(SGTIN_HEX), null), new Tag(RawEpc.ofHex(PALLET_EPC), null)));
        registry.bindings().bind(List.of(new NewBinding(SGTIN_HEX, ObjectKind.GOODS, TAGGED_CASE.id().toString(), T0.minusSeconds(3600)),
                new NewBinding(PALLET_EPC, ObjectKind.PALLET, PALLET_SSCC, T0.minusSeconds(3600))));
        objects.aggregations().aggregate(List.of(
                new NewAggregation(UnitKind.PALLET, PALLET_SSCC, UnitKind.GOODS, TAGGED_CASE.id().toString(), T0.plusSeconds(100)),
                new NewAggregation(UnitKind.PALLET, PALLET_SSCC, UnitKind.GOODS, UNTAGGED_CASE.id().toString(), T0.plusSeconds(100))));
        objects.aggregations().disaggregate(UnitKind.GOODS, UNTAGGED_CASE.id().toString(), T0.plusSeconds(200));
        objects.aggregations().aggregate(List.of(
                new NewAggregation(UnitKind.CONTAINER, CONTAINER, UnitKind.PALLET, PALLET_SSCC, T0.plusSeconds(300))));
        stores.passages.saveAll(List.of(passage(SGTIN_HEX, "urn:epc:tag:sgtin-96:3.0614141.812345.6789", "CP-1", T0.plusSeconds(300),
                Direction.IN)));
    }

    static EpcisQuery aggregationQuery(List<String> epc, List<String> parent, List<String> any) {
        return new EpcisQuery(Set.of("AggregationEvent"), null, null, epc, parent, any, List.of(), List.of(), List.of());
    }

    static List<String> describe(List<JsonNode> events) {
        return events.stream().map(e -> e.path("action").asText() + "@" + e.path("eventTime").asText() + " "
                + e.path("parentID").asText()).toList();
    }

    @Test
    void registryAggregationsAreSchemaValidAggregationEventsWithHashIds() {
        palletStory();
        String palletPure = EpcInput.pureIdentity(PALLET_EPC);
        String bic = "urn:epc:id:bic:" + CONTAINER;
        List<JsonNode> out = all(aggregationQuery(List.of(), List.of(), List.of()));
        assertThat(describe(out)).containsExactly("ADD@2025-06-02T08:01:40.000Z " + palletPure,
                "DELETE@2025-06-02T08:03:20.000Z " + palletPure, "ADD@2025-06-02T08:05:00Z urn:epc:id:sscc:0614141.1234567890",
                "ADD@2025-06-02T08:05:00.000Z " + bic);
        JsonNode packing = out.get(0);
        assertThat(packing.path("bizStep").asText()).isEqualTo("packing");
        // the tagged case is written as its tag says (pure identity), the untagged one as its Digital Link
        assertThat(texts(packing.path("childEPCs"))).containsExactlyInAnyOrder(SGTIN_PURE, UNTAGGED_DL);
        assertThat(texts(out.get(1).path("childEPCs"))).containsExactly(UNTAGGED_DL);
        assertThat(out.get(1).path("bizStep").asText()).isEqualTo("unpacking");
        assertThat(texts(out.get(3).path("childEPCs"))).containsExactly(palletPure);
        assertThat(palletPure).startsWith("urn:epc:id:sscc:");
        EpcisSchema schema = new EpcisSchema();
        for (JsonNode e : List.of(out.get(0), out.get(1), out.get(3))) {
            assertThat(e.has("readPoint")).isFalse();
            com.fasterxml.jackson.databind.node.ObjectNode copy = e.deepCopy();
            copy.remove("eventID");
            assertThat(e.path("eventID").asText()).isEqualTo(EventHash.hash(copy, EventHash.namespaces(null)));
            assertThat(schema.validate(queryDocument(e))).as(e.toString()).isEmpty();
        }
    }

    static JsonNode queryDocument(JsonNode event) {
        com.fasterxml.jackson.databind.node.ObjectNode doc = JSON.createObjectNode();
        doc.putArray("@context").add("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld");
        doc.put("type", "EPCISQueryDocument").put("schemaVersion", "2.0").put("creationDate", "2025-06-03T00:00:00Z");
        com.fasterxml.jackson.databind.node.ObjectNode results = doc.putObject("epcisBody").putObject("queryResults");
        results.put("queryName", "SimpleEventQuery");
        results.putObject("resultsBody").putArray("eventList").add(event);
        return doc;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void matchParametersFollowEpcis20Semantics() {
        palletStory();
        String pallet = Vocabulary.epc(EpcInput.pureIdentity(PALLET_EPC));
        assertThat(pallet).isEqualTo("https://id.gs1.org/00/" + PALLET_SSCC);
        String untagged = Vocabulary.epc(UNTAGGED_DL);
        String bic = Vocabulary.epc("urn:epc:id:bic:" + CONTAINER);
        // MATCH_epc: childEPCs (and epcList)
        assertThat(types(all(aggregationQuery(List.of(untagged), List.of(), List.of()))))
                .containsExactly("AggregationEvent@2025-06-02T08:01:40.000Z", "AggregationEvent@2025-06-02T08:03:20.000Z");
        assertThat(types(all(aggregationQuery(List.of(pallet), List.of(), List.of()))))
                .containsExactly("AggregationEvent@2025-06-02T08:05:00.000Z");
        // MATCH_parentID: parentID only
        assertThat(types(all(aggregationQuery(List.of(), List.of(pallet), List.of()))))
                .containsExactly("AggregationEvent@2025-06-02T08:01:40.000Z", "AggregationEvent@2025-06-02T08:03:20.000Z");
        assertThat(types(all(aggregationQuery(List.of(), List.of(bic), List.of()))))
                .containsExactly("AggregationEvent@2025-06-02T08:05:00.000Z");
        assertThat(types(all(aggregationQuery(List.of(), List.of(Vocabulary.epc("urn:epc:id:sscc:0614141.1234567890")), List.of()))))
                .containsExactly("AggregationEvent@2025-06-02T08:05:00Z");
        // MATCH_anyEPC: parent or children, of any event type
        assertThat(types(all(aggregationQuery(List.of(), List.of(), List.of(pallet)))))
                .containsExactly("AggregationEvent@2025-06-02T08:01:40.000Z", "AggregationEvent@2025-06-02T08:03:20.000Z",
                        "AggregationEvent@2025-06-02T08:05:00.000Z");
        String tagged = Vocabulary.epc(SGTIN_PURE);
        assertThat(types(all(new EpcisQuery(Set.of(), null, null, List.of(), List.of(), List.of(tagged), List.of(), List.of(), List.of()))))
                .containsExactly("ObjectEvent@2025-06-02T08:00:10.000Z", "AggregationEvent@2025-06-02T08:01:40.000Z",
                        "ObjectEvent@2025-06-02T08:05:00.000Z", "ObjectEvent@2025-06-02T08:10:00.000Z");
        // passages have no parent
        assertThat(all(new EpcisQuery(Set.of("ObjectEvent"), null, null, List.of(), List.of(pallet), List.of(), List.of(), List.of(),
                List.of()))).isEmpty();
        assertThat(all(aggregationQuery(List.of("https://id.gs1.org/01/80614141123458/21/9999"), List.of(), List.of()))).isEmpty();
    }

    @Test
    void aggregationEventsFilterByBizStepTimeAndLocation() {
        palletStory();
        assertThat(types(all(new EpcisQuery(Set.of(), null, null, List.of(), List.of(), List.of(), List.of(Vocabulary.bizStep("unpacking")),
                List.of(), List.of())))).containsExactly("AggregationEvent@2025-06-02T08:03:20.000Z");
        assertThat(types(all(new EpcisQuery(Set.of("AggregationEvent"), T0.plusSeconds(150), T0.plusSeconds(300), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of())))).containsExactly("AggregationEvent@2025-06-02T08:03:20.000Z");
        // the registry knows no place: a location filter leaves only the captured event
        assertThat(types(all(new EpcisQuery(Set.of("AggregationEvent"), null, null, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(Vocabulary.location("urn:epc:id:sgln:0614141.00888.0")))))).containsExactly("AggregationEvent@2025-06-02T08:05:00Z");
    }

    @Test
    void pagesOverThreeSourcesAtOneInstantWithoutGapsOrRepeats() {
        palletStory();
        List<String> expected = all(EpcisQuery.all()).stream().map(e -> e.path("eventID").asText()).toList();
        assertThat(expected).hasSize(8).doesNotHaveDuplicates();
        for (int perPage = 1; perPage <= 3; perPage++) {
            List<String> paged = new ArrayList<>();
            String token = null;
            int pages = 0;
            do {
                EpcisEvents.Page page = events.query(EpcisQuery.all(), token, perPage);
                page.events().forEach(e -> paged.add(e.path("eventID").asText()));
                token = page.nextPageToken();
                pages++;
            } while (token != null && pages < 20);
            assertThat(paged).as("perPage " + perPage).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aggregationEventIdsDoNotChangeWithHowTheirEpcsAreWritten() {
        palletStory();
        List<JsonNode> before = all(aggregationQuery(List.of(), List.of(), List.of()));
        // tagging the untagged case lets its SGTIN be written as a pure identity from now on
        String hex = EpcEncoder.encode("urn:epc:tag:sgtin-96:3.0614141.812345.6790").toHex();
        registry.tags().save(List.of(new Tag(RawEpc.ofHex(hex), null)));
        registry.bindings().bind(List.of(new NewBinding(hex, ObjectKind.GOODS, UNTAGGED_CASE.id().toString(), T0.plusSeconds(5000))));
        List<JsonNode> after = all(aggregationQuery(List.of(), List.of(), List.of()));
        assertThat(texts(after.get(1).path("childEPCs"))).containsExactly("urn:epc:id:sgtin:0614141.812345.6790");
        assertThat(after.stream().map(e -> e.path("eventID").asText()).toList())
                .containsExactlyElementsOf(before.stream().map(e -> e.path("eventID").asText()).toList());
    }

    // --- per-location configuration ---

    @Test
    void locationConfigurationsAreStoredReplacedPagedAndDeleted() {
        LocationConfigs configs = EpcisStoreConfiguration.createLocationConfigs(dataSource, new DataSourceTransactionManager(dataSource));
        stores.locations.save(List.of(new Location("CP-10", "Gate 10", "gate", 29.6, 106.6, null),
                new Location("CP-2", "Gate 2", "gate", 29.6, 106.6, null)));
        assertThat(configs.put(new LocationConfig("CP-2", "receiving", null, null, null, null))).isTrue();
        assertThat(configs.put(new LocationConfig("CP-10", "shipping", "in_transit", "urn:epc:id:sgln:0614141.00888.0",
                "urn:epc:id:sgln:0614141.00888.1", null))).isTrue();
        assertThat(configs.put(new LocationConfig("CP-1", null, null, null, null, null))).isTrue();
        assertThat(configs.put(new LocationConfig("CP-2", "storing", "active", null, null, "https://example.com/loc/2"))).isFalse();
        assertThat(configs.find("CP-2")).contains(new LocationConfig("CP-2", "storing", "active", null, null, "https://example.com/loc/2"));
        // code point order: "CP-1" < "CP-10" < "CP-2"
        assertThat(configs.page(null, 2)).extracting(LocationConfig::locationId).containsExactly("CP-1", "CP-10");
        assertThat(configs.page("CP-10", 2)).extracting(LocationConfig::locationId).containsExactly("CP-2");
        assertThat(configs.delete("CP-1")).isTrue();
        assertThat(configs.delete("CP-1")).isFalse();
        assertThat(configs.find("CP-1")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> configs.put(new LocationConfig("nowhere", "storing", null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("locationId");
    }

    @Test
    void configuredSglnReadPointAndBizLocationAreWhatPassageEventsSayAndMatch() {
        LocationConfigs configs = EpcisStoreConfiguration.createLocationConfigs(dataSource, new DataSourceTransactionManager(dataSource));
        configs.put(new LocationConfig("CP-1", "shipping", "in_transit", "urn:epc:id:sgln:0614141.00999.0", null,
                "urn:epc:id:sgln:0614141.00999.7"));
        JsonNode event = all(query(Set.of(), List.of(), List.of(), List.of(), List.of(Vocabulary.location("urn:epc:id:sgln:0614141.00999.0")),
                List.of())).get(0);
        assertThat(event.path("eventTime").asText()).isEqualTo("2025-06-02T08:10:00.000Z");
        assertThat(event.path("readPoint").path("id").asText()).isEqualTo("urn:epc:id:sgln:0614141.00999.0");
        assertThat(event.path("bizLocation").path("id").asText()).isEqualTo("urn:epc:id:sgln:0614141.00999.7");
        assertThat(event.path("bizStep").asText()).isEqualTo("shipping");
        assertThat(types(all(query(Set.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(Vocabulary.location("https://id.gs1.org/414/0614141009992/254/7"))))))
                .containsExactly("ObjectEvent@2025-06-02T08:10:00.000Z");
        // the location URI no longer names that read point
        assertThat(all(query(Set.of(), List.of(), List.of(), List.of(), List.of(Vocabulary.location("urn:openrfid:location:CP-1")), List.of())))
                .isEmpty();
        assertThat(new EpcisSchema().validate(queryDocument(event))).isEmpty();
    }

    static JsonNode readTree(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
