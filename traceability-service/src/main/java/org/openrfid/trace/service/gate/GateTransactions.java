package org.openrfid.trace.service.gate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openrfid.trace.service.epcis.EpcisEventStore;
import org.openrfid.trace.service.epcis.EpcisSchema;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a gate transaction of a closed group of passages: resolves it, asks the reconciler of the
 * gate's kind, stores it, tells the reconciler, and captures its EPCIS events (schema-checked, so
 * {@code GET /epcis/events} lists them); then tells its listeners (the console's live desks). Gates of a
 * kind no reconciler answers for are left alone.
 */
public class GateTransactions {

    private static final Logger log = LoggerFactory.getLogger(GateTransactions.class);

    private final Map<String, GateReconciler> reconcilers;
    private final GateContentsResolver resolver;
    private final GateTransactionStore store;
    private final EpcisEventStore epcis;
    private final EpcisSchema schema;
    private final Clock clock;
    private final List<Consumer<GateTransaction>> listeners = new CopyOnWriteArrayList<>();

    public GateTransactions(List<GateReconciler> reconcilers, GateContentsResolver resolver, GateTransactionStore store,
                            EpcisEventStore epcis, EpcisSchema schema, Clock clock) {
        this.reconcilers = reconcilers.stream().collect(Collectors.toMap(GateReconciler::locationKind, Function.identity()));
        this.resolver = resolver;
        this.store = store;
        this.epcis = epcis;
        this.schema = schema;
        this.clock = clock;
    }

    /**
     * Called once with every new transaction after it is stored and reconciled (a replay calls nothing), on
     * the thread that records it: a listener hands slow work (rendering, network) to its own thread.
     */
    public void listen(Consumer<GateTransaction> listener) {
        listeners.add(listener);
    }

    /** True when transactions are made at locations of this kind. */
    public boolean watches(String locationKind) {
        return locationKind != null && reconcilers.containsKey(locationKind);
    }

    /** The transaction of the group (stored once, whatever the replays), or empty at a gate nobody reconciles. */
    public Optional<GateTransaction> record(List<EnrichedPassage> group) {
        if (group.isEmpty()) {
            return Optional.empty();
        }
        GateContents contents = resolver.resolve(group);
        GateReconciler reconciler = reconcilers.get(contents.locationKind());
        if (reconciler == null) {
            return Optional.empty();
        }
        GateTransaction t = new GateTransaction(idOf(contents), contents, reconciler.reconcile(contents), clock.instant());
        if (store.save(t)) {
            reconciler.recorded(t);
            capture(t);
            tell(t);
        }
        return store.find(t.id());
    }

    private void tell(GateTransaction t) {
        for (Consumer<GateTransaction> listener : listeners) {
            try {
                listener.accept(t);
            } catch (RuntimeException e) {
                // a listener's failure must not lose the transaction nor keep it from the other listeners
                log.warn("Gate transaction listener failed on {}: {}", t.id(), e.toString());
            }
        }
    }

    private void capture(GateTransaction t) {
        ObjectNode doc = GateEpcisEvents.document(t, t.recordedAt());
        if (doc == null) {
            return;
        }
        List<String> errors = schema.validate(doc);
        if (!errors.isEmpty()) {
            // Never expected (the unit tests validate every shape); logged rather than losing the transaction.
            log.warn("Gate transaction {} makes no valid EPCIS document: {}", t.id(), errors);
            return;
        }
        epcis.capture(doc, t.recordedAt());
    }

    /** A hash of the location and the grouped passages: the same passages give the same id. */
    static String idOf(GateContents c) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(c.locationId().getBytes(StandardCharsets.UTF_8));
            c.passages().stream().sorted().forEach(p -> sha.update(("|" + p).getBytes(StandardCharsets.UTF_8)));
            return "gt-" + HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
