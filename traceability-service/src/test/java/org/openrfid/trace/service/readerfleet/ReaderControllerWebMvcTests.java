package org.openrfid.trace.service.readerfleet;

import org.openrfid.trace.service.pipeline.CamelReaderLinks;
import org.openrfid.trace.service.pipeline.ReaderLinkConfiguration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageSmoother;
import org.openrfid.trace.passage.PresenceListener;
import org.openrfid.trace.passage.ReadPoint;
import org.openrfid.trace.passage.ReadPointDirectory;
import org.openrfid.trace.passage.ReadPointRole;
import org.openrfid.trace.passage.SmoothingPolicy;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.TagRead;
import org.openrfid.trace.pipeline.PipelineEndpoints;
import org.openrfid.trace.reader.ReaderStatusBoard;
import org.openrfid.trace.reader.camel.LlrpComponent;
import org.openrfid.trace.reader.simulator.LlrpReaderSimulator;
import org.openrfid.trace.reader.simulator.Scenario;
import org.openrfid.trace.reader.simulator.ScenarioRow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The readers API in a web slice over real parts: a Camel context with the {@code llrp} component,
 * {@link ReaderConnections}, Prometheus meters, and the LLRP simulator as the reader. Security
 * filters are off (the rules are the application's and tested there).
 */
@WebMvcTest
@AutoConfigureMockMvc(addFilters = false)
class ReaderControllerWebMvcTests {

    @Configuration
    @Import(ReaderController.class)
    @ComponentScan(basePackages = "org.openrfid.trace.service.platform.web")
    static class Slice {

        @Bean(destroyMethod = "stop")
        CamelContext camel(ReaderStatusBoard board) {
            CamelContext camel = new DefaultCamelContext();
            LlrpComponent llrp = ReaderLinkConfiguration.llrpComponent(board, new ReaderProperties.Llrp(0, null));
            camel.addComponent("llrp", llrp);
            camel.start();
            return camel;
        }

        /** A server with a reader trust store configured (the controller only checks that there is one). */
        @Bean
        ReaderProperties readerProperties() {
            return new ReaderProperties(java.util.List.of(), new ReaderProperties.Llrp(0,
                    new ReaderProperties.Tls("/etc/rfid/readers-trust.p12", null, null, null)));
        }

        @Bean
        ReaderProbe probe(CamelContext camel) {
            return new org.openrfid.trace.service.pipeline.LlrpReaderProbe(camel);
        }

        @Bean
        ReaderStatusBoard board() {
            return new ReaderStatusBoard();
        }

        @Bean
        PrometheusMeterRegistry meters() {
            return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        }

        /** A cluster of one, on loopback, with a name of its own so no other test's member joins. */
        @Bean(destroyMethod = "shutdown")
        HazelcastInstance hazelcast() {
            Config config = new Config();
            config.setClusterName("readers-" + UUID.randomUUID());
            config.setProperty("hazelcast.phone.home.enabled", "false");
            config.setProperty("hazelcast.logging.type", "slf4j");
            config.getNetworkConfig().setPort(30_000 + ThreadLocalRandom.current().nextInt(20_000)).setPortAutoIncrement(true);
            config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
            config.setProperty("hazelcast.local.localAddress", "127.0.0.1");
            config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
            config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
            ReaderConnections.configure(config);
            return Hazelcast.newHazelcastInstance(config);
        }

        @Bean
        ReadPointDirectory readPoints() {
            return new ReadPointDirectory();
        }

        @Bean(destroyMethod = "close")
        ReaderConnections connections(CamelContext camel, ReaderStatusBoard board, PrometheusMeterRegistry meters,
                                      ReadPointDirectory readPoints, HazelcastInstance hazelcast) {
            PipelineEndpoints endpoints = new PipelineEndpoints("seda:reads?size=100000&discardWhenFull=true",
                    "seda:passages", "seda:arrivals?discardIfNoConsumers=true", 250);
            ReaderConnections c = new ReaderConnections(new CamelReaderLinks(camel, endpoints), readPoints, board, hazelcast);
            c.addListener(new ReaderMetrics(meters, c));
            return c.start();
        }
    }

    private final Scenario scenario = Scenario.of(java.util.List.of(
            new ScenarioRow(0, "gate-7-east", 1, "3034257BF7194E4000019919", null, -50),
            new ScenarioRow(200, "gate-7-east", 1, "3034257BF7194E400001991A", null, -51)));

    @Autowired
    MockMvc mvc;
    @Autowired
    ReaderConnections connections;
    @Autowired
    PrometheusMeterRegistry meters;
    @Autowired
    CamelContext camel;
    @Autowired
    ReadPointDirectory readPoints;

    private LlrpReaderSimulator sim;

    @AfterEach
    void tearDown() {
        connections.all().forEach(r -> connections.remove(r.id()));
        if (sim != null) {
            sim.close();
        }
    }

    private ResultActions postJson(String json) throws Exception {
        return mvc.perform(post("/api/v1/readers").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static String reader(String id, int port, String extra) {
        return "{\"id\":\"" + id + "\",\"host\":\"127.0.0.1\",\"port\":" + port + extra
                + ",\"antennas\":[{\"antenna\":1,\"location\":\"GATE-7\",\"direction\":\"IN\"}]}";
    }

    private String state(String id) throws Exception {
        String body = mvc.perform(get("/api/v1/readers/" + id)).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.state");
    }

    @Test
    void testConnectionSaysWhatAFreeReaderIsAndThatADrivenOneIsBusy() throws Exception {
        sim = LlrpReaderSimulator.builder().reader("gate-7-east", 0).scenario(scenario).loop(true).timeScale(4).build().start();
        int port = sim.port("gate-7-east");
        mvc.perform(post("/api/v1/readers/test-connection").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"host\":\"127.0.0.1\",\"port\":" + port + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true))
                .andExpect(jsonPath("$.address").value("127.0.0.1:" + port))
                .andExpect(jsonPath("$.reader.firmware").value("openrfid-simulator"))
                .andExpect(jsonPath("$.reader.antennas").isNumber())
                .andExpect(jsonPath("$.reader.airProtocols[0]").value("EPCGlobalClass1Gen2"));

        postJson(reader("gate-7-east", port, "")).andExpect(status().isCreated());
        await().atMost(Duration.ofSeconds(10)).until(() -> "CONNECTED".equals(state("gate-7-east")));
        mvc.perform(post("/api/v1/readers/gate-7-east/test-connection"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(false))
                .andExpect(jsonPath("$.reason").value("BUSY"));
        assertThat(state("gate-7-east")).isEqualTo("CONNECTED");
    }

    @Test
    void aDisabledReaderIsHungUpAndNotDialledUntilItIsEnabledAgain() throws Exception {
        sim = LlrpReaderSimulator.builder().reader("gate-7-east", 0).scenario(scenario).loop(true).timeScale(4).build().start();
        int port = sim.port("gate-7-east");
        postJson(reader("gate-7-east", port, "")).andExpect(status().isCreated()).andExpect(jsonPath("$.disabled").value(false));
        await().atMost(Duration.ofSeconds(10)).until(() -> "CONNECTED".equals(state("gate-7-east")) && sim.hasClient("gate-7-east"));

        mvc.perform(put("/api/v1/readers/gate-7-east").contentType(MediaType.APPLICATION_JSON)
                        .content(reader("gate-7-east", port, ",\"disabled\":true")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.disabled").value(true))
                .andExpect(jsonPath("$.state").value("DISABLED"))
                .andExpect(jsonPath("$.antennas[0].location").value("GATE-7"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !sim.hasClient("gate-7-east"));
        int sessions = sim.clientsAccepted("gate-7-east");
        Thread.sleep(2_000); // several ownership checks (every 100 ms): none may dial it
        assertThat(sim.clientsAccepted("gate-7-east")).isEqualTo(sessions);
        mvc.perform(get("/api/v1/readers/gate-7-east")).andExpect(jsonPath("$.state").value("DISABLED"))
                .andExpect(jsonPath("$.heldBy").doesNotExist());

        mvc.perform(put("/api/v1/readers/gate-7-east").contentType(MediaType.APPLICATION_JSON).content(reader("gate-7-east", port, "")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.disabled").value(false));
        await().atMost(Duration.ofSeconds(10)).until(() -> "CONNECTED".equals(state("gate-7-east")) && sim.hasClient("gate-7-east"));
        assertThat(sim.clientsAccepted("gate-7-east")).isEqualTo(sessions + 1);
    }

    @Test
    void testConnectionRefusesABadAddressAndAnUnknownReader() throws Exception {
        mvc.perform(post("/api/v1/readers/test-connection").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"host\":\"127.0.0.1\",\"port\":70000}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(startsWith("port:")));
        mvc.perform(post("/api/v1/readers/test-connection").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"host\":\"bad host/../\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(startsWith("host:")));
        mvc.perform(post("/api/v1/readers/nobody/test-connection")).andExpect(status().isNotFound());
    }

    @Test
    void aReaderAddedThroughTheApiConnectsAndShowsItsLiveState() throws Exception {
        sim = LlrpReaderSimulator.builder().reader("gate-7-east", 0).scenario(scenario).loop(true).timeScale(4).build().start();
        postJson(reader("gate-7-east", sim.port("gate-7-east"), ",\"connection\":\"CLIENT\",\"tls\":false"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/readers/gate-7-east"))
                .andExpect(jsonPath("$.id").value("gate-7-east"))
                .andExpect(jsonPath("$.connection").value("CLIENT"))
                .andExpect(jsonPath("$.antennas[0].location").value("GATE-7"));

        await().atMost(Duration.ofSeconds(10)).until(() -> "CONNECTED".equals(state("gate-7-east")));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            String body = mvc.perform(get("/api/v1/readers/gate-7-east")).andReturn().getResponse().getContentAsString();
            return ((Number) JsonPath.read(body, "$.tagReportsReceived")).longValue() > 0
                    && JsonPath.read(body, "$.lastKeepalive") != null;
        });
        mvc.perform(get("/api/v1/readers"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("gate-7-east"))
                .andExpect(jsonPath("$[0].state").value("CONNECTED"))
                .andExpect(jsonPath("$[0].readsPerSecond").isNumber())
                .andExpect(jsonPath("$[0].lastError").doesNotExist());

        String scrape = meters.scrape();
        assertThat(scrape).contains("rfid_reader_state{reader=\"gate-7-east\",state=\"CONNECTED\"} 1.0");
        assertThat(scrape).contains("rfid_reader_state{reader=\"gate-7-east\",state=\"BACKOFF\"} 0.0");
        assertThat(scrape).containsPattern("rfid_reader_tag_reports_total\\{reader=\"gate-7-east\"} [1-9]");
        assertThat(scrape).contains("rfid_reader_reads_per_second{reader=\"gate-7-east\"}");

        mvc.perform(delete("/api/v1/readers/gate-7-east")).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/readers/gate-7-east")).andExpect(status().isNotFound());
        assertThat(meters.scrape()).doesNotContain("gate-7-east");
        assertThat(camel.getRoutes()).isEmpty();
        await().atMost(Duration.ofSeconds(3)).until(() -> !sim.hasClient("gate-7-east"));
    }

    @Test
    void putReplacesTheReaderAndItsSession() throws Exception {
        sim = LlrpReaderSimulator.builder().reader("gate-7-east", 0).scenario(scenario).loop(true).timeScale(4).build().start();
        postJson(reader("gate-7-east", 1, "")).andExpect(status().isCreated());
        await().atMost(Duration.ofSeconds(5)).until(() -> "BACKOFF".equals(state("gate-7-east")));

        mvc.perform(put("/api/v1/readers/gate-7-east").contentType(MediaType.APPLICATION_JSON)
                        .content(reader("gate-7-east", sim.port("gate-7-east"), "")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.port").value(sim.port("gate-7-east")));
        await().atMost(Duration.ofSeconds(10)).until(() -> "CONNECTED".equals(state("gate-7-east")));
        assertThat(connections.all()).hasSize(1);
    }

    @Test
    void readerInitiatedReadersWaitForTheReaderToDialIn() throws Exception {
        postJson(reader("gate-9", 5084, ",\"connection\":\"READER_INITIATED\""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.connection").value("READER_INITIATED"));
        await().atMost(Duration.ofSeconds(5)).until(() -> "CONNECTING".equals(state("gate-9")));

        int listenPort = ((LlrpComponent) camel.getComponent("llrp")).listener().port();
        sim = LlrpReaderSimulator.builder().scenario(Scenario.of(java.util.List.of(
                        new ScenarioRow(0, "gate-9", 1, "3034257BF7194E4000019919", null, -50))))
                .loop(true).dial("gate-9", "127.0.0.1", listenPort).build().start();
        await().atMost(Duration.ofSeconds(10)).until(() -> "CONNECTED".equals(state("gate-9")));
    }

    @Test
    void aReaderInitiatedReaderCallingThroughAFrontEndNeedsItInAllowedAddresses() throws Exception {
        // expected from 192.0.2.9, but calling through a NAT on loopback, which its definition allows
        postJson("{\"id\":\"gate-9\",\"host\":\"192.0.2.9\",\"port\":5084,\"connection\":\"READER_INITIATED\","
                + "\"allowedAddresses\":[\"127.0.0.1\"],\"antennas\":[{\"antenna\":1,\"location\":\"GATE-7\",\"direction\":\"IN\"}]}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.allowedAddresses[0]").value("127.0.0.1"));
        int listenPort = ((LlrpComponent) camel.getComponent("llrp")).listener().port();
        sim = LlrpReaderSimulator.builder().scenario(Scenario.of(java.util.List.of(
                        new ScenarioRow(0, "gate-9", 1, "3034257BF7194E4000019919", null, -50))))
                .loop(true).dial("gate-9", "127.0.0.1", listenPort).build().start();
        await().atMost(Duration.ofSeconds(10)).until(() -> "CONNECTED".equals(state("gate-9")));

        postJson(reader("g", 5084, ",\"connection\":\"READER_INITIATED\",\"allowedAddresses\":[\"10.0.0.1; rm\"]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", startsWith("allowedAddresses:")));
    }

    @Test
    void duplicatesConflictAndUnknownReadersAreNotFound() throws Exception {
        postJson(reader("gate-1", 1, "")).andExpect(status().isCreated());
        postJson(reader("gate-1", 2, ""))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("reader 'gate-1' already exists"));
        mvc.perform(get("/api/v1/readers/nope")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(put("/api/v1/readers/nope").contentType(MediaType.APPLICATION_JSON).content(reader("nope", 5084, "")))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/readers/nope")).andExpect(status().isNotFound());
    }

    @Test
    void badInputIsA400NamingTheField() throws Exception {
        postJson(reader("gate-1", 70000, "")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail", startsWith("port:")));
        postJson(reader("bad id!", 5084, "")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", startsWith("id:")));
        postJson("{\"id\":\"g\",\"port\":5084}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", startsWith("host:")));
        postJson(reader("g", 5084, ",\"connection\":\"TCP\"")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", startsWith("connection:")));
        postJson(reader("g", 5084, ",\"connection\":\"READER_INITIATED\",\"tls\":true")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", startsWith("tls:")));
        postJson("{\"id\":\"g\",\"host\":\"h\",\"antennas\":[{\"antenna\":1,\"location\":\"L\",\"direction\":\"UP\"}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", startsWith("antennas[0].direction:")));
        postJson("{\"id\":\"g\",\"host\":\"h\",\"antennas\":[{\"antenna\":\"one\",\"location\":\"L\"}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", startsWith("antennas[0].antenna:")));
        mvc.perform(put("/api/v1/readers/gate-1").contentType(MediaType.APPLICATION_JSON).content(reader("other", 5084, "")))
                .andExpect(status().isNotFound());
        assertThat(connections.all()).isEmpty();
    }

    @Test
    void antennaRolesFromTheApiGiveThePassageItsDirection() throws Exception {
        postJson("{\"id\":\"gantry-3\",\"host\":\"127.0.0.1\",\"port\":1,\"antennas\":["
                + "{\"antenna\":1,\"location\":\"CP-3\",\"lane\":2,\"role\":\"ENTRY\"},"
                + "{\"antenna\":2,\"location\":\"CP-3\",\"lane\":2,\"role\":\"EXIT\"}]}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.antennas[0].role").value("ENTRY"));
        assertThat(readPoints.find("gantry-3", 2)).get().extracting(ReadPoint::role, ReadPoint::lane).containsExactly(ReadPointRole.EXIT, 2);

        // The smoother as the pipeline wires it: read points from the directory, no roles in its policy.
        PassageSmoother smoother = new PassageSmoother(SmoothingPolicy.of(Duration.ofSeconds(2)), readPoints, epc -> null);
        List<Passage> passages = new ArrayList<>();
        PresenceListener collect = new PresenceListener() {
            @Override
            public void arrived(RawEpc epc, String locationId, String readerId, Instant firstSeen) {
            }

            @Override
            public void completed(Passage passage) {
                passages.add(passage);
            }
        };
        RawEpc epc = RawEpc.ofHex("3034257BF7194E4000019919");
        long t = 1_700_000_000_000_000L;
        smoother.accept(new TagRead("gantry-3", 1, epc, null, null, -5000, -1, -1, t, t, 1, t), 0, collect);
        smoother.accept(new TagRead("gantry-3", 2, epc, null, null, -4000, -1, -1, t + 300_000, t + 300_000, 1, t), 0, collect);
        smoother.flush(collect);
        assertThat(passages).singleElement().satisfies(p -> {
            assertThat(p.direction()).isEqualTo(Direction.IN);
            assertThat(p.lane()).isEqualTo(2);
            assertThat(p.locationId()).isEqualTo("CP-3");
        });

        postJson("{\"id\":\"g\",\"host\":\"h\",\"antennas\":[{\"antenna\":1,\"location\":\"L\",\"role\":\"SIDE\"}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", startsWith("antennas[0].role:")));
    }

    @Test
    void tlsReadersDefaultToPort5085() throws Exception {
        postJson("{\"id\":\"secure\",\"host\":\"127.0.0.1\",\"tls\":true}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.port").value(5085))
                .andExpect(jsonPath("$.tls").value(true));
    }
}
