package org.openrfid.trace.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.passage.PassageId;
import org.openrfid.trace.passage.ReadPoint;
import org.openrfid.trace.passage.ReadPointDirectory;
import org.openrfid.trace.passage.ReadPointRole;
import org.openrfid.trace.service.location.LocationInfo;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.service.passage.LivePassages;
import org.openrfid.trace.pipeline.PipelineEndpoints;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.TagRead;
import org.openrfid.trace.reader.TagReadBatch;
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.service.registry.binding.NewBinding;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.Tag;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.binding.Tags;
import org.openrfid.trace.service.passage.PassageStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads into the running application (H2GIS): locations imported as CSV, a tag bound and re-bound
 * through the registry, reads sent to the pipeline's reads queue. The stored passages carry the
 * object bound at their first-seen time, lane and read points; live watchers see location kinds; a
 * location imported as a dock door gets the dock-door silence with no per-location property.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rfid.demo.enabled=false",
        "rfid.pipeline.forwarding=cluster", // through the cluster layer, as a node with members runs it
        "RFID_ADMIN_PASSWORD=" + EnrichedPipelineIntegrationTests.PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:enriched-pipeline;DB_CLOSE_DELAY=-1",
        "rfid.pipeline.silence-by-kind.dock_door=8s",
})
class EnrichedPipelineIntegrationTests {

    static final String PASSWORD = "enrich-test-password";
    private static final RawEpc TRUCK = RawEpc.ofHex("3074257BF7194E4000E00001");
    private static final RawEpc STRANGER = RawEpc.ofHex("3074257BF7194E4000E00002");

    @Autowired
    TestRestTemplate http;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;
    @Autowired
    Tags tags;
    @Autowired
    TagBindings bindings;
    @Autowired
    ReadPointDirectory readPoints;
    @Autowired
    PipelineEndpoints endpoints;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    PassageStore store;
    @Autowired
    LivePassages live;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void readsBecomeStoredPassagesWithTheObjectBoundThenLaneReadPointsAndLocationKind() {
        ResponseEntity<String> imported = http.withBasicAuth("admin", PASSWORD).exchange(RequestEntity.post("/api/v1/locations/import")
                .contentType(MediaType.parseMediaType("text/csv"))
                .body("id,name,kind,lat,lon,parent\nENR-CP-1,North gate,checkpoint,29.5586,106.5770,\n"
                        + "ENR-DOCK-1,Hub dock 1,dock_door,29.6100,106.2900,\n"), String.class);
        assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(HttpStatus.OK);

        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant gantryTime = now.minus(Duration.ofMinutes(90));
        tags.save(List.of(new Tag(TRUCK, null)));
        bindings.bind(List.of(new NewBinding(TRUCK.toHex(), ObjectKind.VEHICLE, "V-OLD", now.minus(Duration.ofHours(3)))));
        bindings.bind(List.of(new NewBinding(TRUCK.toHex(), ObjectKind.VEHICLE, "V-NEW", now.minus(Duration.ofHours(1)))));

        readPoints.put(new ReadPoint("enr-gantry", 1, "ENR-CP-1", Direction.IN, 2, ReadPointRole.NONE));
        readPoints.put(new ReadPoint("enr-gantry", 2, "ENR-CP-1", Direction.IN, 2, ReadPointRole.NONE));
        readPoints.put(ReadPoint.wholeReader("enr-door", "ENR-DOCK-1"));
        List<EnrichedPassage> seen = new CopyOnWriteArrayList<>();
        live.subscribeEnriched(seen::addAll);

        // The truck passed the gantry 90 minutes ago (before its tag was re-bound), a stranger with it.
        producer.sendBody(endpoints.reads(), new TagReadBatch("enr-gantry", List.of(
                read("enr-gantry", 1, TRUCK, gantryTime, -5500),
                read("enr-gantry", 2, TRUCK, gantryTime.plusMillis(200), -4800),
                read("enr-gantry", 1, STRANGER, gantryTime.plusMillis(50), -6000))));
        // Now it waits in the dock door, unseen for 5 s (one passage under the 8 s dock-door silence).
        Instant dockTime = now.minusSeconds(8);
        producer.sendBody(endpoints.reads(), new TagReadBatch("enr-door", List.of(read("enr-door", 3, TRUCK, dockTime, -5000))));
        producer.sendBody(endpoints.reads(), new TagReadBatch("enr-door", List.of(read("enr-door", 3, TRUCK, dockTime.plusSeconds(5), -5100))));

        String gantryPassage = PassageId.of(TRUCK, "ENR-CP-1", Instants.toMicros(gantryTime));
        String strangerPassage = PassageId.of(STRANGER, "ENR-CP-1", Instants.toMicros(gantryTime.plusMillis(50)));
        String dockPassage = PassageId.of(TRUCK, "ENR-DOCK-1", Instants.toMicros(dockTime));
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250)).until(() ->
                store.find(gantryPassage).isPresent() && store.find(strangerPassage).isPresent() && store.find(dockPassage).isPresent());

        assertThat(store.findEnriched(gantryPassage)).hasValueSatisfying(e -> {
            assertThat(e.object()).as("bound before the re-bind").isEqualTo(new BoundObject(ObjectKind.VEHICLE, "V-OLD"));
            assertThat(e.passage().lane()).isEqualTo(2);
            assertThat(e.passage().readPoints()).containsExactly("enr-gantry/1", "enr-gantry/2");
        });
        String api = http.withBasicAuth("admin", PASSWORD).getForObject("/api/v1/passages?limit=10", String.class);
        assertThat(api).as("the passages API shows lane and read points").contains("\"lane\":2")
                .contains("\"readPoints\":[\"enr-gantry/1\",\"enr-gantry/2\"]");
        assertThat(store.findEnriched(strangerPassage)).hasValueSatisfying(e -> assertThat(e.object()).as("unbound, still stored").isNull());
        assertThat(store.findEnriched(dockPassage)).hasValueSatisfying(e -> {
            assertThat(e.object()).isEqualTo(new BoundObject(ObjectKind.VEHICLE, "V-NEW"));
            assertThat(e.passage().reads()).as("one passage across the 5 s pause").isEqualTo(2);
        });
        assertThat(jdbc.queryForList("SELECT object_kind, object_id FROM passage WHERE id = ?", gantryPassage))
                .containsExactly(Map.of("OBJECT_KIND", "VEHICLE", "OBJECT_ID", "V-OLD"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM passage WHERE location_id = 'ENR-DOCK-1'", Integer.class)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(meters.get("rfid.reads.passaged").tag("location", "ENR-DOCK-1").counter().count()).isEqualTo(2.0);
            assertThat(meters.get("rfid.passages.stored").tag("location", "ENR-DOCK-1").counter().count()).isEqualTo(1.0);
        });

        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() >= 3);
        assertThat(seen).filteredOn(e -> e.passage().id().equals(dockPassage)).singleElement().satisfies(e -> {
            assertThat(e.location().kind()).isEqualTo("dock_door");
            assertThat(e.location().name()).isEqualTo("Hub dock 1");
            assertThat(e.object()).isEqualTo(new BoundObject(ObjectKind.VEHICLE, "V-NEW"));
        });
        assertThat(seen).filteredOn(e -> e.passage().id().equals(gantryPassage)).singleElement()
                .satisfies(e -> assertThat(e.location()).isEqualTo(new LocationInfo("ENR-CP-1", "North gate", "checkpoint", 29.5586, 106.5770)));
    }

    private static TagRead read(String reader, int antenna, RawEpc epc, Instant at, int rssiCdbm) {
        long micros = Instants.toMicros(at);
        return new TagRead(reader, antenna, epc, null, null, rssiCdbm, 0, 0, micros, micros, 1, Instants.toMicros(Instant.now()));
    }
}
