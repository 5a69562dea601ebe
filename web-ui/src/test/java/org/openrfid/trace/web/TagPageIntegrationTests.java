package org.openrfid.trace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageId;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.passage.PassageStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The "find a tag" page takes an EPC in any of its written forms and shows where the tag was. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rfid.demo.enabled=false",
        "RFID_ADMIN_PASSWORD=" + TagPageIntegrationTests.PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:tagpage;DB_CLOSE_DELAY=-1",
})
class TagPageIntegrationTests {

    static final String PASSWORD = "tag-page-password";
    private static final RawEpc CASE = RawEpc.ofHex("3074257BF7194E4000001A85");

    @Autowired
    TestRestTemplate http;

    @Autowired
    PassageStore passages;

    @Autowired
    Locations locations;

    @BeforeEach
    void aCaseWentThroughTheDockDoor() {
        locations.save(List.of(new Location("DOCK-3", "Hub dock door 3", "dock_door", 29.6, 106.5, null)));
        Instant seen = Instant.parse("2026-11-24T08:15:30Z").truncatedTo(ChronoUnit.MILLIS);
        passages.saveAll(List.of(new Passage(PassageId.of(CASE, "DOCK-3", Instants.toMicros(seen)), CASE,
                "urn:epc:tag:sgtin-96:3.0614141.812345.6789", "DOCK-3", "dock-reader", 1, seen, seen.plusSeconds(4), 12, -51.0,
                Direction.IN)));
    }

    @Test
    void everyWrittenFormOfTheEpcLeadsToTheSameTagPage() {
        for (String form : List.of("3074257BF7194E4000001A85", "urn:epc:tag:sgtin-96:3.0614141.812345.6789",
                "urn:epc:id:sgtin:0614141.812345.6789")) {
            // the old address is followed to the tag's page; times in the console's zone (08:15:30 UTC is 16:15:30 in Shanghai)
            assertThat(page("/tags?epc={epc}", form)).as(form).contains("urn:epc:id:sgtin:0614141.812345.6789")
                    .contains("3074257BF7194E4000001A85").contains("Hub dock door 3").contains("2026-11-24 16:15:30");
        }
        assertThat(page("/tags/{epc}", "urn:epc:tag:sgtin-96:3.0614141.812345.6789")).contains("Hub dock door 3");
    }

    @Test
    void digitalLinkNeedsTheCompanyPrefixLengthAndThenWorks() {
        String dl = "https://id.gs1.org/01/80614141123458/21/6789";

        assertThat(page("/tags?epc={epc}", dl)).as("without gcp the search says nothing matches").contains("id=\"search-none\"")
                .doesNotContain("Hub dock door 3");
        assertThat(page("/tags?epc={epc}&gcp=7", dl)).contains("urn:epc:id:sgtin:0614141.812345.6789").contains("Hub dock door 3");
    }

    @Test
    void badInputIsExplainedNotAnError() {
        ResponseEntity<String> response = http.withBasicAuth("admin", PASSWORD).getForEntity("/tags/303C83F1B7DD441678901234", String.class);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody()).containsIgnoringCase("partition");
    }

    @Test
    void thePageNeedsLogin() {
        ResponseEntity<String> anonymous = http.getForEntity("/tags?epc=3074257BF7194E4000001A85", String.class);

        assertThat(anonymous.getBody()).contains("id=\"login-form\"").doesNotContain("Hub dock door 3");
    }

    private String page(String url, Object... variables) {
        ResponseEntity<String> response = http.withBasicAuth("admin", PASSWORD).getForEntity(url, String.class, variables);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        ResponseEntity<String> login = http.getForEntity("/login", String.class);
        assertThat(login.getHeaders().get("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax"));
    }
}
