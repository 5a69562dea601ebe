package org.openrfid.trace.access;

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
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageId;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.service.passage.PassageStore;
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.user.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may do what, over real HTTP against the assembled application (issue 12): for every role, each
 * feature area is either allowed (200) or forbidden (403 as a problem detail); what the allowed ones
 * return is limited to the kinds the role sees; and the acceptance walk-through (a librarian cannot
 * follow a car, a traffic officer can with a purpose, the auditor sees it, the chain verifies).
 * Subclasses choose the store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RoleMatrixContractTests {

    static final String ADMIN_PASSWORD = "role-matrix-admin-password";
    static final String USER_PASSWORD = "a-long-enough-user-password";
    static final Instant T0 = Instant.parse("2025-06-02T08:00:00Z");
    static final String FROM = "2025-06-02T07:00:00Z";
    static final String TO = "2025-06-02T10:00:00Z";
    static final String PLATE = "渝B·D941W";
    static final String CAR_EPC = "3416451DA400000005F5E100";
    static final String BOOK_EPC = "3416451DA800000743AA3801";

    /** One read-only call per feature area. */
    enum Area {
        USERS("/api/v1/users"),
        AUDIT("/api/v1/audit?limit=1"),
        METRICS("/actuator/prometheus"),
        INGEST("/api/v1/ingest/dead-letters?limit=1"),
        PRIVACY("/api/v1/privacy/restricted"),
        VEHICLES("/api/v1/vehicles?limit=5"),
        WATCHLIST("/api/v1/watchlist?limit=5"),
        GOODS("/api/v1/goods?limit=5"),
        LIBRARY("/api/v1/library-items?limit=5"),
        LIBRARY_LOANS("/api/v1/library/loans?overdue=true"),
        LIBRARY_INVENTORIES("/api/v1/library/inventories"),
        PASSAGES("/api/v1/passages?limit=10"),
        TAGS("/api/v1/tags/history?epc=" + CAR_EPC),
        ANALYTICS("/api/v1/analytics/flows?from=" + FROM + "&to=" + TO),
        READERS("/api/v1/readers"),
        LOCATIONS("/api/v1/locations?limit=5"),
        ROAD_LINKS("/api/v1/road-links"),
        EPCIS("/epcis/events?perPage=5"),
        CUSTOMS_DECLARATIONS("/api/v1/customs/declarations?limit=5"),
        CUSTOMS_GATE("/api/v1/customs/gate-transactions?limit=5"),
        LOGISTICS_SHIPMENTS("/api/v1/logistics/shipments?limit=5"),
        LOGISTICS_RECEIPTS("/api/v1/logistics/receipts?limit=5");

        final String path;

        Area(String path) {
            this.path = path;
        }
    }

    /** The README's roles table, as calls: everything not listed is forbidden. */
    static final Map<Role, Set<Area>> ALLOWED = new EnumMap<>(Role.class);

    static {
        Set<Area> desk = EnumSet.of(Area.PASSAGES, Area.TAGS, Area.ANALYTICS, Area.READERS, Area.LOCATIONS, Area.ROAD_LINKS);
        ALLOWED.put(Role.ADMIN, EnumSet.allOf(Area.class));
        ALLOWED.put(Role.TRAFFIC, union(desk, Area.VEHICLES, Area.WATCHLIST));
        ALLOWED.put(Role.CUSTOMS, union(desk, Area.VEHICLES, Area.WATCHLIST, Area.GOODS, Area.EPCIS, Area.CUSTOMS_DECLARATIONS,
                Area.CUSTOMS_GATE));
        ALLOWED.put(Role.LOGISTICS, union(desk, Area.GOODS, Area.EPCIS, Area.LOGISTICS_SHIPMENTS, Area.LOGISTICS_RECEIPTS));
        ALLOWED.put(Role.LIBRARIAN, union(desk, Area.LIBRARY, Area.LIBRARY_LOANS, Area.LIBRARY_INVENTORIES));
        ALLOWED.put(Role.AUDITOR, EnumSet.of(Area.AUDIT));
        ALLOWED.put(Role.INGEST, EnumSet.of(Area.INGEST));
        ALLOWED.put(Role.METRICS, EnumSet.of(Area.METRICS));
    }

    @LocalServerPort
    int port;
    @Autowired
    PassageStore passages;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final ObjectMapper json = new ObjectMapper();
    String vehicleId;
    String itemId;

    /** A small city: a road checkpoint, a port gate and a library gate; one car seen at two of them, one book at the third. */
    @BeforeAll
    void cityFleetAndLibrary() throws Exception {
        expect(201, post("admin", ADMIN_PASSWORD, "/api/v1/locations", "application/json",
                "{\"id\":\"RM-CP-1\",\"name\":\"Ring road checkpoint\",\"kind\":\"checkpoint\",\"lat\":29.58,\"lon\":106.59}"));
        expect(201, post("admin", ADMIN_PASSWORD, "/api/v1/locations", "application/json",
                "{\"id\":\"RM-PORT-1\",\"name\":\"Cuntan port gate\",\"kind\":\"port_gate\",\"lat\":29.62,\"lon\":106.65}"));
        expect(201, post("admin", ADMIN_PASSWORD, "/api/v1/locations", "application/json",
                "{\"id\":\"RM-LIB-1\",\"name\":\"Library main gate\",\"kind\":\"library_gate\",\"lat\":29.56,\"lon\":106.55}"));
        expect(200, post("admin", ADMIN_PASSWORD, "/api/v1/vehicles/import", "text/csv",
                "plate,plate_type,plate_colour,vehicle_type,vin,status,epc,tid\n"
                        + "渝BD941W,02,blue,K33,LVSX16564HG669910,active," + CAR_EPC + ",E280689420004159351ECE60\n"));
        expect(200, post("admin", ADMIN_PASSWORD, "/api/v1/library-items/import", "text/csv",
                "epc,uri,barcode,title,status,due_date\n"
                        + BOOK_EPC + ",urn:epc:id:giai:9521002.31200000001,31200000001,Pride and Prejudice (copy 3),on_shelf,\n"));
        vehicleId = json.readTree(expect(200, get("admin", ADMIN_PASSWORD, "/api/v1/vehicles?plate=" + enc(PLATE) + "&purpose=setup")))
                .path("items").get(0).path("id").asText();
        itemId = json.readTree(expect(200, get("admin", ADMIN_PASSWORD, "/api/v1/library-items?limit=5")))
                .path("items").get(0).path("itemId").asText();
        passages.saveEnriched(List.of(
                passage(CAR_EPC, "RM-CP-1", T0, new BoundObject(ObjectKind.VEHICLE, vehicleId)),
                passage(CAR_EPC, "RM-PORT-1", T0.plusSeconds(1200), new BoundObject(ObjectKind.VEHICLE, vehicleId)),
                passage(BOOK_EPC, "RM-LIB-1", T0.plusSeconds(600), new BoundObject(ObjectKind.LIBRARY_ITEM, itemId))));
        for (Role role : Role.values()) {
            if (role != Role.ADMIN) {
                createUser(user(role), role);
            }
        }
    }

    @Test
    void everyRoleReachesItsAreasAndIsForbiddenTheRestAsProblemDetails() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            String name = role == Role.ADMIN ? "admin" : user(role);
            String password = role == Role.ADMIN ? ADMIN_PASSWORD : USER_PASSWORD;
            for (Area area : Area.values()) {
                HttpResponse<String> r = get(name, password, area.path);
                boolean allowed = ALLOWED.get(role).contains(area);
                int want = allowed ? 200 : 403;
                if (r.statusCode() != want) {
                    wrong.add(role + " " + area + ": " + r.statusCode() + " (wanted " + want + ") " + cut(r.body()));
                } else if (!allowed && !area.path.startsWith("/actuator") && !isProblem(r)) {
                    wrong.add(role + " " + area + ": 403 without a problem detail: " + cut(r.body()));
                }
            }
        }
        assertThat(wrong).as("role matrix mismatches").isEmpty();
        // Every role but ADMIN has areas on both sides, so the matrix tests allowed and forbidden calls for each.
        ALLOWED.forEach((role, areas) -> {
            assertThat(areas).as(role + " allowed").isNotEmpty();
            if (role != Role.ADMIN) {
                assertThat(EnumSet.complementOf(EnumSet.copyOf(areas))).as(role + " forbidden").isNotEmpty();
            }
        });
    }

    @Test
    void eachDeskSeesOnlyItsKindsInThePassageList() throws Exception {
        assertThat(epcsIn(get("admin", ADMIN_PASSWORD, "/api/v1/passages?limit=50"))).contains(CAR_EPC, BOOK_EPC);
        assertThat(epcsIn(get(user(Role.TRAFFIC), USER_PASSWORD, "/api/v1/passages?limit=50"))).containsOnly(CAR_EPC).hasSize(2);
        assertThat(epcsIn(get(user(Role.LIBRARIAN), USER_PASSWORD, "/api/v1/passages?limit=50"))).containsExactly(BOOK_EPC);
        // Customs see vehicles at the port gate, not on the ring road.
        HttpResponse<String> customs = get(user(Role.CUSTOMS), USER_PASSWORD, "/api/v1/passages?limit=50");
        assertThat(json.readTree(customs.body()).path("items")).hasSize(1);
        assertThat(json.readTree(customs.body()).path("items").get(0).path("locationId").asText()).isEqualTo("RM-PORT-1");
        // The same holds for "who was here" and tag history.
        String within = "/api/v1/passages/within?bbox=106,29,107,30&from=" + FROM + "&to=" + TO;
        assertThat(epcsIn(get(user(Role.LIBRARIAN), USER_PASSWORD, within))).containsExactly(BOOK_EPC);
        assertThat(epcsIn(get(user(Role.LIBRARIAN), USER_PASSWORD, "/api/v1/tags/history?epc=" + CAR_EPC))).isEmpty();
        assertThat(epcsIn(get(user(Role.TRAFFIC), USER_PASSWORD, "/api/v1/tags/history?epc=" + CAR_EPC))).hasSize(2);
        // Analytics count only the kinds the caller sees.
        JsonNode flows = json.readTree(expect(200, get(user(Role.LIBRARIAN), USER_PASSWORD, Area.ANALYTICS.path))).path("rows");
        assertThat(flows).isNotEmpty().allSatisfy(row -> assertThat(row.path("kind").asText()).isEqualTo("LIBRARY_ITEM"));
        expect(403, get(user(Role.LIBRARIAN), USER_PASSWORD, "/api/v1/analytics/od-matrix?kind=VEHICLE&from=" + FROM + "&to=" + TO));
    }

    /** Issue 12, acceptance 1 and 2, as a new user would try it. */
    @Test
    void aLibrarianCannotFollowACarATrafficOfficerCanWithAPurposeAndTheAuditorSeesIt() throws Exception {
        createUser("traffic1", Role.TRAFFIC);
        createUser("lib1", Role.LIBRARIAN);
        String trajectory = "/api/v1/vehicles/" + vehicleId + "/trajectory?from=" + FROM + "&to=" + TO;

        HttpResponse<String> librarian = get("lib1", USER_PASSWORD, trajectory + "&purpose=curious");
        assertThat(librarian.statusCode()).isEqualTo(403);
        assertThat(isProblem(librarian)).isTrue();
        assertThat(epcsIn(get("lib1", USER_PASSWORD, "/api/v1/passages?limit=50"))).doesNotContain(CAR_EPC);

        HttpResponse<String> noPurpose = get("traffic1", USER_PASSWORD, trajectory);
        assertThat(noPurpose.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noPurpose.body()).path("detail").asText()).startsWith("purpose:");

        HttpResponse<String> withPurpose = get("traffic1", USER_PASSWORD, trajectory + "&purpose=" + enc("case 2025-118"));
        assertThat(withPurpose.statusCode()).as(withPurpose.body()).isEqualTo(200);
        assertThat(json.readTree(withPurpose.body()).path("features")).hasSize(3); // two points and the line

        createUser("audit1", Role.AUDITOR);
        JsonNode records = json.readTree(expect(200, get("audit1", USER_PASSWORD,
                "/api/v1/audit?username=traffic1&action=VEHICLE_TRAJECTORY"))).path("items");
        assertThat(records).hasSize(2);
        JsonNode answered = records.get(0);
        assertThat(answered.path("outcome").asText()).isEqualTo("OK");
        assertThat(answered.path("purpose").asText()).isEqualTo("case 2025-118");
        assertThat(answered.path("subject").asText()).contains(PLATE, vehicleId);
        assertThat(answered.path("roles").toString()).contains("TRAFFIC");
        assertThat(answered.path("resultCount").asLong()).isEqualTo(2);
        assertThat(records.get(1).path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(records.get(1).path("purpose").isNull()).isTrue();
        // The librarian's attempt is on the trail too, refused; an auditor finds the car's lookups by its plate.
        JsonNode byPlate = json.readTree(expect(200, get("audit1", USER_PASSWORD, "/api/v1/audit?subject=" + enc(PLATE)))).path("items");
        assertThat(byPlate).extracting(r -> r.path("username").asText()).contains("traffic1");
        JsonNode refusedLibrarian = json.readTree(expect(200, get("audit1", USER_PASSWORD,
                "/api/v1/audit?username=lib1&action=ACCESS_DENIED&subject=" + vehicleId))).path("items");
        assertThat(refusedLibrarian).hasSize(1);
        assertThat(refusedLibrarian.get(0).path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(refusedLibrarian.get(0).path("subject").asText()).startsWith("GET /api/v1/vehicles/" + vehicleId + "/trajectory");

        JsonNode verify = json.readTree(expect(200, get("audit1", USER_PASSWORD, "/api/v1/audit/verify")));
        assertThat(verify.path("valid").asBoolean()).as(verify.toString()).isTrue();
        assertThat(verify.path("records").asLong()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aRestrictedVehicleNeedsAGrantAndDropsOutOfListsUntilThen() throws Exception {
        createUser("traffic2", Role.TRAFFIC);
        String history = "/api/v1/vehicles/" + vehicleId + "/history?purpose=" + enc("case 7");
        expect(200, get("traffic2", USER_PASSWORD, history));
        expect(200, put("admin", ADMIN_PASSWORD, "/api/v1/privacy/restricted/VEHICLE/" + vehicleId, "{\"reason\":\"protected witness\"}"));
        try {
            assertThat(isProblem(expectResponse(403, get("traffic2", USER_PASSWORD, history)))).isTrue();
            assertThat(epcsIn(get("traffic2", USER_PASSWORD, "/api/v1/passages?limit=50"))).doesNotContain(CAR_EPC);
            assertThat(epcsIn(get("admin", ADMIN_PASSWORD, "/api/v1/passages?limit=50"))).contains(CAR_EPC);

            HttpResponse<String> granted = post("admin", ADMIN_PASSWORD, "/api/v1/privacy/grants", "application/json",
                    "{\"kind\":\"VEHICLE\",\"objectId\":\"" + vehicleId + "\",\"username\":\"traffic2\",\"reason\":\"case 7\"}");
            assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
            assertThat(epcsIn(get("traffic2", USER_PASSWORD, history))).hasSize(2);
            assertThat(epcsIn(get("traffic2", USER_PASSWORD, "/api/v1/passages?limit=50"))).contains(CAR_EPC);
            // A grant is personal: another officer still cannot look.
            createUser("traffic3", Role.TRAFFIC);
            expect(403, get("traffic3", USER_PASSWORD, history));
        } finally {
            send("admin", ADMIN_PASSWORD, HttpRequest.newBuilder(uri("/api/v1/privacy/restricted/VEHICLE/" + vehicleId)).DELETE());
        }
    }

    // --- helpers ---

    static Set<Area> union(Set<Area> base, Area... more) {
        EnumSet<Area> all = EnumSet.copyOf(base);
        all.addAll(List.of(more));
        return all;
    }

    static String user(Role role) {
        return "m-" + role.name().toLowerCase(java.util.Locale.ROOT);
    }

    void createUser(String username, Role role) throws Exception {
        HttpResponse<String> r = post("admin", ADMIN_PASSWORD, "/api/v1/users", "application/json",
                json.writeValueAsString(Map.of("username", username, "displayName", username, "roles", List.of(role.name()),
                        "enabled", true, "password", USER_PASSWORD)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    static EnrichedPassage passage(String hex, String location, Instant at, BoundObject object) {
        RawEpc epc = RawEpc.ofHex(hex);
        Passage p = new Passage(PassageId.of(epc, location, Instants.toMicros(at)), epc, null, location, "rdr-" + location, 1,
                at, at.plusSeconds(2), 3, -55, Direction.IN);
        return new EnrichedPassage(p, object, null);
    }

    List<String> epcsIn(HttpResponse<String> page) throws Exception {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        List<String> epcs = new ArrayList<>();
        json.readTree(page.body()).path("items").forEach(i -> epcs.add(i.path("epc").asText()));
        return epcs;
    }

    static boolean isProblem(HttpResponse<String> r) {
        return r.headers().firstValue("Content-Type").orElse("").contains("application/problem+json") && r.body().contains("\"status\":403");
    }

    static String expect(int status, HttpResponse<String> r) {
        return expectResponse(status, r).body();
    }

    static HttpResponse<String> expectResponse(int status, HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.uri() + " " + cut(r.body())).isEqualTo(status);
        return r;
    }

    static String cut(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) : body;
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
