package org.openrfid.trace.trade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageId;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.epcis.EpcisSchema;
import org.openrfid.trace.service.gate.GateTransactions;
import org.openrfid.trace.service.location.LocationInfo;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.service.passage.PassageStore;
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.goods.GoodsItem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The customs and logistics REST APIs over real HTTP against the assembled application (issue 14):
 * declarations (JSON and CSV), hold and release, history, port gate transactions with their lists and
 * declaration, the same transactions in {@code GET /epcis/events} (schema-valid), shipments and
 * receipts, 400 problems for bad input and 403 for the wrong role. Gate transactions are recorded
 * through the application's {@link GateTransactions} from passages, as its passage feed does.
 * Subclasses choose the store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TradeApiContractTests {

    static final String ADMIN_PASSWORD = "trade-api-admin-password";
    static final String USER_PASSWORD = "a-long-enough-user-password";
    static final Instant T0 = Instant.parse("2025-06-02T08:00:00Z");
    static final String TRUCK_EPC = "3416451DA400000005F5E112";
    static final String P1_EPC = "31D4257BF405F5E101000000";
    static final String P1 = "006141411000000019";
    static final String P2_EPC = "31D4257BF405F5E102000000";
    static final String P2 = "006141411000000026";
    static final String P3 = "006141411000000033";
    static final String C1_EPC = "3054024220AC67C0000F4241";
    static final LocationInfo PORT = new LocationInfo("TA-PORT-1", "Port gate", "port_gate", 29.64, 106.70);
    static final LocationInfo DOOR = new LocationInfo("TA-HUB-D1", "Dock door 1", "dock_door", 29.61, 106.38);

    @LocalServerPort
    int port;
    @Autowired
    GateTransactions gates;
    @Autowired
    PassageStore passageStore;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final ObjectMapper json = new ObjectMapper();
    final EpcisSchema schema = new EpcisSchema();
    String truckId;

    @BeforeAll
    void registryAndDesks() throws Exception {
        expect(201, post("admin", ADMIN_PASSWORD, "/api/v1/locations", "application/json",
                "{\"id\":\"TA-PORT-1\",\"name\":\"Port gate\",\"kind\":\"port_gate\",\"lat\":29.64,\"lon\":106.70}"));
        expect(201, post("admin", ADMIN_PASSWORD, "/api/v1/locations", "application/json",
                "{\"id\":\"TA-HUB-D1\",\"name\":\"Dock door 1\",\"kind\":\"dock_door\",\"lat\":29.61,\"lon\":106.38}"));
        expect(200, post("admin", ADMIN_PASSWORD, "/api/v1/vehicles/import", "text/csv",
                "plate,plate_type,plate_colour,vehicle_type,vin,status,epc,tid\n"
                        + "渝B18704,01,yellow,H11,LGARTLY78HE317229,active," + TRUCK_EPC + ",\n"));
        expect(200, post("admin", ADMIN_PASSWORD, "/api/v1/goods/import", "text/csv", "epc,uri,gtin,serial,product,consignment\n"
                + C1_EPC + ",,10037000765438,1000001,Diapers,CN-1\n"));
        expect(200, post("admin", ADMIN_PASSWORD, "/api/v1/pallets/import", "text/csv", "epc,uri,sscc,consignment\n"
                + P1_EPC + ",," + P1 + ",CN-1\n" + P2_EPC + ",," + P2 + ",CN-1\n"));
        truckId = json.readTree(expect(200, get("admin", ADMIN_PASSWORD, "/api/v1/vehicles?plate=" + enc("渝B18704") + "&purpose=setup")))
                .path("items").get(0).path("id").asText();
        createUser("ta-customs", "CUSTOMS");
        createUser("ta-logistics", "LOGISTICS");
        createUser("ta-traffic", "TRAFFIC");
    }

    @Test
    void aDeclarationIsCreatedReadChangedListedAndRefusedWithProblemDetails() throws Exception {
        String body = declaration("TA-D1", "CLEARED", P1, P2);
        JsonNode created = json.readTree(expect(201, post("ta-customs", USER_PASSWORD, "/api/v1/customs/declarations", "application/json", body)));
        assertThat(created.path("truckPlate").asText()).isNotBlank();
        assertThat(created.path("ssccs")).hasSize(2);
        expect(409, post("ta-customs", USER_PASSWORD, "/api/v1/customs/declarations", "application/json", body));
        JsonNode changed = json.readTree(expect(200, put("ta-customs", USER_PASSWORD, "/api/v1/customs/declarations/TA-D1",
                declaration("TA-D1", "CLEARED", P1))));
        assertThat(changed.path("ssccs")).hasSize(1);
        assertThat(json.readTree(expect(200, get("ta-customs", USER_PASSWORD, "/api/v1/customs/declarations/TA-D1"))).path("status").asText())
                .isEqualTo("CLEARED");
        assertThat(json.readTree(expect(200, get("admin", ADMIN_PASSWORD, "/api/v1/customs/declarations?status=CLEARED"))).path("items")
                .toString()).contains("TA-D1");
        expect(404, get("ta-customs", USER_PASSWORD, "/api/v1/customs/declarations/NOPE"));

        HttpResponse<String> bad = post("ta-customs", USER_PASSWORD, "/api/v1/customs/declarations", "application/json",
                "{\"number\":\"TA-BAD\",\"container\":\"XYZ\",\"ssccs\":[\"" + P1 + "\"]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).path("detail").asText()).startsWith("container:");
        HttpResponse<String> held = post("ta-customs", USER_PASSWORD, "/api/v1/customs/declarations", "application/json",
                declaration("TA-BAD2", "HELD", P1));
        assertThat(held.statusCode()).isEqualTo(400);
        assertThat(json.readTree(held.body()).path("detail").asText()).contains("/hold");
        expect(403, post("ta-logistics", USER_PASSWORD, "/api/v1/customs/declarations", "application/json", declaration("TA-X", "DECLARED", P1)));
        expect(403, get("ta-traffic", USER_PASSWORD, "/api/v1/customs/declarations/TA-D1"));
    }

    @Test
    void holdAndReleaseNeedAReasonAndTheCustomsRoleAndShowInTheHistory() throws Exception {
        expect(201, post("ta-customs", USER_PASSWORD, "/api/v1/customs/declarations", "application/json", declaration("TA-H1", "DECLARED", P2)));
        HttpResponse<String> noReason = post("ta-customs", USER_PASSWORD, "/api/v1/customs/declarations/TA-H1/hold", "application/json", "{}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noReason.body()).path("detail").asText()).startsWith("reason:");
        expect(403, post("ta-logistics", USER_PASSWORD, "/api/v1/customs/declarations/TA-H1/hold", "application/json", "{\"reason\":\"x\"}"));
        JsonNode held = json.readTree(expect(200, post("ta-customs", USER_PASSWORD, "/api/v1/customs/declarations/TA-H1/hold",
                "application/json", "{\"reason\":\"seal number differs\"}")));
        assertThat(held.path("status").asText()).isEqualTo("HELD");
        expect(409, post("ta-customs", USER_PASSWORD, "/api/v1/customs/declarations/TA-H1/hold", "application/json", "{\"reason\":\"again\"}"));
        JsonNode onList = json.readTree(expect(200, get("admin", ADMIN_PASSWORD, "/api/v1/watchlist?list=customs_hold&limit=100")));
        assertThat(onList.toString()).contains(P2, "customs declaration TA-H1");
        expect(200, post("ta-customs", USER_PASSWORD, "/api/v1/customs/declarations/TA-H1/release", "application/json",
                "{\"reason\":\"resealed and checked\"}"));
        JsonNode history = json.readTree(expect(200, get("ta-customs", USER_PASSWORD, "/api/v1/customs/declarations/TA-H1/history?limit=2")));
        List<String> kinds = new ArrayList<>();
        history.path("items").forEach(e -> kinds.add(e.path("kind").asText()));
        JsonNode next = json.readTree(expect(200, get("ta-customs", USER_PASSWORD, "/api/v1/customs/declarations/TA-H1/history?limit=2&cursor="
                + enc(history.path("nextCursor").asText()))));
        next.path("items").forEach(e -> kinds.add(e.path("kind").asText()));
        assertThat(kinds).containsExactly("DECLARED", "HOLD", "RELEASE");
        assertThat(history.path("items").get(1).path("actor").asText()).isEqualTo("ta-customs");
        assertThat(expect(200, get("admin", ADMIN_PASSWORD, "/api/v1/audit?action=CUSTOMS_HOLD"))).contains("declaration TA-H1");
    }

    @Test
    void declarationFilesImportOrAreRefusedWithLineNumbersAndExport() throws Exception {
        String file = "number,consignment,container,truck_plate,status,epcs,ssccs,gtins\nTA-C1,CN-9,,,DECLARED,,," + "10037000765438:5\n";
        assertThat(expect(200, post("ta-customs", USER_PASSWORD, "/api/v1/customs/declarations/import", "text/csv", file))).contains("\"created\":1");
        HttpResponse<String> refused = post("ta-customs", USER_PASSWORD, "/api/v1/customs/declarations/import", "text/csv",
                "number,consignment,container,truck_plate,status,epcs,ssccs,gtins\nTA-C2,,,,DECLARED,,123,\n");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).path("errors").get(0).path("line").asLong()).isEqualTo(2);
        expect(404, get("ta-customs", USER_PASSWORD, "/api/v1/customs/declarations/TA-C2"));
        assertThat(expect(200, get("ta-customs", USER_PASSWORD, "/api/v1/customs/declarations/export"))).contains("TA-C1,CN-9,,,DECLARED,,,10037000765438:5");
    }

    @Test
    void aPortGateTransactionMissingAPalletIsListedByVerdictShownWithItsDeclarationAndIsInTheEpcisEvents() throws Exception {
        expect(201, post("ta-customs", USER_PASSWORD, "/api/v1/customs/declarations", "application/json", declaration("TA-G1", "CLEARED", P1, P3)));
        Instant at = T0.plusSeconds(3600);
        String id = gates.record(List.of(passage(TRUCK_EPC, PORT, at, new BoundObject(ObjectKind.VEHICLE, truckId)),
                passage(P1_EPC, PORT, at.plusMillis(700), new BoundObject(ObjectKind.PALLET, P1)))).orElseThrow().id();

        JsonNode page = json.readTree(expect(200, get("ta-customs", USER_PASSWORD, "/api/v1/customs/gate-transactions?location=TA-PORT-1&verdict=INSPECT"
                + "&from=" + at.minusSeconds(60) + "&to=" + at.plusSeconds(60))));
        assertThat(page.path("items")).hasSize(1);
        assertThat(page.path("items").get(0).path("id").asText()).isEqualTo(id);
        JsonNode one = json.readTree(expect(200, get("ta-customs", USER_PASSWORD, "/api/v1/customs/gate-transactions/" + id)));
        assertThat(one.path("verdict").asText()).isEqualTo("INSPECT");
        assertThat(one.path("missing").get(0).path("id").asText()).isEqualTo(P3);
        assertThat(one.path("matched").toString()).contains(P1);
        assertThat(one.path("unexpected")).isEmpty();
        assertThat(one.path("expected").path("number").asText()).isEqualTo("TA-G1");
        assertThat(one.path("vehicle").path("epc").asText()).isEqualTo(TRUCK_EPC);
        assertThat(json.readTree(expect(200, get("ta-customs", USER_PASSWORD, "/api/v1/customs/declarations/TA-G1/history"))).path("items")
                .toString()).contains("\"kind\":\"GATE\"", id);
        expect(400, get("ta-customs", USER_PASSWORD, "/api/v1/customs/gate-transactions?verdict=MAYBE"));
        expect(400, get("ta-customs", USER_PASSWORD, "/api/v1/customs/gate-transactions?from=yesterday"));
        expect(404, get("ta-customs", USER_PASSWORD, "/api/v1/customs/gate-transactions/gt-none"));
        expect(403, get("ta-logistics", USER_PASSWORD, "/api/v1/customs/gate-transactions/" + id));

        JsonNode epcis = json.readTree(expect(200, get("ta-customs", USER_PASSWORD, "/epcis/events?perPage=50&EQ_bizStep=inspecting")));
        assertThat(schema.validate(epcis)).as("the query document as GET /epcis/events returns it").isEmpty();
        // The ObjectEvent of the transaction; an AggregationEvent joins it once the registry puts the pallet in a container.
        List<JsonNode> objectEvents = new ArrayList<>();
        epcis.path("epcisBody").path("queryResults").path("resultsBody").path("eventList").forEach(e -> {
            if (e.path("type").asText().equals("ObjectEvent")) {
                objectEvents.add(e);
            }
        });
        assertThat(objectEvents).hasSize(1);
        assertThat(objectEvents.get(0).path("epcList").toString()).contains("urn:epc:id:sscc:0614141.0100000001");
        assertThat(objectEvents.get(0).path("bizTransactionList").toString()).contains("customs_declaration:TA-G1");
    }

    @Test
    void shipmentsAreAnnouncedAndADockDoorReceiptIsReconciledAgainstTheOneExpected() throws Exception {
        Instant at = T0.plusSeconds(7200);
        String shipment = json.writeValueAsString(Map.of("id", "TA-ASN-1", "dockDoor", DOOR.id(), "expectedFrom", at.minusSeconds(600).toString(),
                "expectedTo", at.plusSeconds(600).toString(), "ssccs", List.of(P1, P2)));
        expect(201, post("ta-logistics", USER_PASSWORD, "/api/v1/logistics/shipments", "application/json", shipment));
        expect(409, post("ta-logistics", USER_PASSWORD, "/api/v1/logistics/shipments", "application/json", shipment));
        expect(403, post("ta-customs", USER_PASSWORD, "/api/v1/logistics/shipments", "application/json", shipment));
        HttpResponse<String> bad = post("ta-logistics", USER_PASSWORD, "/api/v1/logistics/shipments", "application/json",
                "{\"id\":\"TA-ASN-2\",\"dockDoor\":\"TA-HUB-D1\",\"expectedFrom\":\"2025-06-02T10:00:00Z\",\"expectedTo\":\"2025-06-02T09:00:00Z\","
                        + "\"ssccs\":[\"" + P1 + "\"]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).path("detail").asText()).startsWith("expected_to:");
        assertThat(expect(200, post("ta-logistics", USER_PASSWORD, "/api/v1/logistics/shipments/import", "text/csv",
                "id,dock_door,expected_from,expected_to,ssccs,sgtins\nTA-ASN-3,TA-HUB-D2,2025-06-02T08:00:00Z,2025-06-02T09:00:00Z,,"
                        + C1_EPC + "\n"))).contains("\"created\":1");
        assertThat(expect(200, get("ta-logistics", USER_PASSWORD, "/api/v1/logistics/shipments/export"))).contains("TA-ASN-1,TA-HUB-D1", "TA-ASN-3");
        assertThat(json.readTree(expect(200, get("ta-logistics", USER_PASSWORD, "/api/v1/logistics/shipments?dockDoor=TA-HUB-D1"))).path("items"))
                .hasSize(1);

        String id = gates.record(List.of(passage(P1_EPC, DOOR, at, new BoundObject(ObjectKind.PALLET, P1)))).orElseThrow().id();
        JsonNode receipts = json.readTree(expect(200, get("ta-logistics", USER_PASSWORD, "/api/v1/logistics/receipts?location=TA-HUB-D1&from="
                + at.minusSeconds(60) + "&to=" + at.plusSeconds(60))));
        assertThat(receipts.path("items")).hasSize(1);
        JsonNode receipt = receipts.path("items").get(0);
        assertThat(receipt.path("id").asText()).isEqualTo(id);
        assertThat(receipt.path("verdict").asText()).isEqualTo("INCOMPLETE");
        assertThat(receipt.path("expectationId").asText()).isEqualTo("TA-ASN-1");
        assertThat(receipt.path("missing").get(0).path("id").asText()).isEqualTo(P2);
        assertThat(json.readTree(expect(200, get("ta-logistics", USER_PASSWORD, "/api/v1/logistics/receipts/" + id))).path("expected")
                .path("id").asText()).isEqualTo("TA-ASN-1");
        expect(403, get("ta-customs", USER_PASSWORD, "/api/v1/logistics/receipts"));
    }

    @Test
    void palletContainerAndLibraryItemHistoriesArePagedAndScopedByRole() throws Exception {
        expect(200, post("admin", ADMIN_PASSWORD, "/api/v1/pallets/aggregation/import", "text/csv",
                "parent,child,level\nDMOU1000014," + P1_EPC + ",container_pallet\n"));
        Instant at = T0.plusSeconds(10_800);
        passageStore.saveEnriched(List.of(passage(P1_EPC, PORT, at, new BoundObject(ObjectKind.PALLET, P1)),
                passage(P1_EPC, DOOR, at.plusSeconds(60), new BoundObject(ObjectKind.PALLET, P1))));
        String range = "from=" + at.minusSeconds(1) + "&to=" + at.plusSeconds(3600);
        JsonNode first = json.readTree(expect(200, get("ta-logistics", USER_PASSWORD, "/api/v1/pallets/" + P1 + "/history?limit=1&" + range)));
        assertThat(first.path("items")).hasSize(1);
        assertThat(first.path("items").get(0).path("locationId").asText()).isEqualTo(PORT.id());
        JsonNode second = json.readTree(expect(200, get("ta-logistics", USER_PASSWORD, "/api/v1/pallets/" + P1 + "/history?limit=1&" + range
                + "&cursor=" + enc(first.path("nextCursor").asText()))));
        assertThat(second.path("items").get(0).path("locationId").asText()).isEqualTo(DOOR.id());
        assertThat(second.path("nextCursor").isNull()).isTrue();
        JsonNode container = json.readTree(expect(200, get("ta-customs", USER_PASSWORD, "/api/v1/containers/DMOU1000014/history?order=desc&"
                + range)));
        assertThat(container.path("items")).hasSize(2);
        assertThat(container.path("items").get(0).path("locationId").asText()).isEqualTo(DOOR.id());
        expect(403, get("ta-traffic", USER_PASSWORD, "/api/v1/pallets/" + P1 + "/history"));
        expect(403, get("ta-traffic", USER_PASSWORD, "/api/v1/containers/DMOU1000014/history"));
        expect(403, get("ta-customs", USER_PASSWORD, "/api/v1/library-items/any/history"));
        expect(200, get("admin", ADMIN_PASSWORD, "/api/v1/library-items/any/history"));
        expect(400, get("ta-logistics", USER_PASSWORD, "/api/v1/pallets/123/history"));
        expect(400, get("ta-logistics", USER_PASSWORD, "/api/v1/pallets/" + P1 + "/history?order=sideways"));

        // Dwell: each passage counts first to last read (5 s here), and entry to exit between two places of a site.
        JsonNode dwell = json.readTree(expect(200, get("ta-logistics", USER_PASSWORD, "/api/v1/analytics/dwell?location=" + PORT.id()
                + "&kind=PALLET&" + range)));
        assertThat(dwell.path("dwell").path("count").asLong()).isEqualTo(1);
        assertThat(dwell.path("dwell").path("p50Seconds").asDouble()).isEqualTo(5.0);
        assertThat(dwell.path("dwell").path("histogram")).hasSize(1);
        JsonNode site = json.readTree(expect(200, get("ta-logistics", USER_PASSWORD, "/api/v1/analytics/dwell?entry=" + PORT.id() + "&exit="
                + DOOR.id() + "&" + range)));
        assertThat(site.path("measure").asText()).isEqualTo("entry_to_exit");
        assertThat(site.path("dwell").path("count").asLong()).isEqualTo(1);
        assertThat(site.path("dwell").path("p50Seconds").asDouble()).isEqualTo(60.0);
        expect(400, get("ta-logistics", USER_PASSWORD, "/api/v1/analytics/dwell?" + range));
        expect(403, get("ta-traffic", USER_PASSWORD, "/api/v1/analytics/dwell?location=" + PORT.id() + "&kind=PALLET&" + range));
    }

    String declaration(String number, String status, String... ssccs) throws Exception {
        return json.writeValueAsString(Map.of("number", number, "consignment", "CN-1", "truckPlate", "渝B·18704", "ssccs", List.of(ssccs),
                "status", status));
    }

    static EnrichedPassage passage(String hex, LocationInfo where, Instant at, BoundObject object) {
        RawEpc epc = RawEpc.ofHex(hex);
        Passage p = new Passage(PassageId.of(epc, where.id(), Instants.toMicros(at)), epc, null, where.id(), "rdr-" + where.id(), 5,
                at, at.plusSeconds(5), 9, -55, Direction.OUT);
        return new EnrichedPassage(p, object, where);
    }

    void createUser(String username, String role) throws Exception {
        expect(201, post("admin", ADMIN_PASSWORD, "/api/v1/users", "application/json",
                json.writeValueAsString(Map.of("username", username, "displayName", username, "roles", List.of(role),
                        "enabled", true, "password", USER_PASSWORD))));
    }

    static String expect(int status, HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.uri() + " " + (r.body().length() > 400 ? r.body().substring(0, 400) : r.body())).isEqualTo(status);
        return r.body();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    HttpResponse<String> get(String user, String password, String path) throws Exception {
        return send(user, password, HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String user, String password, String path, String type, String body) throws Exception {
        return send(user, password, HttpRequest.newBuilder(uri(path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    HttpResponse<String> put(String user, String password, String path, String body) throws Exception {
        return send(user, password, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    HttpResponse<String> send(String user, String password, HttpRequest.Builder request) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(request.header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path.replace(" ", "%20"));
    }
}
