package org.openrfid.trace.service.enrichment;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Applies registry changes to this member's enrichment caches once they are committed, and relays
 * them to the other members over a Hazelcast topic (DESIGN.md §5: Hazelcast fans events out). A topic
 * message can be lost when a member leaves mid-change; the caches' expiry and periodic reload bound
 * how long such a member stays stale.
 */
public final class RegistryChangeRelay implements AutoCloseable {

    static final String TOPIC = "rfid-registry-changes";
    /** Beyond this many tags one change invalidates the whole binding cache: a message stays small. */
    static final int MAX_TAGS_PER_MESSAGE = 1_000;
    private static final Logger log = LoggerFactory.getLogger(RegistryChangeRelay.class);
    private static final String LOCATIONS = "L";
    private static final String ALL_BINDINGS = "B*";
    private static final String BINDINGS = "B:";

    private final BindingCache bindings;
    private final LocationCache locations;
    private final ITopic<String> topic;
    private final UUID registration;

    public RegistryChangeRelay(HazelcastInstance hazelcast, BindingCache bindings, LocationCache locations) {
        this.bindings = bindings;
        this.locations = locations;
        this.topic = hazelcast.getTopic(TOPIC);
        this.registration = topic.addMessageListener(this::received);
    }

    /** Runs after the change's transaction commits, or at once when there is none. */
    @TransactionalEventListener(fallbackExecution = true)
    public void changed(RegistryChanged change) {
        String message = encode(change);
        apply(message);
        try {
            topic.publish(message);
        } catch (RuntimeException e) {
            log.warn("Could not tell the other members of a registry change ({}); their caches expire it later", e.toString());
        }
    }

    private void received(Message<String> message) {
        if (message.getPublishingMember() != null && message.getPublishingMember().localMember()) {
            return; // applied when published
        }
        apply(message.getMessageObject());
    }

    static String encode(RegistryChanged change) {
        if (change instanceof RegistryChanged.BindingsChanged b) {
            return b.epcHex().size() > MAX_TAGS_PER_MESSAGE ? ALL_BINDINGS : BINDINGS + String.join(",", b.epcHex());
        }
        return LOCATIONS;
    }

    void apply(String message) {
        if (LOCATIONS.equals(message)) {
            locations.refresh();
        } else if (ALL_BINDINGS.equals(message)) {
            bindings.invalidateAll();
        } else if (message.startsWith(BINDINGS)) {
            String list = message.substring(BINDINGS.length());
            bindings.invalidate(list.isEmpty() ? Set.of() : Arrays.asList(list.split(",")));
        } else {
            log.warn("Ignoring an unknown registry change message '{}'", message);
        }
    }

    @Override
    public void close() {
        try {
            topic.removeMessageListener(registration);
        } catch (RuntimeException e) {
            log.debug("Removing the registry change listener: {}", e.toString());
        }
    }
}
