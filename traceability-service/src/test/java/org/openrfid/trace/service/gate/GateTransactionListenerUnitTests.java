package org.openrfid.trace.service.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageId;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.location.LocationInfo;
import org.openrfid.trace.service.passage.EnrichedPassage;

/** The hook the console's live desks listen on: told once per new transaction, never for a replay, never stopped by a failing listener. */
class GateTransactionListenerUnitTests {

    static final Instant T0 = Instant.parse("2025-06-02T08:00:00Z");
    static final LocationInfo PORT = new LocationInfo("PORT-1", "Port gate", "port_gate", 29.6, 106.7);
    static final LocationInfo DOCK = new LocationInfo("DOCK-1", "Dock door", "dock_door", 29.6, 106.7);
    /** Header E2: no GS1 identity, so no EPCIS document is made and no EPCIS store is needed. */
    static final String RAW_TAG = "E2801160200074CF085509E1";

    @Test
    void listenersHearEachNewTransactionOnceAndAFailingOneDoesNotStopTheOthers() {
        GateTransactions transactions = transactions();
        List<GateTransaction> heard = new ArrayList<>();
        transactions.listen(t -> {
            throw new IllegalStateException("a page went away");
        });
        transactions.listen(heard::add);

        Optional<GateTransaction> recorded = transactions.record(List.of(passage(PORT, RAW_TAG)));
        transactions.record(List.of(passage(PORT, RAW_TAG))); // the same passages again: a replay

        assertThat(recorded).isPresent();
        assertThat(heard).containsExactly(recorded.get());
        assertThat(heard.get(0).reconciliation().verdict()).as("told after it was reconciled").isEqualTo("PASS");
    }

    @Test
    void aGateNobodyReconcilesTellsNobody() {
        GateTransactions transactions = transactions();
        List<GateTransaction> heard = new ArrayList<>();
        transactions.listen(heard::add);

        assertThat(transactions.record(List.of(passage(DOCK, RAW_TAG)))).isEmpty();
        assertThat(heard).isEmpty();
    }

    private static GateTransactions transactions() {
        GateReconciler port = new GateReconciler() {
            @Override
            public String locationKind() {
                return "port_gate";
            }

            @Override
            public Reconciliation reconcile(GateContents contents) {
                return new Reconciliation(null, null, List.of(), List.of(), contents.items(), "PASS", "departing", "in_transit", List.of());
            }
        };
        // bare tags need no registry to be resolved
        return new GateTransactions(List.of(port), new GateContentsResolver(null, null, null, null), new MemoryStore(), null, null,
                Clock.fixed(T0, ZoneOffset.UTC));
    }

    private static EnrichedPassage passage(LocationInfo at, String epc) {
        RawEpc raw = RawEpc.ofHex(epc);
        return new EnrichedPassage(new Passage(PassageId.of(raw, at.id(), Instants.toMicros(T0)), raw, null, at.id(), "rdr", 1, T0,
                T0.plusSeconds(2), 3, -50, Direction.OUT), null, at);
    }

    private static final class MemoryStore implements GateTransactionStore {
        private final Map<String, GateTransaction> stored = new LinkedHashMap<>();

        @Override
        public boolean save(GateTransaction transaction) {
            return stored.putIfAbsent(transaction.id(), transaction) == null;
        }

        @Override
        public Optional<GateTransaction> find(String id) {
            return Optional.ofNullable(stored.get(id));
        }

        @Override
        public List<GateTransaction> find(Query query, Cursor after, int limit) {
            return List.copyOf(stored.values());
        }
    }
}
