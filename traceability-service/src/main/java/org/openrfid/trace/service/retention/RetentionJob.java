package org.openrfid.trace.service.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.openrfid.trace.service.anpr.PlateReads;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One retention run: applies the configured policies, counts what it did in metrics, logs one line,
 * and keeps the report. Runs are exclusive across the cluster ({@link RunGuard}).
 */
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    public enum Trigger { SCHEDULED, MANUAL }

    private final PassageRetention retention;
    private final PlateReads plateReads;
    private final List<RetentionPolicy> policies;
    private final RunGuard guard;
    private final Clock clock;
    private final String member;
    private final Counter deleted;
    private final Counter anonymised;
    private final Counter partitions;
    private final Counter plateReadsDeleted;
    private final Counter failures;
    private final Timer duration;
    private final AtomicLong lastSuccess = new AtomicLong();

    RetentionJob(PassageRetention retention, List<RetentionPolicy> policies, RunGuard guard, Clock clock, String member, MeterRegistry meters) {
        this(retention, null, policies, guard, clock, member, meters);
    }

    /** @param plateReads the camera plate reads, kept as long as vehicle passages; null where there are none */
    RetentionJob(PassageRetention retention, PlateReads plateReads, List<RetentionPolicy> policies, RunGuard guard, Clock clock,
                 String member, MeterRegistry meters) {
        this.retention = retention;
        this.plateReads = plateReads;
        this.policies = List.copyOf(policies);
        this.guard = guard;
        this.clock = clock;
        this.member = member;
        this.deleted = Counter.builder("rfid.retention.passages.deleted").description("passages deleted by retention").register(meters);
        this.anonymised = Counter.builder("rfid.retention.passages.anonymised").description("passages anonymised by retention").register(meters);
        this.partitions = Counter.builder("rfid.retention.partitions.dropped").description("day partitions dropped by retention").register(meters);
        this.plateReadsDeleted = Counter.builder("rfid.retention.plate.reads.deleted").description("camera plate reads deleted by retention")
                .register(meters);
        this.failures = Counter.builder("rfid.retention.failures").description("retention runs that failed").register(meters);
        this.duration = Timer.builder("rfid.retention.run").description("retention run time").register(meters);
        Gauge.builder("rfid.retention.last.success", lastSuccess, AtomicLong::get).baseUnit("seconds")
                .description("end of the last successful retention run on this member, Unix time; 0 before the first").register(meters);
    }

    public List<RetentionPolicy> policies() {
        return policies;
    }

    /** Runs now unless a run is already under way in the cluster (empty then). */
    public Optional<RetentionReport> run(Trigger trigger) {
        return guard.runExclusively(() -> runOnce(trigger));
    }

    /** The schedule's entry: only the oldest member runs it. */
    void scheduled() {
        if (!guard.runsSchedule()) {
            log.debug("Retention: the oldest cluster member runs the schedule, not this one");
            return;
        }
        if (run(Trigger.SCHEDULED).isEmpty()) {
            log.info("Retention: a run is already under way in the cluster; this scheduled run is skipped");
        }
    }

    public Optional<RetentionReport> last() {
        return guard.last();
    }

    private RetentionReport runOnce(Trigger trigger) {
        Instant started = clock.instant();
        List<String> applied = policies.stream().map(RetentionJob::describe).toList();
        try {
            PassageRetention.Result r = retention.apply(policies);
            long plates = applyToPlateReads(started);
            Instant finished = clock.instant();
            deleted.increment(r.deleted());
            anonymised.increment(r.anonymised());
            partitions.increment(r.partitionsDropped());
            plateReadsDeleted.increment(plates);
            duration.record(Duration.between(started, finished));
            lastSuccess.set(finished.getEpochSecond());
            log.info("Retention run ({}, {}): {} partitions dropped, {} passages deleted, {} anonymised, {} plate reads deleted in {} ms; policies {}",
                    trigger, member, r.partitionsDropped(), r.deleted(), r.anonymised(), plates, Duration.between(started, finished).toMillis(), applied);
            return new RetentionReport(trigger.name(), member, started, finished, r.partitionsDropped(), r.deleted(), r.anonymised(), applied, null,
                    plates);
        } catch (RuntimeException e) {
            Instant finished = clock.instant();
            failures.increment();
            duration.record(Duration.between(started, finished));
            // What earlier days' transactions removed stays removed; the next run carries on from there.
            log.error("Retention run ({}, {}) failed after {} ms: {}", trigger, member, Duration.between(started, finished).toMillis(), e.toString(), e);
            return new RetentionReport(trigger.name(), member, started, finished, 0, 0, 0, applied, e.toString());
        }
    }

    /**
     * Camera plate reads name a vehicle as surely as its passages do: they go when the vehicle policy's passages go
     * (deleted whether the policy drops or anonymises, since a plate read without its plate says nothing), reads of
     * the plate of a vehicle on a watchlist now when its watchlisted passages go. Without a vehicle policy they are kept.
     */
    private long applyToPlateReads(Instant now) {
        if (plateReads == null) {
            return 0;
        }
        return policies.stream().filter(p -> p.kind() == ObjectKind.VEHICLE).findFirst()
                .map(p -> plateReads.deleteOlderThan(now.minus(Duration.ofDays(p.keepDays())), now.minus(Duration.ofDays(p.watchlistedKeepDays())), now))
                .orElse(0L);
    }

    static String describe(RetentionPolicy p) {
        return (p.kind() == null ? "unbound" : p.kind().name().toLowerCase(java.util.Locale.ROOT)) + ": " + p.action() + " after " + p.keepDays()
                + " days" + (p.kind() != null ? ", watchlisted after " + p.watchlistedKeepDays() + " days" : "");
    }
}
