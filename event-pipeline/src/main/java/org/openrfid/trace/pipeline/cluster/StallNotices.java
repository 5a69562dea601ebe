package org.openrfid.trace.pipeline.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import java.util.UUID;

/**
 * "A member's read-log appends are stuck": published by the member whose appends wait, heard by every
 * member (itself included). A topic, not a partitioned structure, because it must get through while some
 * partitions do not answer. The only class that touches this topic.
 */
final class StallNotices {

    static final String TOPIC = "rfid-ingest-stalls";

    private final ITopic<String> topic;

    StallNotices(HazelcastInstance hazelcast) {
        this.topic = hazelcast.getTopic(TOPIC);
    }

    /** Tells every member that appends from {@code memberUuid} have been waiting. */
    void publish(String memberUuid) {
        topic.publish(memberUuid);
    }

    /** Tells {@code onStall} the uuid of each member that reports a stall. */
    UUID listen(java.util.function.Consumer<String> onStall) {
        return topic.addMessageListener(message -> onStall.accept(message.getMessageObject()));
    }

    void stopListening(UUID registration) {
        topic.removeMessageListener(registration);
    }
}
