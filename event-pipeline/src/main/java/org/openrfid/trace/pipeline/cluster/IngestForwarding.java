package org.openrfid.trace.pipeline.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.partition.PartitionService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.openrfid.trace.passage.ReadPoint;
import org.openrfid.trace.passage.ReadPointDirectory;
import org.openrfid.trace.reader.TagRead;
import org.openrfid.trace.reader.TagReadBatch;

/**
 * The ingress side, on any member: splits reader batches by location and appends one chunk per location
 * to that location's {@link ReadLog}, all locations' appends in flight together, returning once every one
 * is durable. Runs on the ingress thread (the caller of {@link ClusterSmoothing#ingestAll}, the reads
 * queue's one consumer), so each location's chunks are appended one round at a time and its reads stay
 * in queue order. It keeps no state between rounds but its counters and the round number; the rounds waiting are shown to the
 * stall watch through {@link AppendsInFlight}.
 *
 * <p>The ingress hands in every batch already waiting in the reads queue, so that is one Hazelcast call per
 * location per round trip, never per read and no longer per batch: while one append waits, the next
 * batches queue up and go together in the next. A ringbuffer rather than an executor task or a topic
 * because it is a <em>replayable</em> log: the owner consumes it in order, and after a member dies the new
 * owner restarts from the sequence its snapshot says, so the reads the dead member had taken in but not yet
 * snapshotted are applied again, each exactly once, in the original order. A partition-aware executor task
 * would be lost with the member that ran it; a topic offers no replay from a chosen position tied to the
 * state. Readers on the owner append the same way (one code path; a single node is a cluster of one).
 *
 * <p>Each chunk names this ingress and its round ({@link ReadChunks.Origin}); a round's appends all finish
 * before the next round's start, which is what lets the owner skip a retried copy ({@link AppliedRounds}).
 */
final class IngestForwarding {

    private final PartitionService partitions;
    private final ReadPointDirectory directory;
    private final ReadLog readLog;
    private final OwnedLocationSmoothing smoothing;
    private final AppendsInFlight inFlight;
    private final AtomicLong readsForwarded = new AtomicLong();
    /** This ingress in the chunks' origins: random, so a restarted or merged member is a new source. */
    private final UUID source = UUID.randomUUID();
    /** Rounds numbered in the order they start (atomic: nothing stops a caller from ingesting on two threads). */
    private final AtomicLong rounds = new AtomicLong();
    private volatile LongConsumer appendLatency = nanos -> { };

    IngestForwarding(PartitionService partitions, ReadPointDirectory directory, ReadLog readLog, OwnedLocationSmoothing smoothing,
                     AppendsInFlight inFlight) {
        this.partitions = partitions;
        this.directory = directory;
        this.readLog = readLog;
        this.smoothing = smoothing;
        this.inFlight = inFlight;
    }

    /** See {@link ClusterSmoothing#ingestAll}. */
    void ingestAll(List<TagReadBatch> batches) {
        Map<String, List<ReadChunks.Group>> byLocation = new LinkedHashMap<>(8);
        Map<String, int[]> readsByLocation = new HashMap<>(8);
        for (TagReadBatch batch : batches) {
            splitByLocation(batch, byLocation, readsByLocation);
        }
        String[] locations = byLocation.keySet().toArray(String[]::new);
        CompletableFuture<?>[] appends = new CompletableFuture<?>[locations.length];
        long start = System.nanoTime();
        ReadChunks.Origin origin = new ReadChunks.Origin(source, rounds.incrementAndGet());
        Long inFlightRound = inFlight.started(start);
        try {
            for (int i = 0; i < locations.length; i++) {
                appends[i] = readLog.append(locations[i], ReadChunks.encode(origin, byLocation.get(locations[i]))).toCompletableFuture();
                if (!ownedByThisMember(locations[i])) {
                    readsForwarded.addAndGet(readsByLocation.get(locations[i])[0]);
                }
            }
            awaitAll(appends, locations, readsByLocation, batches.size());
        } finally {
            inFlight.finished(inFlightRound);
        }
        if (appends.length > 0) {
            appendLatency.accept(System.nanoTime() - start);
        }
    }

    private void splitByLocation(TagReadBatch batch, Map<String, List<ReadChunks.Group>> byLocation, Map<String, int[]> readsByLocation) {
        Map<String, List<TagRead>> mine = new LinkedHashMap<>(4);
        List<TagRead> unmapped = null;
        int lastAntenna = Integer.MIN_VALUE;
        String lastReader = null;
        List<TagRead> lastList = null;
        for (TagRead read : batch.reads()) {
            if (read.antenna() != lastAntenna || !read.readerId().equals(lastReader)) {
                lastAntenna = read.antenna();
                lastReader = read.readerId();
                ReadPoint at = directory.find(read.readerId(), read.antenna()).orElse(null);
                lastList = at == null ? null : mine.computeIfAbsent(at.locationId(), l -> new ArrayList<>());
            }
            if (lastList != null) {
                lastList.add(read);
            } else {
                if (unmapped == null) {
                    unmapped = new ArrayList<>();
                }
                unmapped.add(read);
            }
        }
        if (unmapped != null) {
            smoothing.sendUnmapped(new TagReadBatch(batch.readerId(), unmapped));
        }
        for (Map.Entry<String, List<TagRead>> e : mine.entrySet()) {
            byLocation.computeIfAbsent(e.getKey(), l -> new ArrayList<>(4)).add(new ReadChunks.Group(batch.readerId(), e.getValue()));
            readsByLocation.computeIfAbsent(e.getKey(), l -> new int[1])[0] += e.getValue().size();
        }
    }

    private static void awaitAll(CompletableFuture<?>[] appends, String[] locations, Map<String, int[]> readsByLocation, int batchCount) {
        try {
            CompletableFuture.allOf(appends).join();
        } catch (CompletionException e) {
            int failedReads = 0;
            List<String> failed = new ArrayList<>();
            for (int i = 0; i < appends.length; i++) {
                if (appends[i].isCompletedExceptionally()) {
                    failed.add(locations[i]);
                    failedReads += readsByLocation.get(locations[i])[0];
                }
            }
            throw new ReadsNotAppendedException(failedReads, batchCount, failed, e.getCause() != null ? e.getCause() : e);
        }
    }

    /** The partition table is local: no network call. */
    private boolean ownedByThisMember(String locationId) {
        Member owner = partitions.getPartition(locationId).getOwner();
        return owner != null && owner.localMember();
    }

    void onAppendLatency(LongConsumer nanos) {
        this.appendLatency = nanos;
    }

    long readsForwarded() {
        return readsForwarded.get();
    }
}
