package org.openrfid.trace.service.road;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.road.jdbc.RoadLinkStoreConfiguration;
import org.openrfid.trace.service.testsupport.AccessSlice;
import org.openrfid.trace.service.testsupport.H2StoreSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Road links as an administrator loads them, with the application's security rules on: a CSV file
 * imported whole (or refused with its lines named), listed as JSON, and the network reloaded at once.
 */
@WebMvcTest
@TestPropertySource(properties = "RFID_ADMIN_PASSWORD=" + RoadLinkApiIntegrationTests.PASSWORD)
class RoadLinkApiIntegrationTests {

    static final String PASSWORD = "road-test-pw";

    @Configuration
    @ComponentScan(basePackages = {"org.openrfid.trace.service.platform.web", "org.openrfid.trace.service.platform.security"},
            excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*Tests\\$.*"))
    @Import({RoadConfiguration.class, RoadLinkStoreConfiguration.class, RoadLinkController.class, H2StoreSlice.class, AccessSlice.class})
    static class Slice {

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        /** A cluster of one, on loopback, with a name of its own so no other test's member joins. */
        @Bean(destroyMethod = "shutdown")
        HazelcastInstance hazelcast() {
            Config config = new Config();
            config.setClusterName("roads-" + UUID.randomUUID());
            config.setProperty("hazelcast.phone.home.enabled", "false");
            config.setProperty("hazelcast.logging.type", "slf4j");
            config.getNetworkConfig().setPort(30_000 + ThreadLocalRandom.current().nextInt(20_000)).setPortAutoIncrement(true);
            config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
            config.setProperty("hazelcast.local.localAddress", "127.0.0.1");
            config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
            config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
            return Hazelcast.newHazelcastInstance(config);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Locations locations;
    @Autowired
    RoadNetwork network;
    @Autowired
    DataSource dataSource;

    @BeforeEach
    void cityOfThreeCheckpoints() {
        new JdbcTemplate(dataSource).update("DELETE FROM road_link");
        locations.save(List.of(new Location("CP-1", "Chaotianmen Bridge", "checkpoint", 29.588, 106.594, null),
                new Location("CP-2", "Jiefangbei", "checkpoint", 29.557, 106.577, null),
                new Location("CP-3", "Shapingba", "checkpoint", 29.541, 106.456, null)));
    }

    @Test
    void anAdminImportsLinksAndTheNetworkUsesThemAtOnce() throws Exception {
        String csv = "from,to,distance_m\nCP-1,CP-2,3367\nCP-3,CP-2,11934.5\n";
        mvc.perform(post("/api/v1/road-links").contentType("text/csv").content(csv).with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rows").value(2));
        assertThat(network.shortest("CP-1", "CP-3")).hasValue(3367 + 11934.5);
        mvc.perform(get("/api/v1/road-links").with(user("traffic").roles("TRAFFIC")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[1].from").value("CP-2"))
                .andExpect(jsonPath("$[1].to").value("CP-3"))
                .andExpect(jsonPath("$[1].distanceM").value(11934.5));
    }

    @Test
    void aFileWithBadLinesIsRefusedWholeWithTheLinesNamed() throws Exception {
        String csv = "from,to,distance_m\nCP-1,CP-2,3367\nCP-1,CP-1,10\nCP-3,CP-2,-4\nCP-2,CP-1,3000\n";
        mvc.perform(post("/api/v1/road-links").contentType("text/csv").content(csv).with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(3)))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("to"))
                .andExpect(jsonPath("$.errors[1].line").value(4))
                .andExpect(jsonPath("$.errors[1].field").value("distance_m"))
                .andExpect(jsonPath("$.errors[2].line").value(5))
                .andExpect(jsonPath("$.errors[2].reason", containsString("line 2")));
        // Once every line reads well, the file's locations are checked against the registry.
        String unknown = "from,to,distance_m\nCP-1,CP-2,3367\nCP-2,CP-9,500\n";
        mvc.perform(post("/api/v1/road-links").contentType("text/csv").content(unknown).with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].reason", containsString("CP-9 is not registered")));
        mvc.perform(get("/api/v1/road-links").with(user("traffic").roles("TRAFFIC"))).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void onlyAdminsMayImportLinks() throws Exception {
        mvc.perform(post("/api/v1/road-links").contentType("text/csv").content("from,to,distance_m\nCP-1,CP-2,1\n")
                .with(user("traffic").roles("TRAFFIC")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/road-links")).andExpect(status().isUnauthorized());
    }
}
