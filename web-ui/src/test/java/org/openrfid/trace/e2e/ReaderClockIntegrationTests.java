package org.openrfid.trace.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.ReadPoint;
import org.openrfid.trace.passage.ReadPointDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A reader clock gone wrong in the assembled application: a read dated 2099 pushed over HTTP comes out
 * as a {@code CLOCK_SKEW} dead letter instead of stalling the reader, and the reader's normal reads
 * still become a passage. Same properties as {@link H2gisEndToEndIntegrationTests}, so the context is shared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rfid.demo.enabled=false",
        "RFID_ADMIN_PASSWORD=" + EndToEndContractTests.PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:e2e;DB_CLOSE_DELAY=-1",
})
class ReaderClockIntegrationTests {

    static final String FUTURE_EPC = "3074257BF7194E4000009999";
    static final String NORMAL_EPC = "3074257BF7194E4000008888";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ReadPointDirectory readPoints;

    @Test
    void aReadFromTheFutureIsDeadLetteredAndTheReadersOtherReadsStillMakeAPassage() {
        // A JSON reader's antenna mapped to a place, as configuring the reader does.
        readPoints.put(new ReadPoint("clock-gate", 1, "CLOCK-GATE-1", Direction.IN, 0));
        String now = Instant.now().toString();
        String body = "{\"readerId\":\"clock-gate\",\"reads\":["
                + "{\"epc\":\"" + FUTURE_EPC + "\",\"antenna\":1,\"timestamp\":\"2099-01-01T00:00:00Z\"},"
                + "{\"epc\":\"" + NORMAL_EPC + "\",\"antenna\":1,\"timestamp\":\"" + now + "\"}]}";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> pushed = http.withBasicAuth("admin", EndToEndContractTests.PASSWORD)
                .postForEntity("/api/v1/ingest/reads", new HttpEntity<>(body, headers), String.class);
        assertThat(pushed.getStatusCode().is2xxSuccessful()).as(pushed.getBody()).isTrue();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String letters = http.withBasicAuth("admin", EndToEndContractTests.PASSWORD)
                    .getForObject("/api/v1/ingest/dead-letters?limit=50", String.class);
            assertThat(letters).contains("\"reason\":\"clock_skew\"").contains(FUTURE_EPC);
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String history = http.withBasicAuth("admin", EndToEndContractTests.PASSWORD)
                    .getForObject("/api/v1/tags/history?epc=" + NORMAL_EPC, String.class);
            assertThat(history).contains("\"epc\":\"" + NORMAL_EPC + "\"");
        });
    }
}
