package org.openrfid.trace.pipeline.cluster;

import com.hazelcast.core.HazelcastInstance;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads held up in a stalled append are late, not absent; but the owners of their locations only see
 * silence, and silence longer than silence + lateness on the wall clock closes presences early (a tag
 * read throughout would become two passages). So a member whose appends wait longer than
 * {@link ClusterSmoothing#STALL_AFTER} tells every member ({@link StallNotices}), and they restart their
 * readers' quiet time, again every half second while the stall lasts: no presence closes before its reads
 * had a chance to arrive.
 *
 * <p>{@link #watch} runs on the control thread ({@code rfid-cluster-control}), which alone touches the time
 * of the last notice; other members' notices arrive on Hazelcast's event thread and only queue a hold for
 * the smoother.
 */
final class StallWatch {

    private static final Logger log = LoggerFactory.getLogger(ClusterSmoothing.class);
    private static final long NOTICE_EVERY_NANOS = 500_000_000L;

    private final HazelcastInstance hazelcast;
    private final StallNotices notices;
    private final AppendsInFlight inFlight;
    private final OwnedLocationSmoothing smoothing;
    private final BooleanSupplier closed;
    private final AtomicLong stallsHeard = new AtomicLong();
    private long lastNoticeNanos; // control thread
    private UUID listener;

    StallWatch(HazelcastInstance hazelcast, StallNotices notices, AppendsInFlight inFlight, OwnedLocationSmoothing smoothing,
               BooleanSupplier closed) {
        this.hazelcast = hazelcast;
        this.notices = notices;
        this.inFlight = inFlight;
        this.smoothing = smoothing;
        this.closed = closed;
    }

    /** Acts on other members' stall notices from now on; this member's own are held at once, without the round trip. */
    void listen() {
        String me = localMember();
        listener = notices.listen(member -> {
            if (!member.equals(me)) {
                holdQuietTime();
            }
        });
    }

    void stopListening() {
        if (listener != null) {
            notices.stopListening(listener);
        }
    }

    /** Control thread, every check period: notices and holds while this member's appends are stalled. */
    void watch() {
        if (closed.getAsBoolean() || inFlight.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        long oldest = inFlight.oldestStartNanos(now);
        if (now - oldest > ClusterSmoothing.STALL_AFTER.toNanos() && now - lastNoticeNanos > NOTICE_EVERY_NANOS) {
            lastNoticeNanos = now;
            try {
                notices.publish(localMember());
            } catch (RuntimeException e) {
                log.debug("stall notice not published", e);
            }
            holdQuietTime(); // here at once, whatever the topic does
        }
    }

    private void holdQuietTime() {
        if (!closed.getAsBoolean()) {
            stallsHeard.incrementAndGet();
            smoothing.sendHoldQuietTime();
        }
    }

    private String localMember() {
        return hazelcast.getCluster().getLocalMember().getUuid().toString();
    }

    long stallsHeard() {
        return stallsHeard.get();
    }
}
