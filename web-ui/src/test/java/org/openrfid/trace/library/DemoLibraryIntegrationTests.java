package org.openrfid.trace.library;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.sampledata.world.DemoWorld;
import org.openrfid.trace.sampledata.world.LibraryShelves;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The demo library on a fresh demo start, as a new user finds it: loans are recorded, and the inventory of
 * shelf A reports exactly the book the generator labelled missing and the one it labelled misplaced. Same
 * properties as {@code DemoAlertsIntegrationTests}, so the demo context is shared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rfid.demo.enabled=true",
        "RFID_ADMIN_PASSWORD=" + "demo-alerts-test-password",
        "spring.datasource.url=jdbc:h2:mem:demo-alerts;DB_CLOSE_DELAY=-1",
})
class DemoLibraryIntegrationTests {

    static final String PASSWORD = "demo-alerts-test-password";

    @Autowired
    TestRestTemplate http;
    final ObjectMapper json = new ObjectMapper();

    @Test
    void theDemoShelfInventoryFindsExactlyTheLabelledMissingAndMisplacedBooks() throws Exception {
        LibraryShelves labels = LibraryShelves.of(DemoWorld.load());
        JsonNode list = get("/api/v1/library/inventories").path("items");
        JsonNode shelfA = null;
        for (JsonNode i : list) {
            if (i.path("location").asText().equals(LibraryShelves.SHELF_A)) {
                shelfA = i;
            }
        }
        assertThat(shelfA).as("the demo's inventory of shelf A in " + list).isNotNull();
        JsonNode report = get("/api/v1/library/inventories/" + shelfA.path("id").asLong()).path("report");
        assertThat(ids(report.path("missing"))).containsExactly(labels.missing());
        assertThat(ids(report.path("misplaced"))).containsExactly(labels.misplaced());
        assertThat(ids(report.path("present"))).hasSize(11);
        assertThat(ids(report.path("checkedOut"))).isEmpty();
        assertThat(get("/api/v1/library/loans?limit=500").path("items").size()).isGreaterThanOrEqualTo(labels.loans().size());
    }

    JsonNode get(String path) throws Exception {
        String body = http.withBasicAuth("admin", PASSWORD).getForObject(path, String.class);
        return json.readTree(body);
    }

    static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.path("itemId").asText()));
        return ids;
    }
}
