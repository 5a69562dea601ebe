package org.openrfid.trace.service.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageId;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.epcis.EpcisSchema;
import org.openrfid.trace.service.location.LocationInfo;
import org.openrfid.trace.service.passage.EnrichedPassage;

/** Grouping passages into gate transactions, the shared comparison, and the EPCIS events a transaction becomes. */
class GateTransactionUnitTests {

    static final Instant T0 = Instant.parse("2025-06-02T08:00:00Z");
    static final LocationInfo GATE = new LocationInfo("PORT-1", "Port gate", "port_gate", 29.6, 106.7);
    static final EpcisSchema SCHEMA = new EpcisSchema();
    /** Header E2: no EPC scheme, so no pure identity. */
    static final String RAW_TAG = "E2801160200074CF085509E1";

    @Test
    void passagesWithinTheWindowOfTheLastReadGroupAndALaterOneStartsTheNextGroup() {
        GateWindows windows = new GateWindows(Duration.ofSeconds(5));
        Instant wall = T0;
        assertThat(windows.add(passage("31D4257BF405F5E101000000", T0, 6), wall)).isEmpty();
        // starts 4 s after the first passage's last read: same truck
        assertThat(windows.add(passage("31D4257BF405F5E102000000", T0.plusSeconds(10), 2), wall)).isEmpty();
        List<List<EnrichedPassage>> closed = windows.add(passage("31D4257BF405F5E103000000", T0.plusSeconds(18), 2), wall);
        assertThat(closed).hasSize(1);
        assertThat(closed.get(0)).hasSize(2);
        assertThat(windows.closeIdle(wall.plusSeconds(4))).as("still within a window of the last join").isEmpty();
        assertThat(windows.closeIdle(wall.plusSeconds(5))).hasSize(1);
        assertThat(windows.openGroups()).isZero();
        assertThatThrownBy(() -> new GateWindows(Duration.ZERO)).hasMessageContaining("rfid.gate.window");
    }

    @Test
    void gtinQuantitiesCountShortAndOverAndExpectedPalletsCoverTheirCases() {
        GateContents c = contents(List.of(GateItem.unit(GateItem.PALLET, "006141411000000019", "31D4257BF405F5E101000000"),
                new GateItem(GateItem.GOODS, "g1", null, "10037000765438", 1, "006141411000000019"),
                new GateItem(GateItem.GOODS, "g2", "3054024220AC67C0000F4242", "00614141123452", 1, null),
                new GateItem(GateItem.GOODS, "g3", "3054024220AC67C0000F4243", "00614141123452", 1, null),
                GateItem.unit(GateItem.TAG, "E200", "E200")), null);
        GateMatching.Result r = GateMatching.compare(Set.of("006141411000000019", "006141411000000026"), Set.of(),
                Map.of("00614141123452", 1), c);
        assertThat(r.matched()).extracting(GateItem::id).containsExactly("006141411000000019", "g1", "00614141123452");
        assertThat(r.missing()).extracting(GateItem::id).containsExactly("006141411000000026");
        assertThat(r.unexpected()).containsExactly(GateItem.unit(GateItem.TAG, "E200", "E200"), GateItem.gtin("00614141123452", 1));
    }

    /** Every bizStep and disposition the customs and logistics reconcilers give, in a document the official schema accepts. */
    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "PASS, departing, in_transit, customs_declaration, DC-1",
            "INSPECT, inspecting, mismatch_instance, customs_declaration, DC-1",
            "INSPECT, inspecting, mismatch_quantity, -, -",
            "HOLD, holding, non_conformant, customs_declaration, DC/2 x",
            "COMPLETE, receiving, completeness_verified, shipment, ASN-1",
            "INCOMPLETE, receiving, in_progress, shipment, ASN-1",
            "NO_SHIPMENT, arriving, -, -, -"})
    void aTransactionIsAnObjectEventAndAnAggregationEventValidAgainstTheEpcis20Schema(String verdict, String bizStep, String disposition,
                                                                                      String kind, String id) {
        GateTransaction t = transaction("DMOU1000014", new Reconciliation(kind, id, List.of(), List.of(), List.of(), verdict, bizStep,
                disposition, List.of()));
        ObjectNode doc = GateEpcisEvents.document(t, T0.plusSeconds(30));
        assertThat(SCHEMA.validate(doc)).isEmpty();
        JsonNode events = doc.path("epcisBody").path("eventList");
        assertThat(events).hasSize(2);
        JsonNode object = events.get(0);
        assertThat(object.path("type").asText()).isEqualTo("ObjectEvent");
        assertThat(object.path("action").asText()).isEqualTo("OBSERVE");
        assertThat(object.path("bizStep").asText()).isEqualTo(bizStep);
        assertThat(object.path("eventTime").asText()).isEqualTo("2025-06-02T08:00:07.000Z");
        assertThat(object.path("epcList")).extracting(JsonNode::asText).as("a tag with no GS1 identity is left out")
                .containsExactly("urn:epc:id:sscc:0614141.0100000001", "urn:epc:id:sgtin:0037000.176543.1000001");
        assertThat(object.path("eventID").asText()).startsWith("ni:///sha-256;");
        assertThat(object.has("bizTransactionList")).isEqualTo(id != null);
        JsonNode aggregation = events.get(1);
        assertThat(aggregation.path("type").asText()).isEqualTo("AggregationEvent");
        assertThat(aggregation.path("parentID").asText()).isEqualTo("urn:epc:id:bic:DMOU1000014");
        assertThat(aggregation.path("childEPCs")).hasSize(2);
    }

    @Test
    void withoutAContainerOneUnitMakesNoAggregationEventAndNoGs1IdentityNoDocument() {
        Reconciliation r = new Reconciliation(null, null, List.of(), List.of(), List.of(), "PASS", "departing", "in_transit", List.of());
        GateContents one = contents(List.of(GateItem.unit(GateItem.PALLET, "006141411000000019", "31D4257BF405F5E101000000")), null);
        ObjectNode doc = GateEpcisEvents.document(new GateTransaction("gt-1", one, r, T0), T0);
        assertThat(SCHEMA.validate(doc)).isEmpty();
        assertThat(doc.path("epcisBody").path("eventList")).hasSize(1);
        GateContents rawOnly = contents(List.of(GateItem.unit(GateItem.TAG, RAW_TAG, RAW_TAG)), null);
        assertThat(GateEpcisEvents.document(new GateTransaction("gt-2", rawOnly, r, T0), T0)).isNull();
    }

    @Test
    void theIdDependsOnTheLocationAndThePassagesNotOnTheirOrder() {
        GateContents a = new GateContents("PORT-1", null, "port_gate", "OUT", T0, T0, null, null, List.of(), List.of("p1", "p2"));
        GateContents b = new GateContents("PORT-1", null, "port_gate", "OUT", T0, T0, null, null, List.of(), List.of("p2", "p1"));
        GateContents c = new GateContents("PORT-2", null, "port_gate", "OUT", T0, T0, null, null, List.of(), List.of("p1", "p2"));
        assertThat(GateTransactions.idOf(a)).isEqualTo(GateTransactions.idOf(b)).isNotEqualTo(GateTransactions.idOf(c)).startsWith("gt-");
    }

    private static GateTransaction transaction(String container, Reconciliation r) {
        GateContents c = contents(List.of(GateItem.unit(GateItem.TAG, RAW_TAG, RAW_TAG),
                GateItem.unit(GateItem.PALLET, "006141411000000019", "31D4257BF405F5E101000000"),
                new GateItem(GateItem.GOODS, "g1", "3054024220AC67C0000F4241", "10037000765438", 1, "006141411000000019")), container);
        return new GateTransaction("gt-x", c, r, T0.plusSeconds(20));
    }

    private static GateContents contents(List<GateItem> items, String container) {
        return new GateContents("PORT-1", "Port gate", "port_gate", "OUT", T0, T0.plusSeconds(7), null, container, items, List.of("p1"));
    }

    private static EnrichedPassage passage(String epc, Instant first, long seconds) {
        RawEpc raw = RawEpc.ofHex(epc);
        return new EnrichedPassage(new Passage(PassageId.of(raw, GATE.id(), Instants.toMicros(first)), raw, null, GATE.id(), "rdr", 5, first,
                first.plusSeconds(seconds), 3, -50, Direction.OUT), null, GATE);
    }
}
