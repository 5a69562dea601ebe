package org.openrfid.trace.web.system;

import java.util.List;
import org.openrfid.trace.service.retention.RetentionJob;
import org.openrfid.trace.service.retention.RetentionPolicy;
import org.openrfid.trace.service.retention.RetentionProperties;
import org.openrfid.trace.service.retention.RetentionReport;

/**
 * Retention as the system page shows it: whether the nightly run is on and when, the policy per data kind,
 * and the cluster's last run ({@code lastRun} null when none has run since the cluster started).
 */
public record RetentionView(boolean scheduled, String schedule, List<Policy> policies, RetentionReport lastRun) {

    /** One kind's policy; {@code kindKey} is the message key of the kind (unbound tags: {@code kind.TAG}). */
    public record Policy(String kindKey, int keepDays, String action, int watchlistedKeepDays, boolean watchable) {
    }

    public static RetentionView of(RetentionProperties properties, RetentionJob job) {
        List<Policy> policies = job.policies().stream().map(RetentionView::policy).toList();
        return new RetentionView(properties.enabled(), properties.schedule(), policies, job.last().orElse(null));
    }

    private static Policy policy(RetentionPolicy p) {
        return new Policy(p.kind() == null ? "kind.TAG" : "kind." + p.kind().name(), p.keepDays(), p.action().name(),
                p.watchlistedKeepDays(), p.kind() != null);
    }

    /** Rows the last run removed: passages deleted one by one; whole day partitions are counted apart. */
    public long removed() {
        return lastRun == null ? 0 : lastRun.deleted();
    }
}
