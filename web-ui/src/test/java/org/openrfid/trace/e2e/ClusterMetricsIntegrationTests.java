package org.openrfid.trace.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.reader.simulator.LlrpReaderSimulator;
import org.openrfid.trace.reader.simulator.Scenario;
import org.openrfid.trace.service.readerfleet.ReaderConnections;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The cluster meters on {@code /actuator/prometheus} of the running application, a cluster of one: with
 * the end-to-end readers connected, this member holds both, owns their locations, times its read-log
 * appends and keeps its snapshots current. A database of its own: the looping readers' passages must
 * not reach the end-to-end tests' store.
 */
@AutoConfigureObservability // Boot's tests turn metrics export, hence the prometheus endpoint, off otherwise
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rfid.demo.enabled=false",
        "rfid.pipeline.forwarding=cluster", // through the cluster layer, as a node with members runs it
        "RFID_ADMIN_PASSWORD=" + EndToEndContractTests.PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:cluster-metrics;DB_CLOSE_DELAY=-1",
})
class ClusterMetricsIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ReaderConnections readers;

    private LlrpReaderSimulator simulator;

    @AfterEach
    void stopReaders() {
        readers.all().forEach(r -> readers.remove(r.id()));
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void clusterMetersShowTheMemberAndItsShare() {
        simulator = LlrpReaderSimulator.builder().reader("gantry-a", 0).reader("gantry-b", 0)
                .scenario(Scenario.fromClasspath("e2e/scenario.csv")).loop(true).build().start();
        EndToEndScenario.readers(simulator.port("gantry-a"), simulator.port("gantry-b")).forEach(readers::add);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> metric(scrape(), "rfid_cluster_read_log_append_seconds_count") > 0
                        && metric(scrape(), "rfid_cluster_readers_held") == 2);
        String scrape = scrape();
        assertThat(metric(scrape, "rfid_cluster_members")).isEqualTo(1);
        assertThat(metric(scrape, "rfid_cluster_locations_owned")).as("CP-A and CP-B").isGreaterThanOrEqualTo(2);
        assertThat(metric(scrape, "rfid_cluster_reads_forwarded_total")).as("a cluster of one forwards nothing").isZero();
        assertThat(metric(scrape, "rfid_cluster_read_log_append_seconds_max")).isLessThan(1.0);
        assertThat(metric(scrape, "rfid_cluster_snapshot_age_seconds")).isBetween(0.0, 2.0);
        assertThat(metric(scrape, "rfid_cluster_takeovers_total{kind=\"reader\"}")).isZero();
        assertThat(metric(scrape, "rfid_cluster_takeovers_total{kind=\"location\"}")).isZero();
    }

    private String scrape() {
        var response = http.withBasicAuth("admin", EndToEndContractTests.PASSWORD).getForEntity("/actuator/prometheus", String.class);
        assertThat(response.getStatusCode().value()).as("GET /actuator/prometheus: %s", response).isEqualTo(200);
        return response.getBody();
    }

    private static double metric(String scrape, String sample) {
        return scrape.lines().filter(l -> l.startsWith(sample + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(sample.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError("no sample " + sample + " in\n" + scrape));
    }
}
