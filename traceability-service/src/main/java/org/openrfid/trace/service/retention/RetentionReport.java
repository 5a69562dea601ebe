package org.openrfid.trace.service.retention;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * What one retention run did; kept in the cluster so any member shows the last run.
 *
 * @param trigger           SCHEDULED or MANUAL
 * @param member            the cluster member (or host) that ran it
 * @param startedAt         when it started
 * @param finishedAt        when it ended
 * @param partitionsDropped whole day partitions dropped (PostGIS)
 * @param deleted           passages deleted row by row
 * @param anonymised        passages anonymised
 * @param policies          the policies applied, as text
 * @param error             why it failed, or null when it succeeded
 * @param plateReadsDeleted camera plate reads deleted (they follow the vehicle policy: a plate is a vehicle)
 */
public record RetentionReport(String trigger, String member, Instant startedAt, Instant finishedAt, int partitionsDropped,
                              long deleted, long anonymised, List<String> policies, String error, long plateReadsDeleted)
        implements Serializable {

    public RetentionReport {
        policies = List.copyOf(policies);
    }

    /** A report of a run that deleted no plate reads. */
    public RetentionReport(String trigger, String member, Instant startedAt, Instant finishedAt, int partitionsDropped,
                           long deleted, long anonymised, List<String> policies, String error) {
        this(trigger, member, startedAt, finishedAt, partitionsDropped, deleted, anonymised, policies, error, 0);
    }

    public boolean succeeded() {
        return error == null;
    }
}
