package org.openrfid.trace.service.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.pipeline.ingest.IngestRejection;

class PlateReadJsonUnitTests {

    static final Instant NOW = Instant.parse("2026-11-24T08:00:05Z");
    static final String READ = "{\"cameraId\":\"cam-7\",\"location\":\"CQ-CP-001\",\"plate\":\"渝A·12345\",\"plateColour\":\"Blue\","
            + "\"confidence\":0.93,\"timestamp\":\"2026-11-24T08:00:00.123456789Z\",\"direction\":\"in\"}";

    final PlateReadJson json = new PlateReadJson(new ObjectMapper());

    @Test
    void mapsOneReadNormalisedWithItsDeterministicId() {
        PlateRead r = json.map(READ, null, NOW).get(0).read();
        assertThat(r.cameraId()).isEqualTo("cam-7");
        assertThat(r.locationId()).isEqualTo("CQ-CP-001");
        assertThat(r.plate()).isEqualTo("渝A12345");
        assertThat(r.plateColour()).isEqualTo("blue");
        assertThat(r.confidence()).isEqualTo(0.93);
        assertThat(r.timestamp()).isEqualTo(Instant.parse("2026-11-24T08:00:00.123456Z"));
        assertThat(r.direction()).isEqualTo("IN");
        assertThat(r.receivedAt()).isEqualTo(NOW);
        assertThat(r.id()).isEqualTo(PlateReadIds.of("cam-7", "渝A12345", r.timestamp())).isNotZero();
        assertThat(json.map(READ, null, NOW.plusSeconds(9)).get(0).read().id()).as("the same read re-sent").isEqualTo(r.id());
    }

    @Test
    void takesTheCameraFromTheTransportWhenTheReadNamesNoneAndReadsBatchesEachOnItsOwn() {
        List<PlateReadJson.Mapped> mapped = json.map("{\"reads\":[{\"location\":\"CP-1\",\"plate\":\"渝B54321\",\"timestamp\":1795507200000},"
                + "{\"location\":\"CP-1\",\"plate\":\"??\",\"timestamp\":\"2026-11-24T08:00:00Z\"}]}", "cam-9", NOW);
        assertThat(mapped).hasSize(2);
        assertThat(mapped.get(0).read().cameraId()).isEqualTo("cam-9");
        assertThat(mapped.get(0).read().confidence()).isNaN();
        assertThat(mapped.get(1).read()).isNull();
        assertThat(mapped.get(1).field()).isEqualTo("reads[1].plate");
        assertThat(mapped.get(1).refusal().getMessage()).startsWith("reads[1].plate: ");
        assertThat(mapped.get(1).refusal().reason()).isEqualTo(IngestRejection.Reason.INVALID_FIELD);
    }

    @Test
    void namesTheFieldOfEveryRefusal() {
        assertThat(refusal("{\"location\":\"CP-1\",\"plate\":\"渝A12345\",\"timestamp\":\"2026-11-24T08:00:00Z\"}")).startsWith("cameraId: is required");
        assertThat(refusal("{\"cameraId\":\"c\",\"plate\":\"渝A12345\",\"timestamp\":\"2026-11-24T08:00:00Z\"}")).startsWith("location: is required");
        assertThat(refusal("{\"cameraId\":\"c\",\"location\":\"L\",\"timestamp\":\"2026-11-24T08:00:00Z\"}")).startsWith("plate: is required");
        assertThat(refusal("{\"cameraId\":\"c\",\"location\":\"L\",\"plate\":\"渝A12345\"}")).startsWith("timestamp: is required");
        assertThat(refusal("{\"cameraId\":\"c\",\"location\":\"L\",\"plate\":\"渝A12345\",\"timestamp\":\"yesterday\"}")).startsWith("timestamp: ");
        assertThat(refusal("{\"cameraId\":\"c\",\"location\":\"L\",\"plate\":\"渝A12345\",\"timestamp\":\"2026-11-24T08:00:00Z\",\"confidence\":1.5e3}"))
                .startsWith("confidence: ");
        assertThat(refusal("{\"cameraId\":\"c\",\"location\":\"L\",\"plate\":\"渝A12345\",\"timestamp\":\"2026-11-24T08:00:00Z\",\"direction\":\"UP\"}"))
                .startsWith("direction: ");
    }

    @Test
    void readsPerCentConfidenceAsAFraction() {
        PlateRead r = json.map("{\"cameraId\":\"c\",\"location\":\"L\",\"plate\":\"渝A12345\",\"timestamp\":\"2026-11-24T08:00:00Z\",\"confidence\":87}",
                null, NOW).get(0).read();
        assertThat(r.confidence()).isEqualTo(0.87);
    }

    @Test
    void refusesAPayloadThatIsNoJsonOrHoldsNoRead() {
        assertThatThrownBy(() -> json.map("{oops", null, NOW)).isInstanceOfSatisfying(IngestRejection.class,
                e -> assertThat(e.reason()).isEqualTo(IngestRejection.Reason.MALFORMED_JSON));
        assertThatThrownBy(() -> json.map("{\"reads\":[]}", null, NOW)).hasMessageStartingWith("reads:");
        assertThatThrownBy(() -> json.map("42", null, NOW)).isInstanceOfSatisfying(IngestRejection.class,
                e -> assertThat(e.reason()).isEqualTo(IngestRejection.Reason.UNKNOWN_FORMAT));
    }

    private String refusal(String read) {
        PlateReadJson.Mapped m = json.map(read, null, NOW).get(0);
        assertThat(m.read()).isNull();
        return m.refusal().getMessage();
    }
}
