package org.openrfid.trace.service.ingest;

import org.openrfid.trace.pipeline.ingest.ReaderJsonMapper;
import org.openrfid.trace.service.pipeline.MqttIngestSubscriber;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.reader.TagRead;
import org.openrfid.trace.reader.TagReadBatch;

class ReadIngestUnitTests {

    private static final Instant NOW = Instant.parse("2025-01-01T08:00:00Z");

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final DeadLetters deadLetters = new DeadLetters(3, clock, registry);
    final List<TagReadBatch> batches = new ArrayList<>();
    final ReadIngest ingest = new ReadIngest(new ReaderJsonMapper(new ObjectMapper()), batches::add, deadLetters, clock, 1000, registry);

    @Test
    void genericFormat() {
        ReadIngest.Result result = ingest.ingest("""
                {"readerId":"gantry-7","reads":[
                  {"epc":"3034257BF7194E4000001A85","antenna":2,"rssi":-55.5,"timestamp":"2025-01-01T07:59:59.250Z","tid":"e2801160","count":3},
                  {"epc":"urn:epc:tag:sgtin-96:3.0614141.812345.6789","timestamp":1735718399500000}]}""", "http", null);

        assertThat(result.refused()).isEmpty();
        assertThat(batches).singleElement().satisfies(b -> {
            assertThat(b.readerId()).isEqualTo("gantry-7");
            TagRead first = b.reads().get(0);
            assertThat(first.antenna()).isEqualTo(2);
            assertThat(first.peakRssiCdbm()).isEqualTo(-5550);
            assertThat(first.tidHex()).isEqualTo("E2801160");
            assertThat(first.seenCount()).isEqualTo(3);
            assertThat(first.lastSeenMicros()).isEqualTo(Instants.toMicros(Instant.parse("2025-01-01T07:59:59.250Z")));
            TagRead second = b.reads().get(1);
            assertThat(second.epc().toHex()).isEqualTo("3074257BF7194E4000001A85");
            assertThat(second.hasRssi()).isFalse();
            assertThat(second.lastSeenMicros()).isEqualTo(1735718399500000L);
        });
    }

    @Test
    void impinjNdjsonStreamBecomesOneBatchPerReader() {
        String event = """
                {"timestamp":"2025-01-01T07:59:59.900Z","hostname":"impinj-12-34-56","eventType":"tagInventory","tagInventoryEvent":{"epcHex":"3034257BF7194E4000001A8%d","antennaPort":%d,"antennaName":"1","peakRssiCdbm":-4850,"frequency":915250,"transmitPowerCdbm":3000,"tidHex":"E2801160200074CF085109AD","lastSeenTime":"2025-01-01T07:59:59.8%d0Z"}}""";
        String stream = String.format(event, 5, 1, 1) + "\n" + String.format(event, 6, 2, 2) + "\n"
                + "{\"timestamp\":\"2025-01-01T08:00:00Z\",\"hostname\":\"impinj-12-34-56\",\"eventType\":\"inventoryStatus\",\"inventoryStatusEvent\":{\"inventoryStatus\":\"running\"}}\n";

        ReadIngest.Result result = ingest.ingest(stream, "http", null);

        assertThat(result.reads()).isEqualTo(2);
        assertThat(batches).singleElement().satisfies(b -> {
            assertThat(b.readerId()).isEqualTo("impinj-12-34-56");
            assertThat(b.reads()).extracting(TagRead::antenna).containsExactly(1, 2);
            assertThat(b.reads().get(0).peakRssiCdbm()).isEqualTo(-4850);
            assertThat(b.reads().get(0).tidHex()).isEqualTo("E2801160200074CF085109AD");
            assertThat(b.reads().get(1).lastSeenMicros()).isEqualTo(Instants.toMicros(Instant.parse("2025-01-01T07:59:59.820Z")));
        });
    }

    @Test
    void zebraDataEventsTakeTheReaderFromTheTransport() {
        String events = """
                [{"data":{"eventNum":127,"format":"epc","idHex":"3034257BF7194E4000001A85","antenna":3,"peakRssi":-52,"reads":4,"TID":"E2003412"},
                  "timestamp":"2025-01-01T07:59:58.123+0000","type":"SIMPLE"},
                 {"data":{"eventNum":128,"format":"epc","idHex":"3034257BF7194E4000001A86","antenna":1,"peakRssi":-61.5,"reads":1},
                  "timestamp":"2025-01-01T07:59:58.200Z","type":"SIMPLE"}]""";

        ReadIngest.Result result = ingest.ingest(events, "mqtt:rfid/reads/fx9600-1", "fx9600-1");

        assertThat(result.refused()).isEmpty();
        assertThat(batches).singleElement().satisfies(b -> {
            assertThat(b.readerId()).isEqualTo("fx9600-1");
            assertThat(b.reads().get(0).antenna()).isEqualTo(3);
            assertThat(b.reads().get(0).peakRssiCdbm()).isEqualTo(-5200);
            assertThat(b.reads().get(0).seenCount()).isEqualTo(4);
            assertThat(b.reads().get(0).lastSeenMicros()).isEqualTo(Instants.toMicros(Instant.parse("2025-01-01T07:59:58.123Z")));
            assertThat(b.reads().get(1).peakRssiCdbm()).isEqualTo(-6150);
        });
    }

    @Test
    void badMessagesAreDeadLetteredWithTheirReasonAndTheGoodOnesStillGoIn() {
        String stream = """
                {"readerId":"r1","reads":[{"epc":"3034257BF7194E4000001A85"}]}
                {"readerId":"r1","reads":[{"epc":"not-hex!"}]}
                {"readerId":"r1","reads":[{"epc":"3034257BF7194E4000001A86"}]}
                """;

        ReadIngest.Result result = ingest.ingest(stream, "http", null);

        assertThat(result.reads()).isEqualTo(2);
        assertThat(result.refused()).singleElement().satisfies(r -> {
            assertThat(r.message()).isEqualTo(1);
            assertThat(r.reason()).isEqualTo("invalid_field");
            assertThat(r.detail()).startsWith("reads[0].epc:");
        });
        assertThat(batches).singleElement().satisfies(b -> assertThat(b.size()).isEqualTo(2));
        assertThat(deadLetters.newest(10)).singleElement().satisfies(d -> assertThat(d.payload()).contains("not-hex!"));
        assertThat(registry.get("rfid.ingest.rejected").tag("reason", "invalid_field").counter().count()).isEqualTo(1.0);
    }

    @Test
    void everyKindOfGarbageHasAReason() {
        assertThat(refusal("{not json")).isEqualTo("malformed_json");
        assertThat(refusal("")).isEqualTo("malformed_json");
        assertThat(refusal("{\"hello\":1}")).isEqualTo("unknown_format");
        assertThat(refusal("{\"reads\":[{\"epc\":\"3034\"}]}")).isEqualTo("no_reader_id");
        assertThat(refusal("{\"readerId\":\"r\",\"reads\":[{\"antenna\":1}]}")).isEqualTo("missing_field");
        assertThat(refusal("{\"readerId\":\"r\",\"reads\":[{\"epc\":\"3034\",\"antenna\":-1}]}")).isEqualTo("invalid_field");
        assertThat(refusal("{\"readerId\":\"r\",\"reads\":[{\"epc\":\"3034\",\"timestamp\":\"yesterday\"}]}")).isEqualTo("invalid_field");
        assertThat(refusal("{\"eventType\":\"tagInventory\",\"hostname\":\"h\"}")).isEqualTo("missing_field");
        assertThat(refusal("{\"data\":{\"antenna\":1},\"type\":\"SIMPLE\"}")).isEqualTo("no_reader_id");
        assertThat(batches).isEmpty();
        assertThat(deadLetters.newest(100)).hasSize(3); // bounded
    }

    private String refusal(String payload) {
        ReadIngest.Result result = ingest.ingest(payload, "http", null);
        assertThat(result.acceptedNothing()).as(payload).isTrue();
        return result.refused().get(0).reason();
    }

    @Test
    void readerIsTheFirstTopicLevelBelowTheFilter() {
        assertThat(MqttIngestSubscriber.readerFromTopic("rfid/reads/#", "rfid/reads/gantry-7")).isEqualTo("gantry-7");
        assertThat(MqttIngestSubscriber.readerFromTopic("rfid/reads/#", "rfid/reads/gantry-7/d-evt")).isEqualTo("gantry-7");
        assertThat(MqttIngestSubscriber.readerFromTopic("rfid/+/events", "rfid/dock-3/events")).isEqualTo("dock-3");
        assertThat(MqttIngestSubscriber.readerFromTopic("rfid/reads/#", "rfid/reads")).isNull();
    }

    @Test
    void trimKeepsRecentSegmentsAndDropsOnesOlderThanTheKeepPeriod(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        ReadJournal journal = new ReadJournal(dir, 1 << 20);
        ingest.journalTo(journal);
        String payload = "{\"readerId\":\"gantry-7\",\"reads\":[{\"epc\":\"3034257BF7194E4000001A85\",\"timestamp\":\"2025-01-01T07:59:59Z\"}]}";
        ingest.ingest(payload, "http", null);
        java.nio.file.Path first = journal.segments().get(0);

        assertThat(ingest.trim(java.time.Duration.ofMinutes(15), Instant.now())).as("a fresh segment is kept").isZero();
        assertThat(journal.segments()).contains(first).hasSize(2);

        java.nio.file.Files.setLastModifiedTime(first, java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(16 * 60)));
        ingest.ingest(payload, "http", null);
        assertThat(ingest.trim(java.time.Duration.ofMinutes(15), Instant.now())).isEqualTo(1);
        assertThat(journal.segments()).doesNotContain(first).hasSize(2);
        assertThat(batches).hasSize(2);
        journal.close();
    }
}
