package org.openrfid.trace.service.alert.rules.customs;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Applies committed customs-hold changes to this member's {@link CustomsHolds} and tells the other
 * members over a Hazelcast topic (a message per change: objects, then ended entry ids). A lost message
 * is healed by the holds' full reload.
 */
public final class CustomsHoldRelay implements AutoCloseable {
    static final String TOPIC = "rfid-customs-hold-changes";
    private static final Logger log = LoggerFactory.getLogger(CustomsHoldRelay.class);
    private final CustomsHolds holds;
    private final ITopic<String> topic;
    private final UUID registration;

    public CustomsHoldRelay(CustomsHolds holds, HazelcastInstance hazelcast) {
        this.holds = holds;
        this.topic = hazelcast.getTopic(TOPIC);
        this.registration = topic.addMessageListener(this::received);
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void changed(WatchlistChanged change) {
        holds.changed(change);
        try {
            topic.publish(encode(change));
        } catch (RuntimeException e) {
            log.warn("Could not tell the other members of a customs hold change ({}); their full reload catches up", e.toString());
        }
    }

    private void received(Message<String> message) {
        if (message.getPublishingMember() != null && message.getPublishingMember().localMember()) {
            return;
        }
        try {
            holds.changed(decode(message.getMessageObject()));
        } catch (RuntimeException e) {
            log.warn("Ignoring a customs hold change message: {}", e.toString());
        }
    }

    static String encode(WatchlistChanged c) {
        return String.join("\n", c.objects()) + "|" + String.join(",", c.endedEntries().stream().map(String::valueOf).toList());
    }

    static WatchlistChanged decode(String m) {
        int bar = m.lastIndexOf('|');
        Set<String> objects = new HashSet<>();
        for (String o : m.substring(0, bar).split("\n")) {
            if (!o.isEmpty()) {
                objects.add(o);
            }
        }
        Set<Long> ids = new HashSet<>();
        Arrays.stream(m.substring(bar + 1).split(",")).filter(s -> !s.isEmpty()).forEach(s -> ids.add(Long.parseLong(s)));
        return new WatchlistChanged(objects, ids);
    }

    @Override
    public void close() {
        try {
            topic.removeMessageListener(registration);
        } catch (RuntimeException e) {
            log.debug("Removing the customs hold listener: {}", e.toString());
        }
    }
}
