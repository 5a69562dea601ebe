package org.openrfid.trace.service.road;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads this member's {@link RoadNetwork} when links change and tells the other members over a
 * Hazelcast topic (DESIGN.md §5). A lost message is healed by the periodic reload.
 */
public class RoadLinkChanges implements AutoCloseable {

    static final String TOPIC = "rfid-road-links-changed";
    private static final Logger log = LoggerFactory.getLogger(RoadLinkChanges.class);

    private final RoadNetwork network;
    private final ITopic<String> topic;
    private final UUID registration;

    public RoadLinkChanges(RoadNetwork network, HazelcastInstance hazelcast) {
        this.network = network;
        this.topic = hazelcast.getTopic(TOPIC);
        this.registration = topic.addMessageListener(this::received);
    }

    /** After a change through this member: reload here, then tell the others. */
    public void changed() {
        network.reload();
        try {
            topic.publish("links");
        } catch (RuntimeException e) {
            log.warn("Could not tell the other members that road links changed ({}); their periodic reload catches up", e.toString());
        }
    }

    private void received(Message<String> message) {
        if (message.getPublishingMember() == null || !message.getPublishingMember().localMember()) {
            network.reload();
        }
    }

    @Override
    public void close() {
        try {
            topic.removeMessageListener(registration);
        } catch (RuntimeException e) {
            log.debug("Removing the road link listener: {}", e.toString());
        }
    }
}
