package org.openrfid.trace.service.platform.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.TimeUnit;
import org.openrfid.trace.pipeline.cluster.ClusterSmoothing;
import org.openrfid.trace.service.readerfleet.ReaderConnections;

/**
 * The cluster on {@code /actuator/prometheus}, as this member sees it:
 * <ul>
 *   <li>{@code rfid_cluster_members} — members in the cluster;</li>
 *   <li>{@code rfid_cluster_locations_owned} — locations whose smoothing runs here;</li>
 *   <li>{@code rfid_cluster_readers_held} — reader connections held here;</li>
 *   <li>{@code rfid_cluster_reads_forwarded_total} — reads appended to the read log of a location another
 *       member owns;</li>
 *   <li>{@code rfid_cluster_read_log_append_seconds} — per reader batch, until every location's chunk and its
 *       backup are written (a timer: count, sum, max, and histogram buckets);</li>
 *   <li>{@code rfid_cluster_snapshot_age_seconds} — how old the backed-up presences of this member's
 *       locations are (about the snapshot period when healthy);</li>
 *   <li>{@code rfid_cluster_takeovers_total{kind="location"|"reader"}} — locations taken with another
 *       member's snapshot, reader connections taken from a member that died.</li>
 * </ul>
 */
public final class ClusterMetrics implements MeterBinder {

    private final HazelcastInstance hazelcast;
    private final ClusterSmoothing smoothing;
    private final ReaderConnections readers;

    /** @param smoothing null when reads are smoothed locally ({@code rfid.pipeline.forwarding=local}) */
    public ClusterMetrics(HazelcastInstance hazelcast, ClusterSmoothing smoothing, ReaderConnections readers) {
        this.hazelcast = hazelcast;
        this.smoothing = smoothing;
        this.readers = readers;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("rfid.cluster.members", hazelcast, ClusterMetrics::members)
                .description("members in the cluster, as this member sees it").register(registry);
        FunctionCounter.builder("rfid.cluster.takeovers", readers, ReaderConnections::takeovers).tag("kind", "reader")
                .description("locations taken with another member's snapshot; reader connections taken from a dead member")
                .register(registry);
        Gauge.builder("rfid.cluster.readers.held", readers, r -> r.heldHere().size())
                .description("reader connections held by this member").register(registry);
        if (smoothing == null) {
            return; // rfid.pipeline.forwarding=local: reads are smoothed where they arrive, nothing to measure
        }
        Gauge.builder("rfid.cluster.locations.owned", smoothing, s -> s.ownedLocations().size())
                .description("locations whose smoothing runs on this member").register(registry);
        FunctionCounter.builder("rfid.cluster.reads.forwarded", smoothing, ClusterSmoothing::readsForwarded)
                .description("reads appended to the read log of a location another member owns").register(registry);
        Timer appends = Timer.builder("rfid.cluster.read.log.append")
                .description("per ingest round (a reader batch, or the batches coalesced from the reads queue): until every location's read-log chunk and its backup are written")
                .publishPercentileHistogram().register(registry);
        smoothing.onAppendLatency(nanos -> appends.record(nanos, TimeUnit.NANOSECONDS));
        Gauge.builder("rfid.cluster.snapshot.age", smoothing, ClusterSmoothing::snapshotAgeSeconds).baseUnit("seconds")
                .description("age of the backed-up presences of this member's locations").register(registry);
        FunctionCounter.builder("rfid.cluster.takeovers", smoothing, ClusterSmoothing::takeovers).tag("kind", "location")
                .description("locations taken with another member's snapshot; reader connections taken from a dead member")
                .register(registry);
        FunctionCounter.builder("rfid.cluster.read.log.copies.skipped", smoothing, ClusterSmoothing::logCopiesSkipped)
                .description("read-log entries skipped as copies of an ingest round already applied (appends Hazelcast retried"
                        + " when a member left)").register(registry);
        FunctionCounter.builder("rfid.cluster.presences.adopted", smoothing, ClusterSmoothing::presencesAdopted)
                .description("open presences taken over from a member that merged into this cluster after a network split")
                .register(registry);
    }

    private static double members(HazelcastInstance hazelcast) {
        try {
            return hazelcast.getCluster().getMembers().size();
        } catch (HazelcastInstanceNotActiveException e) {
            return 0;
        }
    }
}
